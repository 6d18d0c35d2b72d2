import { isoOf } from "@qt/shared/dates";
import type { TDashboardModelType, TDashboardModelTypeInput } from "@qt/shared/schemas/dashboard";
import { ZDashboardModelTypeInput } from "@qt/shared/schemas/dashboard";
import type { Db } from "../../db.ts";
import { districtOfArea } from "../units/area-sql.ts";
import { previousOf } from "./compare.ts";
import { areaOfView, type Filter, resolveFilter, SITE_FROM, siteWhere } from "./filter.ts";
import { siteGroupsFrom, siteGroupWhere } from "./rollup-sql.ts";
import { n } from "./rows.ts";
import { yearlyOf } from "./yearly.ts";

/**
 * One model type: sites per year and cumulative, by district, and one page of its sites (each in
 * its own area, or in today's commune under the "current" view).
 */
export async function dashboardModelType(db: Db, raw: TDashboardModelTypeInput): Promise<TDashboardModelType> {
  // Parsed again so that callers outside tRPC get the same defaults for page/pageSize.
  const input = ZDashboardModelTypeInput.parse(raw);
  const { code, page, pageSize, fromYear, toYear, from, to, districtCode, formerProvinceCode, view, compare } = input;
  // The screen is about one model type: the filter bar's category and model type do not apply.
  const f = await resolveFilter(db, {
    formerProvinceCode,
    view,
    fromYear,
    toYear,
    from,
    to,
    districtCodes: districtCode ? [districtCode] : [],
    modelTypeCode: code,
  });
  const modelType = f.modelType as NonNullable<Filter["modelType"]>;
  const sw = siteWhere(f);
  const skip = (page - 1) * pageSize;
  const [yearly, byDistrict, items, previous] = await Promise.all([
    yearlyOf(db, f),
    byDistrictOf(db, f),
    db.$queryRaw<
      {
        id: number;
        name: string;
        host: string;
        area_name: string;
        district_name: string;
        established_on: Date;
        status: string;
        religion: string | null;
      }[]
    >`SELECT s.id, s.name, s.host, v.name AS area_name, d.name AS district_name, s.established_on,
        s.status::text AS status, s.religion::text AS religion
      FROM ${SITE_FROM} JOIN admin_unit d ON d.id = ${districtOfArea} JOIN admin_unit v ON v.id = ${areaOfView(f, "s")}
      WHERE ${sw} ORDER BY s.established_on, s.id LIMIT ${pageSize} OFFSET ${skip}`,
    previousOf(db, f, compare, async (db, earlier) => {
      const rows = await byDistrictOf(db, earlier);
      return {
        totalSites: rows.reduce((a, d) => a + n(d.sites), 0),
        byDistrict: rows.map((d) => ({ code: d.code, sites: n(d.sites) })),
      };
    }),
  ]);
  const total = byDistrict.reduce((a, d) => a + n(d.sites), 0);
  return {
    modelType: {
      code: modelType.code,
      name: modelType.name,
      category: modelType.category,
      description: modelType.description,
    },
    totalSites: total,
    years: yearly.years.map(({ year, sites, cumulative }) => ({ year, sites, cumulative })),
    byDistrict: byDistrict.map((d) => ({ code: d.code, name: d.name, sites: n(d.sites), areas: n(d.areas) })),
    ...(previous ? { previous } : {}),
    sites: {
      total,
      page: page,
      pageSize: pageSize,
      items: items.map((s) => ({
        id: n(s.id),
        name: s.name,
        host: s.host,
        areaName: s.area_name,
        districtName: s.district_name,
        establishedOn: isoOf(s.established_on),
        status: s.status as TDashboardModelType["sites"]["items"][number]["status"],
        religion: s.religion as TDashboardModelType["sites"]["items"][number]["religion"],
      })),
    },
  };
}

/**
 * The type's sites and areas with sites per district, the most first, from the site roll-ups
 * (decision 058): the period's groups summed per area and chosen commune, those above 0 counted.
 */
const byDistrictOf = (db: Db, f: Filter) =>
  db.$queryRaw<{ code: string; name: string; sites: bigint; areas: bigint }[]>`
    WITH g AS (
      SELECT s.area_id, s.current_unit_id, SUM(s.n) AS n FROM ${siteGroupsFrom(f)} WHERE ${siteGroupWhere(f)}
      GROUP BY 1, 2 HAVING SUM(s.n) > 0)
    SELECT d.code, d.name, SUM(g.n) AS sites, COUNT(DISTINCT ${areaOfView(f, "g")}) AS areas
    FROM g JOIN admin_unit a ON a.id = g.area_id JOIN admin_unit d ON d.id = ${districtOfArea}
    GROUP BY d.id ORDER BY sites DESC, d.code`;
