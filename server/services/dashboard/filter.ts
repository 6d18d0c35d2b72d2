import { dateOf } from "@qt/shared/dates";
import type { ModelCategory } from "@qt/shared/domain";
import type { TDashboardFilter } from "@qt/shared/schemas/dashboard";
import type { Db } from "../../db.ts";
import { appError } from "../../errors.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { districtOfArea } from "../units.ts";

type District = { id: number; code: string; name: string };
type ModelType = { id: number; code: string; name: string; category: ModelCategory; description: string };

/**
 * A filter with its codes resolved, once per call, and handed to every query of the call: the
 * dashboard's screens ask for one district or none, the reports for a list of them.
 */
export type Filter = {
  from: Date | null;
  toExcl: Date | null;
  fromYear: number | null;
  toYear: number | null;
  /** Ordered by code; empty = the whole province. */
  districts: District[];
  category: ModelCategory | null;
  modelType: ModelType | null;
};

/** What a filter may name: the dashboard's fields, with any number of districts. */
export type FilterInput = Omit<TDashboardFilter, "districtCode"> & { districtCodes?: string[] };

/** The dashboard's one-district input as a FilterInput. */
export const filterInputOf = ({ districtCode, ...rest }: TDashboardFilter): FilterInput => ({
  ...rest,
  districtCodes: districtCode ? [districtCode] : [],
});

/** Resolves codes to rows: an unknown district or model type is NOT_FOUND, never an empty page. */
export async function resolveFilter(db: Db, input: FilterInput): Promise<Filter> {
  const districts = await requireDistricts(db, input.districtCodes ?? []);
  const modelType = input.modelTypeCode ? await requireModelType(db, input.modelTypeCode) : null;
  return {
    from: input.fromYear ? dateOf(`${input.fromYear}-01-01`) : null,
    toExcl: input.toYear ? dateOf(`${input.toYear + 1}-01-01`) : null,
    fromYear: input.fromYear ?? null,
    toYear: input.toYear ?? null,
    districts,
    category: input.modelCategory ?? null,
    modelType,
  };
}

async function requireDistricts(db: Db, codes: string[]): Promise<District[]> {
  const wanted = [...new Set(codes)];
  if (wanted.length === 0) return [];
  const districts = await db.adminUnit.findMany({
    where: { code: { in: wanted }, level: "district" },
    select: { id: true, code: true, name: true },
    orderBy: { code: "asc" },
  });
  const missing = wanted.filter((c) => !districts.some((d) => d.code === c));
  if (missing.length) {
    throw appError("NOT_FOUND", "district.notFound", { codes: missing.join(", ") });
  }
  return districts;
}

async function requireModelType(db: Db, code: string): Promise<ModelType> {
  const modelType = await db.modelType.findFirst({
    where: { code, deletedAt: null },
    select: { id: true, code: true, name: true, category: true, description: true },
  });
  if (!modelType) {
    throw appError("NOT_FOUND", "modelType.notFoundCode", { code });
  }
  return modelType;
}

/** SQL: area `a` lies in the filter's districts (TRUE for the whole province). */
export function districtIn(f: Pick<Filter, "districts">): Prisma.Sql {
  return f.districts.length
    ? Prisma.sql`${districtOfArea} IN (${Prisma.join(f.districts.map((d) => d.id))})`
    : Prisma.sql`TRUE`;
}

/** `col` (a DATE column) within the filter's years (unless years: false), and area `a` in its districts. */
export function placeTimeWhere(
  f: Pick<Filter, "from" | "toExcl" | "districts">,
  col: Prisma.Sql,
  opts: { years?: boolean } = {},
): Prisma.Sql {
  const parts = [districtIn(f)];
  if (opts.years !== false && f.from) parts.push(Prisma.sql`${col} >= ${f.from}`);
  if (opts.years !== false && f.toExcl) parts.push(Prisma.sql`${col} < ${f.toExcl}`);
  return Prisma.join(parts, " AND ");
}

/**
 * Sites `s` (joined to model_type `mt` and admin_unit `a`) that count under the filter: not deleted,
 * established in the years (unless years: false), in the districts, of the category and model type.
 */
export function siteWhere(f: Filter, opts: { years?: boolean } = {}): Prisma.Sql {
  const parts = [Prisma.sql`s.deleted_at IS NULL`, placeTimeWhere(f, Prisma.sql`s.established_on`, opts)];
  if (f.category) parts.push(Prisma.sql`mt.category = ${f.category}::model_category`);
  if (f.modelType) parts.push(Prisma.sql`mt.id = ${f.modelType.id}`);
  return Prisma.join(parts, " AND ");
}

/** Camera installations `ci` (joined to admin_unit `a`) in the filter's years and districts. */
export function cameraWhere(f: Filter): Prisma.Sql {
  return Prisma.sql`ci.deleted_at IS NULL AND ${placeTimeWhere(f, Prisma.sql`ci.installed_on`)}`;
}

export const SITE_FROM = Prisma.sql`site s JOIN model_type mt ON mt.id = s.model_type_id JOIN admin_unit a ON a.id = s.area_id`;
