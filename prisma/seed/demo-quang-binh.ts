import type { Db } from "../../server/db.ts";
import type { FundingSource, Prisma } from "../../server/generated/prisma/client.ts";
import {
  clanName,
  dayIn,
  GIVEN,
  MIDDLE,
  modelTypeIds,
  policeOf,
  SURNAMES,
  saveDemoRows,
  shortName,
  type ValidArea,
} from "./demo-common.ts";
import { awardRow, installationRow, seededRandom, siteRow } from "./factories.ts";

/** The last day of the district-level list: no record of an old area is dated after it. */
const LAST_OLD_DAY = new Date(Date.UTC(2025, 5, 30));
const FIRST_DAY = new Date(Date.UTC(2007, 0, 1));

/**
 * Model types seen in former Quảng Bình (../shared/reference/model-names.json), with the first
 * year a demo site of each may carry ("Zalo - Kết nối bình yên" began in 2021) and how many sites
 * to make. Counts are invented for the demonstration: nothing here is an official figure.
 */
const QB_TYPES: { code: string; since: number; sites: [number, number] }[] = [
  { code: "street-group-self-management", since: 2007, sites: [6, 12] },
  { code: "neighbour-group", since: 2007, sites: [6, 12] },
  { code: "residential-no-drugs", since: 2009, sites: [4, 9] },
  { code: "residential-self-management", since: 2007, sites: [5, 10] },
  { code: "street-group-charity", since: 2012, sites: [2, 4] },
  { code: "law-club", since: 2008, sites: [3, 8] },
  { code: "five-help-one", since: 2010, sites: [3, 7] },
  { code: "help-juvenile-offenders", since: 2014, sites: [2, 5] },
  { code: "veterans-educate-youth", since: 2011, sites: [2, 5] },
  { code: "safe-village", since: 2009, sites: [5, 10] },
  { code: "five-safe", since: 2013, sites: [3, 7] },
  { code: "safe-school", since: 2010, sites: [4, 8] },
  { code: "people-security-team", since: 2007, sites: [5, 10] },
  { code: "safe-household", since: 2016, sites: [3, 7] },
  { code: "zalo-peace", since: 2021, sites: [2, 5] },
  { code: "border-info-link", since: 2015, sites: [2, 4] },
  { code: "clan-self-managed", since: 2008, sites: [6, 14] },
  { code: "parish-security", since: 2010, sites: [3, 7] },
];

/**
 * Demo records on the land of former Quảng Bình (GSO 44), 2007–30/06/2025, each dated while its
 * area existed (the six communes merged on 01/12/2024 get nothing after 30/11/2024). Deterministic
 * (its own fixed seed), every row `isDemo`.
 */
export async function loadQuangBinhDemo(db: Db): Promise<void> {
  const r = seededRandom(20250701);
  const inQuangBinh = { catalog: "three_level", code: "44" } as const;
  const communes = await db.adminUnit.findMany({
    where: { catalog: "three_level", level: "commune", parent: { parent: inQuangBinh } },
    select: { id: true, name: true, validTo: true, parent: { select: { name: true } } },
    orderBy: { code: "asc" },
  });
  const areas: ValidArea[] = communes.map((c) => ({
    id: c.id,
    name: c.name,
    districtName: c.parent?.name ?? "",
    from: FIRST_DAY,
    to: c.validTo && c.validTo < LAST_OLD_DAY ? c.validTo : LAST_OLD_DAY,
  }));
  const typeId = await modelTypeIds(db);

  const sites: Prisma.SiteCreateManyInput[] = [];
  for (const t of QB_TYPES) {
    for (let i = r.int(...t.sites); i > 0; i--) {
      const area = r.pick(areas);
      const since = new Date(Date.UTC(t.since, 0, 1));
      const establishedOn = dayIn(r, since > area.from ? since : area.from, area.to);
      const place = shortName(area.name);
      const clan = t.code === "clan-self-managed" ? clanName(r) : null;
      sites.push(
        siteRow(area, {
          modelTypeId: typeId(t.code),
          name: clan
            ? `${clan} – ${place}`
            : t.code === "parish-security"
              ? `Giáo họ ${place}`
              : `${place} – điểm ${i}`,
          host: clan ?? (t.code === "parish-security" ? `Giáo họ ${place}` : ""),
          religion: t.code === "parish-security" ? "catholicism" : null,
          establishedOn,
          households: clan ? r.int(15, 120) : null,
          members: t.code === "parish-security" ? r.int(150, 1800) : null,
          isDemo: true,
        }),
      );
    }
  }

  // "Camera giám sát ANTT" (seen in Đồng Hới): a camera site and installations in some areas.
  const covered = r.shuffle(areas).slice(0, r.int(28, 40));
  const installs = [...covered, ...Array.from({ length: 8 }, () => r.pick(covered))];
  const cameraFrom = new Date(Date.UTC(2014, 0, 1));
  const siteOn = new Map<ValidArea, Date>();
  for (const area of covered) {
    const on = dayIn(r, cameraFrom, area.to);
    siteOn.set(area, on);
    sites.push(
      siteRow(area, {
        modelTypeId: typeId("security-camera"),
        name: `Camera giám sát ANTT ${shortName(area.name)}`,
        host: policeOf(area.name),
        establishedOn: on,
        isDemo: true,
      }),
    );
  }
  const funding: FundingSource[] = ["state_budget", "socialized", "mixed"];
  const installations = installs.map((area, i) => {
    const first = siteOn.get(area) ?? cameraFrom;
    const cameras = r.int(3, 16);
    return installationRow(area, {
      installedOn: i < covered.length ? first : dayIn(r, first, area.to),
      cameras,
      recorders: r.int(0, 1),
      memoryCards: r.int(0, 2),
      costVnd: BigInt(cameras * r.int(45, 90) * 100_000),
      fundingSource: r.pick(funding),
      isDemo: true,
    });
  });

  const awards: Prisma.AwardCreateManyInput[] = [];
  for (let i = 0; i < 16; i++) {
    const area = r.pick(areas);
    const individual = r.next() < 0.4;
    awards.push(
      awardRow(area, {
        year: r.int(2010, area.to.getUTCFullYear()),
        issuer: r.pick(["provincial_committee", "provincial_police"] as const),
        form: r.pick(["certificate_of_merit", "certificate"] as const),
        recipientKind: individual ? "individual" : "collective",
        recipientName: individual
          ? `${r.pick(SURNAMES)} ${r.pick(MIDDLE)} ${r.pick(GIVEN)}`
          : `Ban Công tác Mặt trận ${shortName(area.name)}`,
        isDemo: true,
      }),
    );
  }

  await saveDemoRows(db, { sites, installations, awards });
}
