/**
 * Which list of commune-level units a coverage figure is counted over (docs/decisions/027): the one
 * in force on the period's last day. Every screen, map, slide, report, export and API answer asks
 * these functions; none picks a list by itself.
 */

import { type PeriodInput, periodDays } from "./period.ts";

/**
 * The two lists of commune-level units, named as the unit catalogue names them: the areas before
 * 01/07/2025 ("three_level") and today's communes, wards and special zone ("two_level").
 */
export const UNIT_LISTS = ["three_level", "two_level"] as const;
export type UnitList = (typeof UNIT_LISTS)[number];

/** Today's communes took over on 01/07/2025: a period ending in 2025 or later ends under them. */
export const REFORM_YEAR = 2025;

/** Whole years or days (shared/src/period.ts); null or absent = open (the first records, or today). */
export type Period = PeriodInput;

/** The day today's communes took over. */
const REFORM_DAY = `${REFORM_YEAR}-07-01`;

/** The list in force on the period's last day: today's communes unless the period ended by 30/06/2025. */
export const listInForce = (p: Period): UnitList => {
  const last = periodDays(p).to;
  return last === null || last >= REFORM_DAY ? "two_level" : "three_level";
};

/** The period contains 01/07/2025, so both lists had units in it. */
export const spansReform = (p: Period): boolean => {
  const first = periodDays(p).from;
  return (first === null || first < REFORM_DAY) && listInForce(p) === "two_level";
};

/** A coverage figure named by its list: `covered` of the list's `total` units had a camera. */
export type CoverageCount = { list: UnitList; covered: number; total: number };

/** Both lists' counts, as counted by the server (services/dashboard/coverage.ts). */
export type CoverageCounts = { covered: number; total: number; current: { covered: number; total: number } };

/**
 * The one headline of a period (over the list in force on its last day) and, only when the period
 * spans 01/07/2025, the other list's figure as a secondary line.
 */
export function coverageHeadline(
  c: CoverageCounts,
  p: Period,
): { headline: CoverageCount; secondary: CoverageCount | null } {
  const before: CoverageCount = { list: "three_level", covered: c.covered, total: c.total };
  const today: CoverageCount = { list: "two_level", covered: c.current.covered, total: c.current.total };
  const [headline, other] = listInForce(p) === "two_level" ? [today, before] : [before, today];
  return { headline, secondary: spansReform(p) && other.total > 0 ? other : null };
}

/** A district's row with both lists' counts (the summary's and the cameras' byDistrict rows). */
export type DistrictCoverageRow = {
  areas: number;
  coveredAreas: number;
  currentAreas: number;
  currentCoveredAreas: number;
};

/** A district's coverage over one list: tables, charts and maps of districts read it with the headline's list. */
export const coverageOfList = (d: DistrictCoverageRow, list: UnitList): { covered: number; total: number } =>
  list === "two_level"
    ? { covered: d.currentCoveredAreas, total: d.currentAreas }
    : { covered: d.coveredAreas, total: d.areas };

/** Each district's coverage over one list, named: the rows of coverage charts. */
export const coverageRows = <R extends DistrictCoverageRow & { code: string; name: string }>(
  rows: readonly R[],
  list: UnitList,
) => rows.map((d) => ({ code: d.code, name: d.name, ...coverageOfList(d, list) }));

/**
 * The commune-level units a map or table of units shows: today's communes under the "current" view,
 * else the list in force at the period's end (its own records, by the units of their date).
 */
export const unitListOf = (f: Period & { view?: "historical" | "current" | null }): UnitList =>
  f.view === "current" ? "two_level" : listInForce(f);
