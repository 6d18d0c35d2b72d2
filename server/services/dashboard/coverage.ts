import { coverageHeadline } from "@qt/shared/coverage";
import type { TDashboardCameras } from "@qt/shared/schemas/dashboard";
import type { Db } from "../../db.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { currentCommuneOfRecord, districtOfArea, isArea } from "../units/area-sql.ts";
import { areaListed, areaOfView, cameraWhere, districtIn, existedInPeriod, type Filter } from "./filter.ts";
import { cameraGroups } from "./rollup-sql.ts";
import { n, sumOf } from "./rows.ts";

/**
 * Areas covered by cameras in the period, as a CTE body with columns `area_id` and `first_on` (the
 * first installation): every area with an installation, and each 01/07/2025 commune that took over
 * such an area (its successor, or the one an editor chose for a divided commune's record), whose own installations and its predecessors' both count. With
 * `rollUp: false` (a table "by the units of the record's date") only an area's own installations.
 */
export function coveredAreasSql(f: Filter, { rollUp = true } = {}): Prisma.Sql {
  const successors = rollUp
    ? Prisma.sql`UNION ALL
      SELECT ${currentCommuneOfRecord("ci")}, ci.installed_on FROM camera_installation ci
        JOIN admin_unit a ON a.id = ci.area_id
        WHERE a.catalog = 'three_level' AND ${currentCommuneOfRecord("ci")} IS NOT NULL AND ${cameraWhere(f)}`
    : Prisma.empty;
  return Prisma.sql`SELECT area_id, MIN(installed_on) AS first_on FROM (
      SELECT ci.area_id, ci.installed_on FROM camera_installation ci JOIN admin_unit a ON a.id = ci.area_id
        WHERE ${cameraWhere(f)}
      ${successors}) installed
    GROUP BY area_id`;
}

/**
 * The covered areas of a table of units under the filter's view: "current" rolls predecessors up
 * into today's communes, as its cameras and sites do; "historical" counts each unit's own records,
 * so a unit is never ticked with 0 cameras beside it.
 */
export const coveredInViewSql = (f: Filter) => coveredAreasSql(f, { rollUp: f.view === "current" });

/**
 * The covered areas (`area_id`) of a CTE `cg` of cameraGroups(f), as a CTE body: coveredAreasSql's
 * rule over the roll-up's groups (an area with a group; with rollUp, today's commune of each group's
 * area or the one an editor chose too), without the first day.
 */
export const coveredGroupsSql = ({ rollUp }: { rollUp: boolean }) =>
  rollUp
    ? Prisma.sql`SELECT area_id FROM cg UNION
      SELECT ${currentCommuneOfRecord("cg")} FROM cg JOIN admin_unit a ON a.id = cg.area_id
        WHERE a.catalog = 'three_level' AND ${currentCommuneOfRecord("cg")} IS NOT NULL`
    : Prisma.sql`SELECT DISTINCT area_id FROM cg`;

/**
 * The cameras (`cameras`) of each area the view counts them in (`area_id`), as a query or CTE body,
 * from the installations' roll-up (decision 058).
 */
export const camerasByAreaSql = (f: Filter) => Prisma.sql`
  SELECT ${areaOfView(f, "cg")} AS area_id, SUM(cg.cameras) AS cameras
  FROM (${cameraGroups(f)}) cg JOIN admin_unit a ON a.id = cg.area_id GROUP BY 1`;

/**
 * The commune-level areas the view lists, in the filter's districts, as a CTE body: `id`, `code`,
 * `name`, `catalog`, `current` (today's list) and the district's `district_code`, `district_name`.
 * The screens order them by district, old list first, code.
 */
export const listedAreasSql = (f: Filter) => Prisma.sql`
  SELECT a.id, a.code, a.name, a.catalog, a.catalog = 'two_level' AS current,
    d.code AS district_code, d.name AS district_name
  FROM admin_unit a JOIN admin_unit d ON d.id = ${districtOfArea}
  WHERE ${isArea} AND ${districtIn(f)} AND ${areaListed(f)}`;

export type CameraDistrict = TDashboardCameras["districts"][number] & { id: number; installations: number };

type Row = {
  id: number;
  code: string;
  name: string;
  areas: bigint;
  covered: bigint;
  current_areas: bigint;
  current_covered: bigint;
  cameras: bigint | null;
  recorders: bigint | null;
  memory_cards: bigint | null;
  cost: Prisma.Decimal | null;
  installations: bigint | null;
};

/**
 * Camera coverage and equipment, per district of the filter and in total: the one home of "73/126"
 * (the areas before 01/07/2025 that existed in the period) and of its 01/07/2025 counterpart
 * (today's communes, whatever the period), with the headline of the period (the list in force on
 * its last day), read by the summary, the cameras screen, the maps and the reports. The same in both views. One query; the total is the sum of the disjoint districts, and
 * every district of the territory has a row (today's communes lie on each), as has the district
 * of an old commune whose record was moved to a commune of today on another district (decision 055).
 */
export async function cameraFigures(db: Db, f: Filter) {
  // From the roll-ups (decision 046): an area is covered when it has a group of installations in
  // the period; today's commune that took it over too (coveredAreasSql's rule).
  const rows = await db.$queryRaw<Row[]>`
    WITH cg AS (${cameraGroups(f)}), covered AS (${coveredGroupsSql({ rollUp: true })}),
    areas AS (
      SELECT ${districtOfArea} AS district_id,
        COUNT(*) FILTER (WHERE a.catalog = 'three_level' AND ${existedInPeriod(f)}) AS areas,
        COUNT(cv.area_id) FILTER (WHERE a.catalog = 'three_level' AND ${existedInPeriod(f)}) AS covered,
        COUNT(*) FILTER (WHERE a.catalog = 'two_level') AS current_areas,
        COUNT(cv.area_id) FILTER (WHERE a.catalog = 'two_level') AS current_covered
      FROM admin_unit a LEFT JOIN covered cv ON cv.area_id = a.id
      WHERE ${isArea} AND ${districtIn(f)} GROUP BY 1),
    cam AS (
      SELECT ${districtOfArea} AS district_id, SUM(cg.cameras) AS cameras, SUM(cg.recorders) AS recorders,
        SUM(cg.memory_cards) AS memory_cards, SUM(cg.cost_vnd) AS cost, SUM(cg.installations) AS installations
      FROM cg JOIN admin_unit a ON a.id = cg.area_id GROUP BY 1)
    SELECT d.id, d.code, d.name, ar.areas, ar.covered, ar.current_areas, ar.current_covered,
      cam.cameras, cam.recorders, cam.memory_cards, cam.cost, cam.installations
    FROM admin_unit d LEFT JOIN areas ar ON ar.district_id = d.id LEFT JOIN cam ON cam.district_id = d.id
    WHERE d.level = 'district' AND (ar.district_id IS NOT NULL OR cam.district_id IS NOT NULL) ORDER BY d.code`;
  const districts: CameraDistrict[] = rows.map((r) => ({
    id: n(r.id),
    code: r.code,
    name: r.name,
    areas: n(r.areas),
    coveredAreas: n(r.covered),
    currentAreas: n(r.current_areas),
    currentCoveredAreas: n(r.current_covered),
    cameras: n(r.cameras),
    recorders: n(r.recorders),
    memoryCards: n(r.memory_cards),
    costVnd: n(r.cost),
    installations: n(r.installations),
  }));
  const counts = {
    covered: sumOf(districts, "coveredAreas"),
    total: sumOf(districts, "areas"),
    current: { covered: sumOf(districts, "currentCoveredAreas"), total: sumOf(districts, "currentAreas") },
  };
  return {
    districts,
    // The figure to quote names its list (docs/decisions/027); the two counts stay for older callers.
    coverage: { ...counts, ...coverageHeadline(counts, f.days) },
    totals: {
      cameras: sumOf(districts, "cameras"),
      recorders: sumOf(districts, "recorders"),
      memoryCards: sumOf(districts, "memoryCards"),
      costVnd: sumOf(districts, "costVnd"),
      installations: sumOf(districts, "installations"),
    },
  };
}
