import { MODEL_CATEGORIES, type ModelCategory } from "@qt/shared/domain";
import type { TDashboardFilter } from "@qt/shared/schemas/dashboard";
import { TRPCError } from "@trpc/server";
import type { Db } from "../db.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { districtOfArea, requireDistrict } from "./units.ts";

/** A dashboard filter with codes resolved to ids; shared by every dashboard aggregate and the reports. */
export type Filter = {
  from: Date | null;
  toExcl: Date | null;
  fromYear: number | null;
  toYear: number | null;
  districtId: number | null;
  category: ModelCategory | null;
  modelTypeId: number | null;
};

/** Resolves codes to ids: an unknown district or model type is NOT_FOUND, never an empty page. */
export async function resolveFilter(db: Db, input: TDashboardFilter): Promise<Filter> {
  const district = input.districtCode ? await requireDistrict(db, input.districtCode) : null;
  const modelType = input.modelTypeCode ? await requireModelType(db, input.modelTypeCode) : null;
  return {
    from: input.fromYear ? new Date(Date.UTC(input.fromYear, 0, 1)) : null,
    toExcl: input.toYear ? new Date(Date.UTC(input.toYear + 1, 0, 1)) : null,
    fromYear: input.fromYear ?? null,
    toYear: input.toYear ?? null,
    districtId: district?.id ?? null,
    category: input.modelCategory ?? null,
    modelTypeId: modelType?.id ?? null,
  };
}

export async function requireModelType(db: Db, code: string) {
  const modelType = await db.modelType.findFirst({
    where: { code, deletedAt: null },
    select: { id: true, code: true, name: true, category: true, description: true },
  });
  if (!modelType) {
    throw new TRPCError({ code: "NOT_FOUND", message: `Không tìm thấy loại mô hình có mã ${code}.` });
  }
  return modelType;
}

/** `col` (a DATE column) within the filter's years, and area `a` in the filter's district. */
export function placeTimeWhere(f: Filter, col: Prisma.Sql, opts: { years?: boolean } = {}): Prisma.Sql {
  const parts = [Prisma.sql`TRUE`];
  if (opts.years !== false && f.from) parts.push(Prisma.sql`${col} >= ${f.from}`);
  if (opts.years !== false && f.toExcl) parts.push(Prisma.sql`${col} < ${f.toExcl}`);
  if (f.districtId !== null) parts.push(Prisma.sql`${districtOfArea} = ${f.districtId}`);
  return Prisma.join(parts, " AND ");
}

/**
 * Sites `s` (joined to model_type `mt` and admin_unit `a`) that count under the filter: not deleted,
 * established in the years (unless years: false), in the district, of the category and model type.
 */
export function siteWhere(f: Filter, opts: { years?: boolean } = {}): Prisma.Sql {
  const parts = [Prisma.sql`s.deleted_at IS NULL`, placeTimeWhere(f, Prisma.sql`s.established_on`, opts)];
  if (f.category) parts.push(Prisma.sql`mt.category = ${f.category}::model_category`);
  if (f.modelTypeId !== null) parts.push(Prisma.sql`mt.id = ${f.modelTypeId}`);
  return Prisma.join(parts, " AND ");
}

/** Camera installations `ci` (joined to admin_unit `a`) in the filter's years and district. */
export function cameraWhere(f: Filter): Prisma.Sql {
  return Prisma.sql`ci.deleted_at IS NULL AND ${placeTimeWhere(f, Prisma.sql`ci.installed_on`)}`;
}

/**
 * Areas covered by cameras in the period, as a CTE body with columns `area_id` and `first_on` (the
 * first installation): every area with an installation, and each 01/07/2025 commune that took over
 * such an area (its successor), whose own installations and its predecessors' both count.
 */
export function coveredAreasSql(f: Filter): Prisma.Sql {
  return Prisma.sql`SELECT area_id, MIN(installed_on) AS first_on FROM (
      SELECT ci.area_id, ci.installed_on FROM camera_installation ci JOIN admin_unit a ON a.id = ci.area_id
        WHERE ${cameraWhere(f)}
      UNION ALL
      SELECT a.successor_id, ci.installed_on FROM camera_installation ci JOIN admin_unit a ON a.id = ci.area_id
        WHERE a.successor_id IS NOT NULL AND ${cameraWhere(f)}) installed
    GROUP BY area_id`;
}

export const SITE_FROM = Prisma.sql`site s JOIN model_type mt ON mt.id = s.model_type_id JOIN admin_unit a ON a.id = s.area_id`;

export const n = (v: bigint | number | Prisma.Decimal | null | undefined) => Number(v ?? 0);

/** Every category with 0, then the counts given: charts and tables need the same keys on each row. */
export function byCategory(rows: { category: string; sites: bigint | number }[]): Record<ModelCategory, number> {
  const out = Object.fromEntries(MODEL_CATEGORIES.map((c) => [c, 0])) as Record<ModelCategory, number>;
  for (const r of rows) out[r.category as ModelCategory] += n(r.sites);
  return out;
}

/** yyyy-mm-dd of a DATE column value. */
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The filter as sent back to the client, so a screen can label what it shows. */
export function echoFilter(input: TDashboardFilter) {
  return {
    fromYear: input.fromYear ?? null,
    toYear: input.toYear ?? null,
    districtCode: input.districtCode ?? null,
    modelCategory: input.modelCategory ?? null,
    modelTypeCode: input.modelTypeCode ?? null,
  };
}
