import { periodPhrase } from "@qt/shared/period";
import { formerProvinceLabel, type InstalledProvince, wholeProvinceName } from "@qt/shared/province";
import type { DashboardView } from "@qt/shared/schemas/dashboard";
import { formerUnitName } from "@qt/shared/unit-names";
import type { Db } from "../../db.ts";
import { type Filter, resolveFilter } from "../dashboard/filter.ts";
import { DOCUMENT_VIEW_WORDS } from "./labels.ts";

/** Records of 2025 lie in old areas (until 30/06) and in today's communes; from 2026, only in the latter. */
const LAST_YEAR_OF_OLD_UNITS = 2025;

/**
 * The territory, period, districts and view of a report: a dashboard filter (same semantics, so the
 * same figures) whose years are always set. No district = the whole territory.
 */
export type ReportScope = Filter & { fromYear: number; toYear: number; from: Date; toExcl: Date };

/** The report's filter: its days (whole years are days too), districts and, for a "chuyên đề", its model type. */
export async function resolveScope(
  db: Db,
  input: {
    provinceCode?: string;
    formerProvinceCode?: string;
    view: DashboardView;
    from: string;
    to: string;
    districtCodes: string[];
    approvedOnly?: boolean;
    modelTypeCode?: string;
  },
): Promise<ReportScope> {
  const { provinceCode, formerProvinceCode, view, from, to, districtCodes, approvedOnly, modelTypeCode } = input;
  const f = await resolveFilter(db, {
    provinceCode,
    formerProvinceCode,
    view,
    from,
    to,
    districtCodes,
    approvedOnly,
    modelTypeCode,
  });
  if (!f.from || !f.toExcl || f.fromYear === null || f.toYear === null) {
    throw new Error(`report period not resolved: ${from}–${to}`);
  }
  return { ...f, fromYear: f.fromYear, toYear: f.toYear, from: f.from, toExcl: f.toExcl };
}

/** The districts the report names (none when it covers a whole territory), "(cũ)": all were abolished. */
export function namedDistricts(scope: ReportScope, districtCodes: string[]) {
  return districtCodes.length ? scope.districts.map((d) => ({ code: d.code, name: formerUnitName(d.name) })) : [];
}

/** What the report's text says it covers: "trên địa bàn {scopeName}", and the line under its title. */
export function scopeWords(scope: ReportScope, districtCodes: string[], province: InstalledProvince) {
  const named = namedDistricts(scope, districtCodes);
  const territory = scope.territory;
  // A province's report from the national install names that province (decision 050).
  const whole = wholeProvinceName(scope.province ?? province);
  const place = named.length
    ? named.map((d) => d.name).join(", ")
    : territory
      ? formerProvinceLabel(territory.name)
      : whole.charAt(0).toUpperCase() + whole.slice(1);
  const territoryName = territory && `${territory.name.charAt(0).toLowerCase()}${territory.name.slice(1)} cũ`;
  return {
    scopeName: named.length ? place : (territoryName ?? whole),
    // Plain words, not the screens' "theo đơn vị hành chính tại thời điểm ghi nhận". From 2026 on,
    // every record lies in today's communes and both views are one: nothing to say.
    scopeLine: [
      `Địa bàn: ${place}`,
      periodPhrase(scope.days),
      ...(scope.fromYear > LAST_YEAR_OF_OLD_UNITS ? [] : [DOCUMENT_VIEW_WORDS[scope.view]]),
    ].join("; "),
  };
}
