import type { TDashboardAreas, TDashboardAreasInput } from "@qt/shared/schemas/dashboard";
import type { Db } from "../../db.ts";
import { previousOf } from "./compare.ts";
import { camerasByAreaSql, coveredGroupsSql, listedAreasSql } from "./coverage.ts";
import { areaOfView, type Filter, filterInputOf, resolveFilter } from "./filter.ts";
import { cameraGroups, siteGroupsFrom, siteGroupWhere } from "./rollup-sql.ts";
import { byCategory, n } from "./rows.ts";

type Area = TDashboardAreas["areas"][number];
export type DistrictAreas = { district: { code: string; name: string }; areas: Area[] };

/**
 * dashboard.areas: the commune-level areas of one district; with compare, each area's sites and
 * cameras of the same days a year earlier, and their totals (decision 039).
 */
export async function dashboardAreas(db: Db, input: TDashboardAreasInput): Promise<TDashboardAreas> {
  const f = await resolveFilter(db, filterInputOf(input));
  const [[own], previous] = await Promise.all([
    areasOf(db, f),
    previousOf(db, f, input.compare, async (db, earlier) => {
      const areas = ((await areasOf(db, earlier))[0]?.areas ?? []).map(({ code, sites, cameras }) => ({
        code,
        sites,
        cameras,
      }));
      return {
        sites: areas.reduce((a, x) => a + x.sites, 0),
        cameras: areas.reduce((a, x) => a + x.cameras, 0),
        areas,
      };
    }),
  ]);
  const district = f.districts[0] as Filter["districts"][number];
  return {
    district: { code: district.code, name: district.name },
    areas: own?.areas ?? [],
    ...(previous ? { previous } : {}),
  };
}

/**
 * The commune-level areas of each district of the filter (every district when it names none):
 * sites per model category, whether the area had a camera installation in the period (✓/✗) and
 * how many cameras. "historical": the old areas that existed in the period, then today's communes
 * with their own records; "current": today's communes only, each with every record of the areas it
 * took over. Three grouped queries, whatever the number of districts, over the roll-ups (decision
 * 057): the sites' and installations' groups of the period.
 */
export async function areasOf(db: Db, f: Filter): Promise<DistrictAreas[]> {
  const [areas, sites, cams] = await Promise.all([
    db.$queryRaw<
      {
        id: number;
        code: string;
        name: string;
        current: boolean;
        covered: boolean;
        district_code: string;
        district_name: string;
      }[]
    >`
      WITH cg AS (${cameraGroups(f)}), covered AS (${coveredGroupsSql({ rollUp: f.view === "current" })}),
        listed AS (${listedAreasSql(f)})
      SELECT l.id, l.code, l.name, l.current, EXISTS (SELECT 1 FROM covered WHERE covered.area_id = l.id) AS covered,
        l.district_code, l.district_name
      FROM listed l ORDER BY l.district_code, l.catalog, l.code`,
    db.$queryRaw<{ area_id: number; category: string; sites: bigint }[]>`
      SELECT ${areaOfView(f, "s")} AS area_id, mt.category::text AS category, SUM(s.n) AS sites
      FROM ${siteGroupsFrom(f)} WHERE ${siteGroupWhere(f)} GROUP BY 1, 2 HAVING SUM(s.n) <> 0`,
    db.$queryRaw<{ area_id: number; cameras: bigint }[]>`${camerasByAreaSql(f)}`,
  ]);
  const camOf = new Map(cams.map((c) => [n(c.area_id), n(c.cameras)]));
  const out = new Map<string, DistrictAreas>();
  for (const a of areas) {
    const district = out.get(a.district_code) ?? {
      district: { code: a.district_code, name: a.district_name },
      areas: [],
    };
    const counts = byCategory(sites.filter((s) => n(s.area_id) === n(a.id)));
    district.areas.push({
      code: a.code,
      name: a.name,
      sites: Object.values(counts).reduce((x, y) => x + y, 0),
      byCategory: counts,
      covered: a.covered,
      cameras: camOf.get(n(a.id)) ?? 0,
      current: a.current,
    });
    out.set(a.district_code, district);
  }
  return [...out.values()];
}
