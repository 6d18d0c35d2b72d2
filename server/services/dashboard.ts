import type { TDashboardFilter, TDashboardSummary } from "@qt/shared/schemas/dashboard";
import type { Db } from "../db.ts";
import { Prisma } from "../generated/prisma/client.ts";
import {
  byCategory,
  cameraWhere,
  coveredAreasSql,
  echoFilter,
  n,
  resolveFilter,
  SITE_FROM,
  siteWhere,
} from "./dashboard-filter.ts";
import { districtOfArea, isArea } from "./units.ts";

export { resolveFilter };

/**
 * Headline figures and per-type / per-religion / per-district breakdowns. A site counts in the
 * period when it was established in it; an area is covered when it had a camera installation in
 * the period. Model category and type narrow the site figures only: camera installations belong to
 * no model type. All aggregation is done by PostgreSQL (group by), in five queries.
 */
export async function dashboardSummary(db: Db, input: TDashboardFilter): Promise<TDashboardSummary> {
  const f = await resolveFilter(db, input);
  const sw = siteWhere(f);
  const cw = cameraWhere(f);

  const [byModelType, byReligion, cameraTotals, byDistrict, districtCategories] = await Promise.all([
    db.$queryRaw<
      { code: string; name: string; category: string; sites: bigint; districts: bigint; communes: bigint }[]
    >`SELECT mt.code, mt.name, mt.category::text AS category, COUNT(*) AS sites,
        COUNT(DISTINCT ${districtOfArea}) AS districts, COUNT(DISTINCT s.area_id) AS communes
      FROM ${SITE_FROM} WHERE ${sw}
      GROUP BY mt.id ORDER BY sites DESC, mt.name`,
    db.$queryRaw<{ religion: string; sites: bigint }[]>`
      SELECT s.religion::text AS religion, COUNT(*) AS sites
      FROM ${SITE_FROM}
      WHERE mt.category = 'religious' AND s.religion IS NOT NULL AND ${sw}
      GROUP BY s.religion ORDER BY sites DESC`,
    db.$queryRaw<
      { cameras: bigint; recorders: bigint; memory_cards: bigint; cost: Prisma.Decimal | null; n: bigint }[]
    >`SELECT SUM(ci.cameras) AS cameras, SUM(ci.recorders) AS recorders, SUM(ci.memory_cards) AS memory_cards,
        SUM(ci.cost_vnd) AS cost, COUNT(*) AS n
      FROM camera_installation ci JOIN admin_unit a ON a.id = ci.area_id
      WHERE ${cw}`,
    db.$queryRaw<
      {
        id: number;
        code: string;
        name: string;
        sites: bigint;
        areas: bigint;
        covered: bigint;
        current_areas: bigint;
        current_covered: bigint;
        area_sites: bigint;
        cameras: bigint;
        cost: Prisma.Decimal | null;
      }[]
    >`WITH areas AS (
        SELECT a.id, a.catalog, ${districtOfArea} AS district_id FROM admin_unit a WHERE ${isArea}),
      covered AS (${coveredAreasSql(f)}),
      site_counts AS (
        SELECT s.area_id, COUNT(*) AS sites FROM ${SITE_FROM}
        WHERE ${sw} GROUP BY s.area_id),
      cam AS (
        SELECT ci.area_id, SUM(ci.cameras) AS cameras, SUM(ci.cost_vnd) AS cost
        FROM camera_installation ci JOIN admin_unit a ON a.id = ci.area_id
        WHERE ${cw} GROUP BY ci.area_id)
      SELECT d.id, d.code, d.name,
        COALESCE(SUM(sc.sites), 0) AS sites,
        COUNT(ar.id) FILTER (WHERE ar.catalog = 'three_level') AS areas,
        COUNT(cv.area_id) FILTER (WHERE ar.catalog = 'three_level') AS covered,
        COUNT(ar.id) FILTER (WHERE ar.catalog = 'two_level') AS current_areas,
        COUNT(cv.area_id) FILTER (WHERE ar.catalog = 'two_level') AS current_covered,
        COUNT(sc.area_id) AS area_sites,
        COALESCE(SUM(cam.cameras), 0) AS cameras,
        SUM(cam.cost) AS cost
      FROM admin_unit d
      JOIN areas ar ON ar.district_id = d.id
      LEFT JOIN site_counts sc ON sc.area_id = ar.id
      LEFT JOIN cam ON cam.area_id = ar.id
      LEFT JOIN covered cv ON cv.area_id = ar.id
      WHERE d.level = 'district' ${f.districtId !== null ? Prisma.sql`AND d.id = ${f.districtId}` : Prisma.empty}
      GROUP BY d.id ORDER BY d.code`,
    db.$queryRaw<{ district_id: number; category: string; sites: bigint }[]>`
      SELECT ${districtOfArea} AS district_id, mt.category::text AS category, COUNT(*) AS sites
      FROM ${SITE_FROM} WHERE ${sw}
      GROUP BY 1, 2`,
  ]);

  const districts = byDistrict.map((d) => ({
    code: d.code,
    name: d.name,
    sites: n(d.sites),
    areas: n(d.areas),
    coveredAreas: n(d.covered),
    currentAreas: n(d.current_areas),
    currentCoveredAreas: n(d.current_covered),
    cameras: n(d.cameras),
    costVnd: n(d.cost),
    byCategory: byCategory(districtCategories.filter((c) => n(c.district_id) === n(d.id))),
  }));
  const cam = cameraTotals[0];
  return {
    asOf: new Date().toISOString(),
    filter: echoFilter(input),
    modelTypeCount: byModelType.length,
    siteCount: byModelType.reduce((sum, t) => sum + n(t.sites), 0),
    areasWithModels: byDistrict.reduce((sum, d) => sum + n(d.area_sites), 0),
    cameraCoverage: {
      covered: districts.reduce((sum, d) => sum + d.coveredAreas, 0),
      total: districts.reduce((sum, d) => sum + d.areas, 0),
      current: {
        covered: districts.reduce((sum, d) => sum + d.currentCoveredAreas, 0),
        total: districts.reduce((sum, d) => sum + d.currentAreas, 0),
      },
    },
    cameras: {
      cameras: n(cam?.cameras),
      recorders: n(cam?.recorders),
      memoryCards: n(cam?.memory_cards),
      costVnd: n(cam?.cost),
      installations: n(cam?.n),
    },
    byModelType: byModelType.map((t) => ({
      code: t.code,
      name: t.name,
      category: t.category as TDashboardSummary["byModelType"][number]["category"],
      sites: n(t.sites),
      districts: n(t.districts),
      communes: n(t.communes),
    })),
    byReligion: byReligion.map((r) => ({
      religion: r.religion as TDashboardSummary["byReligion"][number]["religion"],
      sites: n(r.sites),
    })),
    byDistrict: districts,
  };
}
