import { dateOf } from "@qt/shared/dates";
import type { ModelCategory } from "@qt/shared/domain";
import { awardYears, type PeriodDays, periodDays } from "@qt/shared/period";
import { bareProvinceName, type NationalProvince, provincePlace } from "@qt/shared/province";
import type { DashboardView, TDashboardFilter } from "@qt/shared/schemas/dashboard";
import type { Db } from "../../db.ts";
import { appError } from "../../errors.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import {
  approvalUnitOfArea,
  currentCommuneOfArea,
  currentCommuneOfRecord,
  districtOfArea,
  type RecordAlias,
} from "../units/area-sql.ts";
import { requireFormerProvince, requireProvince } from "../units/province.ts";

type District = { id: number; code: string; name: string };
type ModelType = { id: number; code: string; name: string; category: ModelCategory; description: string };

/**
 * A filter with its codes resolved, once per call, and handed to every query of the call: the
 * dashboard's screens ask for one district or none, the reports for a list of them.
 */
export type Filter = {
  from: Date | null;
  toExcl: Date | null;
  /** The period's first and last days (inclusive), whether it was named by years or by days. */
  days: PeriodDays;
  /** The calendar years the period touches (the yearly series, approvals); null = open. */
  fromYear: number | null;
  toYear: number | null;
  /** One province of today on the national install (decision 050); null = all the install holds. */
  province: NationalProvince | null;
  /** The old province whose land the figures cover; null = the province of today. */
  territory: District | null;
  /** Ordered by code; empty = the whole province. With a territory and no district: its districts. */
  districts: District[];
  /** One commune of today: records whose area rolls up to it (decision 022); null = no such narrowing. */
  commune: District | null;
  category: ModelCategory | null;
  modelType: ModelType | null;
  /** Which commune-level unit a record counts in: its own area, or today's commune (decision 022). */
  view: DashboardView;
  /** Only records whose unit-year is approved (decision 025). */
  approvedOnly: boolean;
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
  const province = input.provinceCode ? await requireProvince(db, input.provinceCode) : null;
  const territory = input.formerProvinceCode
    ? await requireFormerProvince(db, input.formerProvinceCode, province ?? undefined)
    : null;
  let districts = await requireDistricts(db, input.districtCodes ?? []);
  const land = territory ? [territory.id] : province ? await formerProvinceIds(db, province) : null;
  if (land) {
    const own = await db.adminUnit.findMany({
      where: { level: "district", parentId: { in: land } },
      select: { id: true, code: true, name: true },
      orderBy: { code: "asc" },
    });
    const outside = districts.filter((d) => !own.some((o) => o.id === d.id));
    if (outside.length)
      throw outsideOf(
        outside.map((d) => d.name),
        territory,
        province,
      );
    if (districts.length === 0) districts = own;
  }
  const modelType = input.modelTypeCode ? await requireModelType(db, input.modelTypeCode) : null;
  const commune = input.communeCode ? await requireCommune(db, input.communeCode) : null;
  if (commune && province && commune.provinceCode !== province.code) throw outsideOf([commune.name], null, province);
  const days = periodDays(input);
  return {
    ...periodOfDays(days),
    province,
    territory,
    districts,
    commune,
    category: input.modelCategory ?? null,
    modelType,
    view: input.view ?? "historical",
    approvedOnly: input.approvedOnly ?? false,
  };
}

/** The units of the old provinces merged into `province` (decision 050). */
async function formerProvinceIds(db: Db, province: NationalProvince): Promise<number[]> {
  const units = await db.adminUnit.findMany({
    where: { level: "province", catalog: "three_level", code: { in: province.former } },
    select: { id: true },
  });
  return units.map((u) => u.id);
}

/** The 400 for units outside the filter's old province, or outside its province of today. */
function outsideOf(names: string[], territory: District | null, province: NationalProvince | null) {
  if (territory || !province) {
    return appError("invalid", "territory.outside", {
      districts: names.join(", "),
      province: bareProvinceName(territory?.name ?? ""),
    });
  }
  return appError("invalid", "province.outside", { units: names.join(", "), ...provincePlace(province) });
}

/** The period fields of a Filter for its first and last days (decision 039). */
export function periodOfDays(days: PeriodDays): Pick<Filter, "from" | "toExcl" | "days" | "fromYear" | "toYear"> {
  const to = days.to ? dateOf(days.to) : null;
  return {
    from: days.from ? dateOf(days.from) : null,
    toExcl: to ? new Date(to.getTime() + 86_400_000) : null,
    days,
    fromYear: days.from ? Number(days.from.slice(0, 4)) : null,
    toYear: days.to ? Number(days.to.slice(0, 4)) : null,
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
    throw appError("not-found", "district.notFound", { codes: missing.join(", ") });
  }
  return districts;
}

/** A commune of today's list (since 01/07/2025); any other code is refused, not an empty page. */
async function requireCommune(db: Db, code: string): Promise<District & { provinceCode: string }> {
  const commune = await db.adminUnit.findFirst({
    where: { code, level: "commune", catalog: "two_level" },
    select: { id: true, code: true, name: true, parent: { select: { code: true } } },
  });
  if (!commune) throw appError("invalid", "commune.notCurrent", { code });
  const { parent, ...rest } = commune;
  return { ...rest, provinceCode: parent?.code ?? "" };
}

async function requireModelType(db: Db, code: string): Promise<ModelType> {
  const modelType = await db.modelType.findFirst({
    where: { code, deletedAt: null },
    select: { id: true, code: true, name: true, category: true, description: true },
  });
  if (!modelType) {
    throw appError("not-found", "modelType.notFoundCode", { code });
  }
  return modelType;
}

/**
 * SQL: the commune-level unit a record in area `a` counts in under the filter's view: the area
 * itself ("historical"), or today's commune that took it over ("current"). Districts are the same
 * either way: each of today's communes lies on one former district. `r` is the record (or group)
 * alias: a divided old commune's record moved by an editor counts in the chosen commune (055).
 */
export function areaOfView(f: Pick<Filter, "view">, r: RecordAlias): Prisma.Sql {
  return f.view === "current" ? currentCommuneOfRecord(r) : Prisma.sql`a.id`;
}

/**
 * SQL: area `a` is one the filter's figures list under its view. "historical": a unit that existed
 * in the period: an area of the list before 01/07/2025 whose validity overlaps it (the denominator
 * of coverage), and today's communes only when the period reaches 01/07/2025 (a 2007–2022 table
 * lists no unit "từ 01/07/2025"); "current": today's communes only.
 */
export function areaListed(f: Pick<Filter, "view" | "from" | "toExcl">): Prisma.Sql {
  if (f.view === "current") return Prisma.sql`a.catalog = 'two_level'`;
  return existedInPeriod(f);
}

/** SQL: area `a` existed at some time in the filter's years (validFrom/validTo are inclusive days). */
export function existedInPeriod(f: Pick<Filter, "from" | "toExcl">): Prisma.Sql {
  const parts = [Prisma.sql`TRUE`];
  if (f.toExcl) parts.push(Prisma.sql`(a.valid_from IS NULL OR a.valid_from < ${f.toExcl})`);
  if (f.from) parts.push(Prisma.sql`(a.valid_to IS NULL OR a.valid_to >= ${f.from})`);
  return Prisma.sql`(${Prisma.join(parts, " AND ")})`;
}

/**
 * SQL: area `a` lies in the filter's districts (TRUE for the whole province) and, with a commune of
 * today, rolls up to it: the commune itself or an old area it took over. With a record alias `r`,
 * the record's own commune of today (one an editor chose counts, decision 055).
 */
export function districtIn(f: Pick<Filter, "districts" | "commune">, r?: RecordAlias): Prisma.Sql {
  const parts = [Prisma.sql`TRUE`];
  if (f.districts.length) parts.push(Prisma.sql`${districtOfArea} IN (${Prisma.join(f.districts.map((d) => d.id))})`);
  const commune = r ? currentCommuneOfRecord(r) : currentCommuneOfArea;
  if (f.commune) parts.push(Prisma.sql`${commune} = ${f.commune.id}`);
  return Prisma.join(parts, " AND ");
}

/**
 * SQL: with `approvedOnly`, the record (in area `a`, of year `year`) lies in an approved unit-year
 * (decision 025); a record without an area (a province-level award) or of a year no unit is
 * approved for (before 2007) then drops out. TRUE otherwise.
 */
export function approvedWhere(f: Pick<Filter, "approvedOnly">, year: Prisma.Sql): Prisma.Sql {
  if (!f.approvedOnly) return Prisma.sql`TRUE`;
  return Prisma.sql`EXISTS (SELECT 1 FROM approval ap WHERE ap.unit_id = ${approvalUnitOfArea}
    AND ap.year = ${year} AND ap.state = 'approved')`;
}

/**
 * `col` (a DATE column) within the filter's years (unless years: false), area `a` in its districts,
 * and with approvedOnly in an approved unit-year.
 */
export function placeTimeWhere(
  f: Pick<Filter, "from" | "toExcl" | "districts" | "commune" | "approvedOnly">,
  col: Prisma.Sql,
  r: RecordAlias,
  opts: { years?: boolean } = {},
): Prisma.Sql {
  const parts = [districtIn(f, r), approvedWhere(f, Prisma.sql`EXTRACT(YEAR FROM ${col})::int`)];
  if (opts.years !== false && f.from) parts.push(Prisma.sql`${col} >= ${f.from}`);
  if (opts.years !== false && f.toExcl) parts.push(Prisma.sql`${col} < ${f.toExcl}`);
  return Prisma.join(parts, " AND ");
}

/**
 * Sites `s` (joined to model_type `mt` and admin_unit `a`) that count under the filter: not deleted,
 * established in the years (unless years: false), in the districts, of the category and model type.
 */
export function siteWhere(f: Filter, opts: { years?: boolean } = {}): Prisma.Sql {
  const parts = [Prisma.sql`s.deleted_at IS NULL`, placeTimeWhere(f, Prisma.sql`s.established_on`, "s", opts)];
  if (f.category) parts.push(Prisma.sql`mt.category = ${f.category}::model_category`);
  if (f.modelType) parts.push(Prisma.sql`mt.id = ${f.modelType.id}`);
  return Prisma.join(parts, " AND ");
}

/** Camera installations `ci` (joined to admin_unit `a`) in the filter's years and districts. */
export function cameraWhere(f: Pick<Filter, "from" | "toExcl" | "districts" | "commune" | "approvedOnly">): Prisma.Sql {
  return Prisma.sql`ci.deleted_at IS NULL AND ${placeTimeWhere(f, Prisma.sql`ci.installed_on`, "ci")}`;
}

/**
 * Awards `aw` (left-joined to admin_unit `a`) in the filter's years and districts: a district filter
 * keeps the awards whose area lies in it (province-level awards have no area and drop out).
 */
export function awardWhere(f: Pick<Filter, "days" | "districts" | "commune" | "approvedOnly">): Prisma.Sql {
  const parts = [Prisma.sql`aw.deleted_at IS NULL`, approvedWhere(f, Prisma.sql`aw.year`)];
  // An award has a year only: it counts when 01/07 of its year lies in the period (decision 039).
  const years = awardYears(f.days);
  if (years.from !== null) parts.push(Prisma.sql`aw.year >= ${years.from}`);
  if (years.to !== null) parts.push(Prisma.sql`aw.year <= ${years.to}`);
  parts.push(districtIn(f, "aw"));
  return Prisma.join(parts, " AND ");
}

export const SITE_FROM = Prisma.sql`site s JOIN model_type mt ON mt.id = s.model_type_id JOIN admin_unit a ON a.id = s.area_id`;
