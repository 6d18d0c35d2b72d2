import { MODEL_CATEGORIES, type ModelCategory } from "@qt/shared/domain";
import type { TDashboardFilter } from "@qt/shared/schemas/dashboard";
import type { Prisma } from "../../generated/prisma/client.ts";

/** A count, sum or id from raw SQL (bigint, Decimal or null) as a number. */
export const n = (v: bigint | number | Prisma.Decimal | null | undefined) => Number(v ?? 0);

/** Every category with 0, then the counts given: charts and tables need the same keys on each row. */
export function byCategory(rows: { category: string | null; sites: bigint | number }[]): Record<ModelCategory, number> {
  const out = Object.fromEntries(MODEL_CATEGORIES.map((c) => [c, 0])) as Record<ModelCategory, number>;
  for (const r of rows) if (r.category) out[r.category as ModelCategory] += n(r.sites);
  return out;
}

/** The sum of one numeric field over rows. */
export const sumOf = <K extends string>(rows: readonly Record<K, number>[], key: K) =>
  rows.reduce((s, r) => s + r[key], 0);

/** The filter as sent back to the client, so a screen can label what it shows. */
export function echoFilter(input: TDashboardFilter) {
  return {
    provinceCode: input.provinceCode ?? null,
    formerProvinceCode: input.formerProvinceCode ?? null,
    view: input.view ?? "historical",
    fromYear: input.fromYear ?? null,
    toYear: input.toYear ?? null,
    from: input.from ?? null,
    to: input.to ?? null,
    compare: input.compare ?? null,
    districtCode: input.districtCode ?? null,
    communeCode: input.communeCode ?? null,
    modelCategory: input.modelCategory ?? null,
    modelTypeCode: input.modelTypeCode ?? null,
    approvedOnly: input.approvedOnly ?? false,
  };
}
