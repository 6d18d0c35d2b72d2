import type { Db } from "../../server/db.ts";
import type { FundingSource, Prisma } from "../../server/generated/prisma/client.ts";
import { clanName, dayIn, modelTypeIds, policeOf, saveDemoRows, shortName, type ValidArea } from "./demo-common.ts";
import { awardRow, installationRow, seededRandom, siteRow } from "./factories.ts";

const FIRST_DAY = new Date(Date.UTC(2025, 6, 1));
/** The draws stop here, so that two databases seeded after this day hold the same records. */
const LAST_DRAWN_DAY = new Date(Date.UTC(2026, 5, 30));

/** Model types of both old provinces that the demo shows continuing after the reform. */
const TYPES = [
  "clan-security",
  "clan-self-managed",
  "residential-safe",
  "residential-self-management",
  "safe-village",
  "people-security-team",
  "zalo-peace",
  "safe-school",
  "boat-self-management",
  "border-info-link",
];

/**
 * Demo records in today's communes (the list of 01/07/2025, both old provinces' land), dated from
 * 01/07/2025 to today at the latest (never in the future), so the view by today's communes and
 * today's camera coverage have something to show. Deterministic (own seed) once the seeding day is
 * after LAST_DRAWN_DAY; every row `isDemo`.
 */
export async function loadCurrentDemo(db: Db, today: Date = new Date(), provinceCode?: string): Promise<void> {
  const lastDay = new Date(
    Math.min(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()), +LAST_DRAWN_DAY),
  );
  if (lastDay < FIRST_DAY) return;
  const r = seededRandom(20260101);
  const communes = await db.adminUnit.findMany({
    where: {
      catalog: "two_level",
      level: "commune",
      ...(provinceCode ? { parent: { code: provinceCode, catalog: "two_level" as const } } : {}),
    },
    select: { id: true, name: true, formerDistrict: { select: { name: true } } },
    orderBy: { code: "asc" },
  });
  const areas: ValidArea[] = communes.map((c) => ({
    id: c.id,
    name: c.name,
    districtName: c.formerDistrict?.name ?? "",
    from: FIRST_DAY,
    to: lastDay,
  }));
  const typeId = await modelTypeIds(db);

  const sites: Prisma.SiteCreateManyInput[] = [];
  for (let i = 0; i < 40; i++) {
    const area = r.pick(areas);
    const code = r.pick(TYPES);
    const clan = code.startsWith("clan-") ? clanName(r) : null;
    sites.push(
      siteRow(area, {
        modelTypeId: typeId(code),
        name: clan ? `${clan} – ${shortName(area.name)}` : `${shortName(area.name)} – điểm ${i + 1}`,
        host: clan ?? "",
        establishedOn: dayIn(r, area.from, area.to),
        households: clan ? r.int(15, 150) : null,
        isDemo: true,
      }),
    );
  }

  const covered = r.shuffle(areas).slice(0, 24);
  const funding: FundingSource[] = ["state_budget", "socialized", "mixed"];
  const installations: Prisma.CameraInstallationCreateManyInput[] = [];
  for (const area of covered) {
    const on = dayIn(r, area.from, area.to);
    sites.push(
      siteRow(area, {
        modelTypeId: typeId("security-camera"),
        name: `Camera an ninh ${shortName(area.name)}`,
        host: policeOf(area.name),
        establishedOn: on,
        isDemo: true,
      }),
    );
    const cameras = r.int(4, 20);
    installations.push(
      installationRow(area, {
        installedOn: on,
        cameras,
        recorders: r.int(0, 2),
        memoryCards: r.int(0, 3),
        costVnd: BigInt(cameras * r.int(50, 95) * 100_000),
        fundingSource: r.pick(funding),
        isDemo: true,
      }),
    );
  }

  // Awards carry a year only: 2025, when today's communes already existed.
  const awards = Array.from({ length: 6 }, () => {
    const area = r.pick(areas);
    return awardRow(area, {
      year: 2025,
      issuer: "provincial_police",
      form: "certificate",
      recipientKind: "collective",
      recipientName: policeOf(area.name),
      isDemo: true,
    });
  });

  await saveDemoRows(db, { sites, installations, awards });
}
