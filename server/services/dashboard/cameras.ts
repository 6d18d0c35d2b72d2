import { isoOf } from "@qt/shared/dates";
import type { TDashboardCameras, TDashboardFilter } from "@qt/shared/schemas/dashboard";
import type { Db } from "../../db.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { previousOf } from "./compare.ts";
import { cameraFigures, camerasByAreaSql, coveredInViewSql, listedAreasSql } from "./coverage.ts";
import { type Filter, filterInputOf, resolveFilter } from "./filter.ts";
import { fundingGroups } from "./rollup-sql.ts";
import { n } from "./rows.ts";

/**
 * Security cameras: coverage and equipment per district (cameraFigures), per funding source, and
 * each area with its cameras and first installation. Model category/type do not apply to
 * installations.
 */
export async function dashboardCameras(db: Db, input: TDashboardFilter): Promise<TDashboardCameras> {
  const f = await resolveFilter(db, filterInputOf(input));
  const [figures, funding, areas, previous] = await Promise.all([
    cameraFigures(db, f),
    fundingOf(db, f),
    cameraAreasOf(db, f),
    previousOf(db, f, input.compare, async (db, earlier) => {
      const { coverage, totals } = await cameraFigures(db, earlier);
      return { coverage, totals };
    }),
  ]);
  return {
    coverage: figures.coverage,
    totals: figures.totals,
    ...(previous ? { previous } : {}),
    districts: figures.districts.map(({ id: _id, installations: _i, ...d }) => d),
    funding,
    areas,
  };
}

/** Camera installations, cameras and cost per funding source, the costliest first (from the roll-up). */
export async function fundingOf(db: Db, f: Filter): Promise<TDashboardCameras["funding"]> {
  const rows = await db.$queryRaw<
    { source: TDashboardCameras["funding"][number]["source"]; installations: bigint; cameras: bigint; cost: Money }[]
  >`SELECT * FROM (${fundingGroups(f)}) x ORDER BY cost DESC NULLS LAST`;
  return rows.map((r) => ({
    source: r.source,
    installations: n(r.installations),
    cameras: n(r.cameras),
    costVnd: n(r.cost),
  }));
}

type Money = Prisma.Decimal | null;

/**
 * Every area the view lists with its cameras in the period (in "current", today's communes with
 * the cameras of the areas they took over); covered when it (or an area it took over) had one.
 */
async function cameraAreasOf(db: Db, f: Filter): Promise<TDashboardCameras["areas"]> {
  const rows = await db.$queryRaw<
    {
      code: string;
      name: string;
      district_code: string;
      district_name: string;
      cameras: bigint | null;
      first_on: Date | null;
      current: boolean;
    }[]
  >`WITH covered AS (${coveredInViewSql(f)}), cam AS (${camerasByAreaSql(f)}), listed AS (${listedAreasSql(f)})
    SELECT l.code, l.name, l.district_code, l.district_name, cam.cameras, cv.first_on, l.current
    FROM listed l LEFT JOIN cam ON cam.area_id = l.id LEFT JOIN covered cv ON cv.area_id = l.id
    ORDER BY l.district_code, l.catalog, l.code`;
  return rows.map((a) => ({
    code: a.code,
    name: a.name,
    districtCode: a.district_code,
    districtName: a.district_name,
    covered: a.first_on !== null,
    cameras: n(a.cameras),
    current: a.current,
    firstInstalledOn: a.first_on ? isoOf(a.first_on) : null,
  }));
}
