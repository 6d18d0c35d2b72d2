import { periodWords } from "@qt/shared/report-words";
import type { DashboardView } from "@qt/shared/schemas/dashboard";
import { FORMER_PROVINCE_NAMES, formerProvinceLabel, formerUnitName } from "@qt/shared/unit-names";
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

export async function resolveScope(
  db: Db,
  input: {
    formerProvinceCode?: "45" | "44";
    view: DashboardView;
    fromYear: number;
    toYear: number;
    districtCodes: string[];
    approvedOnly?: boolean;
  },
): Promise<ReportScope> {
  const f = await resolveFilter(db, input);
  const { fromYear, toYear } = input;
  if (!f.from || !f.toExcl) throw new Error(`report years not resolved: ${fromYear}–${toYear}`);
  return { ...f, fromYear, toYear, from: f.from, toExcl: f.toExcl };
}

/** The districts the report names (none when it covers a whole territory), "(cũ)": all were abolished. */
export function namedDistricts(scope: ReportScope, districtCodes: string[]) {
  return districtCodes.length ? scope.districts.map((d) => ({ code: d.code, name: formerUnitName(d.name) })) : [];
}

/** What the report's text says it covers: "trên địa bàn {scopeName}", and the line under its title. */
export function scopeWords(scope: ReportScope, districtCodes: string[]) {
  const named = namedDistricts(scope, districtCodes);
  const code = scope.territory?.code as keyof typeof FORMER_PROVINCE_NAMES | undefined;
  const territory = code ? FORMER_PROVINCE_NAMES[code].vi : null;
  const place = named.length
    ? named.map((d) => d.name).join(", ")
    : code
      ? formerProvinceLabel(code)
      : "Toàn tỉnh Quảng Trị";
  return {
    scopeName: named.length ? place : territory ? `tỉnh ${territory}` : "toàn tỉnh Quảng Trị",
    // Plain words, not the screens' "theo đơn vị hành chính tại thời điểm ghi nhận". From 2026 on,
    // every record lies in today's communes and both views are one: nothing to say.
    scopeLine: [
      `Địa bàn: ${place}`,
      periodWords(scope.fromYear, scope.toYear),
      ...(scope.fromYear > LAST_YEAR_OF_OLD_UNITS ? [] : [DOCUMENT_VIEW_WORDS[scope.view]]),
    ].join("; "),
  };
}
