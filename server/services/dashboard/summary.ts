import type { TDashboardFilter, TDashboardSummary } from "@qt/shared/schemas/dashboard";
import type { Db } from "../../db.ts";
import { districtOfArea, isArea } from "../units/area-sql.ts";
import { previousOf } from "./compare.ts";
import { cameraFigures } from "./coverage.ts";
import { areaOfView, type Filter, filterInputOf, resolveFilter } from "./filter.ts";
import { byProvinceOf } from "./provinces.ts";
import { siteGroupsFrom, siteGroupWhere } from "./rollup-sql.ts";
import { byCategory, echoFilter, n } from "./rows.ts";

export type SummaryFigures = Omit<TDashboardSummary, "asOf" | "filter" | "previous">;

/**
 * dashboard.summary: the figures of the filter, stamped with the filter and the time; with
 * `compare`, the same figures of the same days a year earlier as `previous` (decision 039).
 */
export async function dashboardSummary(db: Db, input: TDashboardFilter): Promise<TDashboardSummary> {
  const f = await resolveFilter(db, filterInputOf(input));
  const [figures, previous] = await Promise.all([summaryOf(db, f), previousOf(db, f, input.compare, summaryOf)]);
  return { asOf: new Date().toISOString(), filter: echoFilter(input), ...figures, ...(previous ? { previous } : {}) };
}

/**
 * Headline figures and per-type / per-religion / per-district breakdowns. A site counts in the
 * period when it was established in it; an area is covered when it had a camera installation in
 * the period. Model category and type narrow the site figures only: camera installations belong to
 * no model type. Areas with models are counted under the filter's view (its own area, or today's
 * commune); every other figure is the same in both views. All aggregation is done by PostgreSQL
 * (group by), in four queries over the roll-ups (decision 046).
 */
export async function summaryOf(db: Db, f: Filter): Promise<SummaryFigures> {
  // Read from the roll-ups (decision 046): groups `s` with their count n.
  const from = siteGroupsFrom(f);
  const sw = siteGroupWhere(f);
  const [byModelType, byReligion, cameras, siteDistricts] = await Promise.all([
    db.$queryRaw<
      { code: string; name: string; category: string; sites: bigint; districts: bigint; communes: bigint }[]
    >`SELECT mt.code, mt.name, mt.category::text AS category, SUM(s.n) AS sites,
        COUNT(DISTINCT ${districtOfArea}) AS districts, COUNT(DISTINCT ${areaOfView(f)}) AS communes
      FROM ${from} WHERE ${sw}
      GROUP BY mt.id ORDER BY sites DESC, mt.name`,
    db.$queryRaw<{ religion: string; sites: bigint }[]>`
      SELECT s.religion, SUM(s.n) AS sites
      FROM ${from}
      WHERE mt.category = 'religious' AND s.religion <> '' AND ${sw}
      GROUP BY s.religion ORDER BY sites DESC`,
    cameraFigures(db, f),
    // Per district and category, and per district alone (category NULL) with its areas that have sites.
    db.$queryRaw<{ district_id: number; category: string | null; sites: bigint; areas: bigint }[]>`
      SELECT district_id, category, SUM(n) AS sites, COUNT(DISTINCT area_id) AS areas FROM (
        SELECT ${districtOfArea} AS district_id, mt.category::text AS category, ${areaOfView(f)} AS area_id, s.n
        FROM ${from} WHERE ${isArea} AND ${sw}) x
      GROUP BY GROUPING SETS ((district_id, category), (district_id))`,
  ]);

  const sitesOf = (districtId: number) => siteDistricts.filter((r) => n(r.district_id) === districtId);
  const byProvince = await byProvinceOf(db, f, cameras.districts, (id) =>
    n(sitesOf(id).find((r) => r.category === null)?.sites),
  );
  const byDistrict = cameras.districts.map(({ id, recorders: _r, memoryCards: _m, installations: _i, ...d }) => {
    const rows = sitesOf(id);
    const total = rows.find((r) => r.category === null);
    return {
      code: d.code,
      name: d.name,
      sites: n(total?.sites),
      areas: d.areas,
      coveredAreas: d.coveredAreas,
      currentAreas: d.currentAreas,
      currentCoveredAreas: d.currentCoveredAreas,
      cameras: d.cameras,
      costVnd: d.costVnd,
      byCategory: byCategory(rows),
      areasWithSites: n(total?.areas),
    };
  });
  return {
    modelTypeCount: byModelType.length,
    siteCount: byModelType.reduce((sum, t) => sum + n(t.sites), 0),
    areasWithModels: byDistrict.reduce((sum, d) => sum + d.areasWithSites, 0),
    cameraCoverage: cameras.coverage,
    cameras: cameras.totals,
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
    byProvince,
    byDistrict: byDistrict.map(({ areasWithSites: _a, ...d }) => d),
  };
}
