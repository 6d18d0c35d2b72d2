import type { TDashboardAreas, TDashboardAreasInput } from "@qt/shared/schemas/dashboard";
import type { Db } from "../db.ts";
import {
  byCategory,
  cameraWhere,
  coveredAreasSql,
  n,
  resolveFilter,
  SITE_FROM,
  siteWhere,
} from "./dashboard-filter.ts";
import { districtOfArea, isArea, requireDistrict } from "./units.ts";

/**
 * The commune-level areas of one district: sites per model category, whether the area had a camera
 * installation in the period (✓/✗) and how many cameras. Three grouped queries.
 */
export async function dashboardAreas(db: Db, input: TDashboardAreasInput): Promise<TDashboardAreas> {
  const district = await requireDistrict(db, input.districtCode);
  const f = await resolveFilter(db, input);
  const [areas, sites, cams] = await Promise.all([
    db.$queryRaw<{ id: number; code: string; name: string; current: boolean; covered: boolean }[]>`
      WITH covered AS (${coveredAreasSql(f)})
      SELECT a.id, a.code, a.name, a.catalog = 'two_level' AS current,
        EXISTS (SELECT 1 FROM covered WHERE covered.area_id = a.id) AS covered
      FROM admin_unit a
      WHERE ${isArea} AND ${districtOfArea} = ${district.id} ORDER BY a.catalog, a.code`,
    db.$queryRaw<{ area_id: number; category: string; sites: bigint }[]>`
      SELECT s.area_id, mt.category::text AS category, COUNT(*) AS sites
      FROM ${SITE_FROM} WHERE ${siteWhere(f)} GROUP BY 1, 2`,
    db.$queryRaw<{ area_id: number; cameras: bigint }[]>`
      SELECT ci.area_id, SUM(ci.cameras) AS cameras
      FROM camera_installation ci JOIN admin_unit a ON a.id = ci.area_id
      WHERE ${cameraWhere(f)} GROUP BY 1`,
  ]);
  const camOf = new Map(cams.map((c) => [n(c.area_id), n(c.cameras)]));
  return {
    district: { code: district.code, name: district.name },
    areas: areas.map((a) => {
      const counts = byCategory(sites.filter((s) => n(s.area_id) === n(a.id)));
      return {
        code: a.code,
        name: a.name,
        sites: Object.values(counts).reduce((x, y) => x + y, 0),
        byCategory: counts,
        covered: a.covered,
        cameras: camOf.get(n(a.id)) ?? 0,
        current: a.current,
      };
    }),
  };
}
