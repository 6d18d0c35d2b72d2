import type { Db } from "../../server/db.ts";
import type { FundingSource, Prisma } from "../../server/generated/prisma/client.ts";
import { clanName, dayIn, modelTypeIds, policeOf, saveDemoRows, shortName, type ValidArea } from "./demo-common.ts";
import { awardRow, installationRow, seededRandom, siteRow } from "./factories.ts";

/** The last day of the district-level list: no record of an old area is dated after it. */
const LAST_OLD_DAY = new Date(Date.UTC(2025, 5, 30));
const FIRST_DAY = new Date(Date.UTC(2010, 0, 1));
const TYPES = ["clan-security", "safe-village", "people-security-team", "safe-school", "residential-self-management"];

/**
 * Demo records of a province other than Quảng Trị in its OLD communes (the list until 30/06/2025),
 * so the view by the units of the record's date and the roll-up into today's communes have
 * something to show (issue 25 item 6): in every old district two sites, one camera installation
 * (with its camera site) and every other district an award, dated 2010–30/06/2025; and a site and
 * an installation in up to eight divided old communes, for the screen "Xã bị chia tách"
 * (decision 055). Deterministic (own seed); every row `isDemo`, removed with the rest.
 */
export async function loadOldCommuneDemo(db: Db): Promise<void> {
  const r = seededRandom(20100101);
  const units = await db.adminUnit.findMany({
    where: {
      catalog: "three_level",
      OR: [{ level: "commune" }, { level: "district", children: { none: {} } }],
    },
    select: {
      id: true,
      name: true,
      level: true,
      validTo: true,
      parent: { select: { id: true, name: true } },
      _count: { select: { dividedInto: true } },
    },
    orderBy: { code: "asc" },
  });
  const area = (u: (typeof units)[number]): ValidArea => ({
    id: u.id,
    name: u.name,
    districtName: u.level === "district" ? u.name : (u.parent?.name ?? ""),
    from: FIRST_DAY,
    to: u.validTo && u.validTo < LAST_OLD_DAY ? u.validTo : LAST_OLD_DAY,
  });
  const byDistrict = new Map<number, ValidArea[]>();
  for (const u of units) {
    const key = u.level === "district" ? u.id : (u.parent?.id ?? 0);
    byDistrict.set(key, [...(byDistrict.get(key) ?? []), area(u)]);
  }
  const divided = r.shuffle(units.filter((u) => u._count.dividedInto > 0).map(area)).slice(0, 8);
  const typeId = await modelTypeIds(db);
  const funding: FundingSource[] = ["state_budget", "socialized", "mixed"];
  const sites: Prisma.SiteCreateManyInput[] = [];
  const installations: Prisma.CameraInstallationCreateManyInput[] = [];
  const awards: Prisma.AwardCreateManyInput[] = [];

  const site = (a: ValidArea, i: number) => {
    const code = r.pick(TYPES);
    const clan = code.startsWith("clan-") ? clanName(r) : null;
    sites.push(
      siteRow(a, {
        modelTypeId: typeId(code),
        name: clan ? `${clan} – ${shortName(a.name)}` : `${shortName(a.name)} – điểm ${i}`,
        host: clan ?? "",
        establishedOn: dayIn(r, a.from, a.to),
        households: clan ? r.int(15, 150) : null,
        isDemo: true,
      }),
    );
  };
  const camera = (a: ValidArea) => {
    const on = dayIn(r, new Date(Date.UTC(2014, 0, 1)), a.to);
    sites.push(
      siteRow(a, {
        modelTypeId: typeId("security-camera"),
        name: `Camera an ninh ${shortName(a.name)}`,
        host: policeOf(a.name),
        establishedOn: on,
        isDemo: true,
      }),
    );
    const cameras = r.int(3, 16);
    installations.push(
      installationRow(a, {
        installedOn: on,
        cameras,
        recorders: r.int(0, 2),
        memoryCards: r.int(0, 3),
        costVnd: BigInt(cameras * r.int(45, 90) * 100_000),
        fundingSource: r.pick(funding),
        isDemo: true,
      }),
    );
  };

  let i = 0;
  for (const areas of byDistrict.values()) {
    site(r.pick(areas), ++i);
    site(r.pick(areas), ++i);
    camera(r.pick(areas));
    if (i % 4 === 2) {
      const a = r.pick(areas);
      awards.push(
        awardRow(a, {
          year: r.int(2012, a.to.getUTCFullYear()),
          issuer: "provincial_police",
          form: "certificate",
          recipientKind: "collective",
          recipientName: policeOf(a.name),
          isDemo: true,
        }),
      );
    }
  }
  for (const a of divided) {
    site(a, ++i);
    camera(a);
  }
  await saveDemoRows(db, { sites, installations, awards });
}
