import type { Db } from "../../db.ts";
import { type Filter, resolveFilter } from "../dashboard/filter.ts";

/**
 * The period and districts of a report: a dashboard filter (same semantics, so the same figures)
 * whose years are always set. No district = the whole province.
 */
export type ReportScope = Filter & { fromYear: number; toYear: number; from: Date; toExcl: Date };

export async function resolveScope(
  db: Db,
  input: { fromYear: number; toYear: number; districtCodes: string[] },
): Promise<ReportScope> {
  const f = await resolveFilter(db, input);
  const { fromYear, toYear } = input;
  if (!f.from || !f.toExcl) throw new Error(`report years not resolved: ${fromYear}–${toYear}`);
  return { ...f, fromYear, toYear, from: f.from, toExcl: f.toExcl };
}
