import type { TDashboardCameras, TDashboardFilter } from "@qt/shared/schemas/dashboard";
import type { Db } from "../db.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { cameraWhere, coveredAreasSql, isoDay, n, resolveFilter } from "./dashboard-filter.ts";
import { districtOfArea, isArea } from "./units.ts";

type Money = Prisma.Decimal | null;

/**
 * Security cameras: summed per area in SQL (covered when it had an installation in the period), then
 * rolled up over the ≤126 area rows per district, and per funding source. Model category/type do not
 * apply to installations.
 */
export async function dashboardCameras(db: Db, input: TDashboardFilter): Promise<TDashboardCameras> {
  const f = await resolveFilter(db, input);
  const cw = cameraWhere(f);
  const districtOnly = f.districtId !== null ? Prisma.sql`AND d.id = ${f.districtId}` : Prisma.empty;
  const [areas, funding] = await Promise.all([
    db.$queryRaw<
      {
        code: string;
        name: string;
        district_code: string;
        district_name: string;
        cameras: bigint | null;
        recorders: bigint | null;
        memory_cards: bigint | null;
        cost: Money;
        first_on: Date | null;
        current: boolean;
      }[]
    >`WITH covered AS (${coveredAreasSql(f)}),
      cam AS (
        SELECT ci.area_id, SUM(ci.cameras) AS cameras, SUM(ci.recorders) AS recorders,
          SUM(ci.memory_cards) AS memory_cards, SUM(ci.cost_vnd) AS cost
        FROM camera_installation ci JOIN admin_unit a ON a.id = ci.area_id
        WHERE ${cw} GROUP BY ci.area_id)
      SELECT a.code, a.name, d.code AS district_code, d.name AS district_name,
        cam.cameras, cam.recorders, cam.memory_cards, cam.cost, cv.first_on, a.catalog = 'two_level' AS current
      FROM admin_unit a JOIN admin_unit d ON d.id = ${districtOfArea}
      LEFT JOIN cam ON cam.area_id = a.id
      LEFT JOIN covered cv ON cv.area_id = a.id
      WHERE ${isArea} ${districtOnly}
      ORDER BY d.code, a.catalog, a.code`,
    db.$queryRaw<{ source: string; installations: bigint; cameras: bigint; cost: Money }[]>`
      SELECT ci.funding_source::text AS source, COUNT(*) AS installations, SUM(ci.cameras) AS cameras,
        SUM(ci.cost_vnd) AS cost
      FROM camera_installation ci JOIN admin_unit a ON a.id = ci.area_id
      WHERE ${cw} GROUP BY 1 ORDER BY cost DESC NULLS LAST`,
  ]);
  const byDistrict = new Map<string, TDashboardCameras["districts"][number]>();
  for (const a of areas) {
    const d = byDistrict.get(a.district_code) ?? {
      code: a.district_code,
      name: a.district_name,
      areas: 0,
      coveredAreas: 0,
      currentAreas: 0,
      currentCoveredAreas: 0,
      cameras: 0,
      recorders: 0,
      memoryCards: 0,
      costVnd: 0,
    };
    if (a.current) {
      d.currentAreas += 1;
      d.currentCoveredAreas += a.first_on ? 1 : 0;
    } else {
      d.areas += 1;
      d.coveredAreas += a.first_on ? 1 : 0;
    }
    d.cameras += n(a.cameras);
    d.recorders += n(a.recorders);
    d.memoryCards += n(a.memory_cards);
    d.costVnd += n(a.cost);
    byDistrict.set(a.district_code, d);
  }
  const districts = [...byDistrict.values()];
  const sum = (k: "cameras" | "recorders" | "memoryCards" | "costVnd") => districts.reduce((s, d) => s + d[k], 0);
  return {
    coverage: {
      covered: districts.reduce((s, d) => s + d.coveredAreas, 0),
      total: districts.reduce((s, d) => s + d.areas, 0),
      current: {
        covered: districts.reduce((s, d) => s + d.currentCoveredAreas, 0),
        total: districts.reduce((s, d) => s + d.currentAreas, 0),
      },
    },
    totals: {
      cameras: sum("cameras"),
      recorders: sum("recorders"),
      memoryCards: sum("memoryCards"),
      costVnd: sum("costVnd"),
      installations: funding.reduce((s, r) => s + n(r.installations), 0),
    },
    districts,
    funding: funding.map((r) => ({
      source: r.source as TDashboardCameras["funding"][number]["source"],
      installations: n(r.installations),
      cameras: n(r.cameras),
      costVnd: n(r.cost),
    })),
    areas: areas.map((a) => ({
      code: a.code,
      name: a.name,
      districtCode: a.district_code,
      districtName: a.district_name,
      covered: a.first_on !== null,
      cameras: n(a.cameras),
      current: a.current,
      firstInstalledOn: a.first_on ? isoDay(a.first_on) : null,
    })),
  };
}
