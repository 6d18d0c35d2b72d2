import type { TDashboardFilter, TDashboardSummary } from "@qt/shared/schemas/dashboard";
import type { Db } from "../../db.ts";
import { districtOfArea, isArea } from "../units/area-sql.ts";
import { previousOf } from "./compare.ts";
import { cameraFigures } from "./coverage.ts";
import { areaOfView, type Filter, filterInputOf, resolveFilter } from "./filter.ts";
import { byProvinceOf } from "./provinces.ts";
import { siteGroupsFrom, siteGroupWhere } from "./rollup-sql.ts";
import { byCategory, echoFilter, n } from "./rows.ts";
import { cachedPart, type DataVersions } from "./versions.ts";

export type SummaryFigures = Omit<TDashboardSummary, "asOf" | "filter" | "previous">;

/**
 * dashboard.summary: the figures of the filter, stamped with the filter and the time; with
 * `compare`, the same figures of the same days a year earlier as `previous` (decision 039).
 */
export async function dashboardSummary(
  db: Db,
  input: TDashboardFilter,
  versions?: DataVersions,
): Promise<TDashboardSummary> {
  const f = await resolveFilter(db, filterInputOf(input));
  const figures = (db: Db, f: Filter) => summaryOf(db, f, versions);
  const [now, previous] = await Promise.all([figures(db, f), previousOf(db, f, input.compare, figures)]);
  return { asOf: new Date().toISOString(), filter: echoFilter(input), ...now, ...(previous ? { previous } : {}) };
}

type SiteRow = {
  /** Which grouping set the row is: "type", "religion", "district" (with category) or "districtAll". */
  kind: "type" | "religion" | "district" | "districtAll";
  model_type_id: number | null;
  code: string | null;
  name: string | null;
  category: string | null;
  religion: string | null;
  district_id: number | null;
  is_area: boolean | null;
  sites: bigint;
  districts: bigint;
  areas: bigint;
};

/** The tables the site figures read (with approvedOnly, the approvals too). */
const SITE_TABLES = ["site", "model_type", "admin_unit", "approval"] as const;
const CAMERA_TABLES = ["camera_installation", "admin_unit", "approval"] as const;

/** The site figures of the filter as rows of four grouping sets (SiteRow's kind). */
const siteRowsOf = (db: Db, f: Filter) => db.$queryRaw<SiteRow[]>`
      WITH g AS (
        SELECT s.area_id, s.current_unit_id, s.model_type_id, s.religion, SUM(s.n) AS n
        FROM ${siteGroupsFrom(f)} WHERE ${siteGroupWhere(f)}
        GROUP BY 1, 2, 3, 4 HAVING SUM(s.n) > 0),
      x AS (
        SELECT g.n, g.religion, mt.id AS model_type_id, mt.category::text AS category,
          ${districtOfArea} AS district_id, ${areaOfView(f, "g")} AS view_id, ${isArea} AS is_area
        FROM g JOIN model_type mt ON mt.id = g.model_type_id JOIN admin_unit a ON a.id = g.area_id)
      SELECT CASE WHEN GROUPING(x.model_type_id) = 0 THEN 'type'
          WHEN GROUPING(x.religion) = 0 THEN 'religion'
          WHEN GROUPING(x.category) = 0 THEN 'district' ELSE 'districtAll' END AS kind,
        x.model_type_id, mt.code, mt.name, x.category, x.religion, x.district_id, x.is_area, SUM(x.n) AS sites,
        COUNT(DISTINCT x.district_id) AS districts, COUNT(DISTINCT x.view_id) AS areas
      FROM x LEFT JOIN model_type mt ON mt.id = x.model_type_id
      GROUP BY GROUPING SETS ((x.model_type_id, mt.code, mt.name, x.category), (x.category, x.religion),
        (x.is_area, x.district_id, x.category), (x.is_area, x.district_id))
      ORDER BY sites DESC, mt.name, x.religion`;

/**
 * Headline figures and per-type / per-religion / per-district breakdowns. A site counts in the
 * period when it was established in it; an area is covered when it had a camera installation in
 * the period. Model category and type narrow the site figures only: camera installations belong to
 * no model type. Areas with models are counted under the filter's view (its own area, or today's
 * commune); every other figure is the same in both views. All aggregation is done by PostgreSQL,
 * over the roll-ups (decision 046): the site figures in one statement (the period's groups summed
 * over time once, then every breakdown as a grouping set of that), the camera figures in another,
 * run side by side. With the call's data versions (the dashboard's cache), each of the two is kept
 * while the tables it reads are unchanged (decision 060): a write of an installation recounts the
 * camera figures only, a write of a site the site figures only.
 */
export async function summaryOf(db: Db, f: Filter, versions?: DataVersions): Promise<SummaryFigures> {
  const [siteRows, cameras] = await Promise.all([
    cachedPart(db, versions, "summary.sites", f, SITE_TABLES, () => siteRowsOf(db, f)),
    cachedPart(db, versions, "summary.cameras", f, CAMERA_TABLES, () => cameraFigures(db, f)),
  ]);
  const rowsOf = (kind: SiteRow["kind"]) => siteRows.filter((r) => r.kind === kind);
  const byModelType = rowsOf("type");
  const byReligion = rowsOf("religion").filter((r) => r.category === "religious" && r.religion);
  const siteDistricts = siteRows.filter((r) => (r.kind === "district" || r.kind === "districtAll") && r.is_area);
  const sitesOf = (districtId: number) => siteDistricts.filter((r) => n(r.district_id) === districtId);
  const byProvince = await byProvinceOf(db, f, versions, cameras.districts, (id) =>
    n(sitesOf(id).find((r) => r.category === null)?.sites),
  );
  const byDistrict = cameras.districts.map(({ id, recorders: _r, memoryCards: _m, installations: _i, ...d }) => {
    const rows = sitesOf(id);
    const total = rows.find((r) => r.kind === "districtAll");
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
      byCategory: byCategory(rows.filter((r) => r.kind === "district")),
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
      code: t.code ?? "",
      name: t.name ?? "",
      category: t.category as TDashboardSummary["byModelType"][number]["category"],
      sites: n(t.sites),
      districts: n(t.districts),
      communes: n(t.areas),
    })),
    byReligion: byReligion.map((r) => ({
      religion: r.religion as TDashboardSummary["byReligion"][number]["religion"],
      sites: n(r.sites),
    })),
    byProvince,
    byDistrict: byDistrict.map(({ areasWithSites: _a, ...d }) => d),
  };
}
