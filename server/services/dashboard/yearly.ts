import { REVIEW_PERIOD } from "@qt/shared/domain";
import type { TDashboardFilter, TDashboardYearly } from "@qt/shared/schemas/dashboard";
import type { Db } from "../../db.ts";
import { type Filter, filterInputOf, resolveFilter } from "./filter.ts";
import { siteGroupsFrom, siteGroupWhere } from "./rollup-sql.ts";
import { byCategory, n } from "./rows.ts";

export async function dashboardYearly(db: Db, input: TDashboardFilter): Promise<TDashboardYearly> {
  return yearlyOf(db, await resolveFilter(db, filterInputOf(input)));
}

/**
 * Sites established per year (and per category) and the cumulative count at the end of each year.
 * The range is the filter's years, else the review period 2007–2022 stretched to the last year with
 * data. The cumulative line counts every earlier site too (`before`), so it reads "sites in place".
 */
export async function yearlyOf(db: Db, f: Filter): Promise<TDashboardYearly> {
  // Years ignored here on purpose: the series needs the sites before the range for `before`. Every
  // year of the yearly roll-up (decision 058), narrowed like the summary's groups.
  const rows = await db.$queryRaw<{ year: number; category: string; sites: bigint }[]>`
    SELECT s.year, mt.category::text AS category, SUM(s.n) AS sites
    FROM ${siteGroupsFrom(f, { allYears: true })} WHERE ${siteGroupWhere(f)}
    GROUP BY 1, 2 ORDER BY 1`;
  const lastDataYear = rows.reduce((max, r) => Math.max(max, n(r.year)), 0);
  const fromYear = f.fromYear ?? REVIEW_PERIOD.fromYear;
  const toYear = f.toYear ?? Math.max(REVIEW_PERIOD.toYear, Math.min(lastDataYear, new Date().getUTCFullYear()));
  const before = rows.filter((r) => n(r.year) < fromYear).reduce((s, r) => s + n(r.sites), 0);
  let cumulative = before;
  const years = [];
  for (let year = fromYear; year <= toYear; year++) {
    const ofYear = rows.filter((r) => n(r.year) === year);
    const sites = ofYear.reduce((s, r) => s + n(r.sites), 0);
    cumulative += sites;
    years.push({ year, sites, cumulative, byCategory: byCategory(ofYear) });
  }
  return { fromYear, toYear, before, years };
}
