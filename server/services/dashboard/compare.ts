import { samePeriodLastYear } from "@qt/shared/period";
import { todayIso } from "@qt/shared/schemas/common";
import type { CompareMode } from "@qt/shared/schemas/dashboard";
import type { Db } from "../../db.ts";
import { type Filter, periodOfDays } from "./filter.ts";

/** The same filter over the same days one year earlier (decision 039). */
export function previousFilter(f: Filter, today = todayIso()): Filter {
  return { ...f, ...periodOfDays(samePeriodLastYear(f.days, today)) };
}

/**
 * With `compare`, the figures of the earlier period, named by its first and last days (from null:
 * open, like the period compared); without, nothing.
 */
export async function previousOf<T>(
  db: Db,
  f: Filter,
  compare: CompareMode | undefined,
  figures: (db: Db, f: Filter) => Promise<T>,
): Promise<({ from: string | null; to: string } & T) | undefined> {
  if (!compare) return undefined;
  const earlier = previousFilter(f);
  return { from: earlier.days.from, to: earlier.days.to as string, ...(await figures(db, earlier)) };
}
