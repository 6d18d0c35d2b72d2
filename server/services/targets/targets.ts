import { message } from "@qt/shared/messages/index";
import type { TDashboardFilter } from "@qt/shared/schemas/dashboard";
import {
  TARGET_MEASURES,
  type TTarget,
  type TTargetKey,
  type TTargetProgress,
  type TTargetRow,
  type TTargetSetInput,
} from "@qt/shared/schemas/targets";
import type { SessionUser } from "../../context.ts";
import type { Db } from "../../db.ts";
import { appError } from "../../errors.ts";
import { type ProvinceReach, reachUnitWhere, withinReach } from "../accounts/province-scope.ts";
import { type Tx, writeAudit } from "../audit/write.ts";
import type { SummaryFigures } from "../dashboard/summary.ts";

const ENTITY = "target";

const shape = (r: { year: number; measure: string; unitCode: string; modelTypeCode: string; value: number }) =>
  ({
    year: r.year,
    measure: r.measure,
    unitCode: r.unitCode || null,
    modelTypeCode: r.modelTypeCode || null,
    value: r.value,
  }) as TTarget;

/**
 * The unit a target names: a former district or a commune of today (codes repeat across the two
 * lists, so each is looked for in its own). A scoped admin sets targets for their own unit only, or
 * for the communes of today on their former district's land; another unit is a bad input (400, as
 * issue 28 lists it), not a missing right: the admin may set targets, not this one.
 */
async function targetUnit(db: Db, code: string | undefined, user: SessionUser) {
  const scoped = user.districtId !== null || user.communeId !== null;
  // A provincial admin (decision 051): its province's units only, never the install-wide targets.
  if (!code) {
    if (scoped || user.reach) throw appError("invalid", "target.outOfScope");
    return "";
  }
  const unit = await db.adminUnit.findFirst({
    where: {
      code,
      OR: [
        { catalog: "three_level", level: "district" },
        { catalog: "two_level", level: "commune" },
      ],
    },
    select: { id: true, formerDistrictId: true },
  });
  if (!unit) throw appError("invalid", "target.unitNotFound", { code });
  const own =
    withinReach(user.reach, { districtId: unit.formerDistrictId ?? unit.id }) &&
    (!scoped ||
      unit.id === user.communeId ||
      unit.id === user.districtId ||
      (user.districtId !== null && unit.formerDistrictId === user.districtId));
  if (!own) throw appError("invalid", "target.outOfScope");
  return code;
}

/** The row key of a target, once its unit, model type and the caller's scope are checked (400 else). */
export async function targetKey(db: Db, input: TTargetKey, user: SessionUser) {
  const unitCode = await targetUnit(db, input.unitCode ?? undefined, user);
  const modelTypeCode = input.modelTypeCode ?? "";
  if (modelTypeCode) {
    const type = await db.modelType.findFirst({
      where: { code: modelTypeCode, deletedAt: null },
      select: { id: true },
    });
    if (!type || input.measure !== "sites")
      throw appError("invalid", "target.modelTypeNotFound", { code: modelTypeCode });
  }
  return { year: input.year, measure: input.measure, unitCode, modelTypeCode };
}
type Key = Awaited<ReturnType<typeof targetKey>>;

/** Writes one checked target in the caller's transaction: an upsert and its create/update audit entry. */
export async function writeTarget(tx: Tx, key: Key, value: number, user: SessionUser): Promise<TTarget> {
  const where = { year_measure_unitCode_modelTypeCode: key };
  const before = await tx.target.findUnique({ where });
  const row = await tx.target.upsert({
    where,
    create: { ...key, value, updatedById: user.id },
    update: { value, updatedById: user.id },
  });
  await writeAudit(tx, {
    user,
    action: before ? "update" : "create",
    entity: ENTITY,
    entityId: row.id,
    before: before ? shape(before) : null,
    after: shape(row),
  });
  return shape(row);
}

/** targets.set: one target, replacing the one of the same year, measure, unit and model type; audited. */
export async function setTarget(db: Db, input: TTargetSetInput, user: SessionUser): Promise<TTarget> {
  const key = await targetKey(db, input, user);
  return db.$transaction((tx) => writeTarget(tx, key, input.value, user));
}

/** targets.remove: the target of that key, gone, with a "remove" audit entry; scoped as targets.set. */
export async function removeTarget(db: Db, input: TTargetKey, user: SessionUser): Promise<TTarget> {
  const key = await targetKey(db, input, user);
  return db.$transaction(async (tx) => {
    const before = await tx.target.findUnique({ where: { year_measure_unitCode_modelTypeCode: key } });
    if (!before) throw appError("not-found", "target.notFound");
    await tx.target.delete({ where: { id: before.id } });
    await writeAudit(tx, { user, action: "remove", entity: ENTITY, entityId: before.id, before: shape(before) });
    return shape(before);
  });
}

/**
 * targets.list: a year's targets, province-wide first, each with its unit's name. A provincial
 * account (decision 051) lists its province's units' targets only (not the install-wide ones).
 */
export async function listTargets(db: Db, year: number, reach: ProvinceReach | null): Promise<TTargetRow[]> {
  const all = await db.target.findMany({
    where: { year },
    orderBy: [{ unitCode: "asc" }, { measure: "asc" }, { modelTypeCode: "asc" }],
  });
  const codes = [...new Set(all.map((r) => r.unitCode).filter(Boolean))];
  const within = reachUnitWhere(reach);
  const units = codes.length
    ? await db.adminUnit.findMany({
        where: {
          code: { in: codes },
          OR: [
            { catalog: "three_level", level: "district" },
            { catalog: "two_level", level: "commune" },
          ],
          ...(within ? { AND: [within] } : {}),
        },
        select: { code: true, name: true, catalog: true },
      })
    : [];
  const rows = reach ? all.filter((r) => units.some((u) => u.code === r.unitCode)) : all;
  // A code found in both lists (codes repeat): the former district's, as targetUnit looks it up.
  const nameOf = (code: string) =>
    (units.find((u) => u.code === code && u.catalog === "three_level") ?? units.find((u) => u.code === code))?.name ??
    null;
  return rows.map((r) => ({ ...shape(r), unitName: r.unitCode ? nameOf(r.unitCode) : null }));
}

/**
 * The year and place of a summary that targets answer for: a period of one whole calendar year
 * (by years or by its first and last days), over the whole province, a former district or a
 * commune of today. Null for any other period.
 */
export function targetPlace(input: TDashboardFilter | undefined): { year: number; unitCode: string } | null {
  if (!input) return null;
  const byYears = input.fromYear !== undefined && input.fromYear === input.toYear && !input.from && !input.to;
  const y = input.from?.slice(0, 4);
  const byDays = Boolean(y && input.from === `${y}-01-01` && input.to === `${y}-12-31`);
  if (!byYears && !byDays) return null;
  if (input.formerProvinceCode) return null;
  // A province of today on a national install: the install-wide targets ("") are not its own.
  if (input.provinceCode && !input.communeCode && !input.districtCode) return null;
  return {
    year: byYears ? (input.fromYear as number) : Number(y),
    unitCode: input.communeCode ?? input.districtCode ?? "",
  };
}

/**
 * The targets a one-year summary answers for: those of its year set for the summary's place (the
 * whole province, a former district or a commune of today), each with the summary's own figure.
 * Read apart from the cached figures, so a target set a moment ago shows at once.
 */
export async function targetProgress(
  db: Db,
  place: { year: number; unitCode: string },
  figures: SummaryFigures,
  awards: () => Promise<number>,
): Promise<TTargetProgress[]> {
  const rows = await db.target.findMany({ where: { year: place.year, unitCode: place.unitCode } });
  const out: TTargetProgress[] = [];
  for (const r of rows) {
    const t = shape(r);
    const actual =
      t.measure === "coveredCommunes"
        ? figures.cameraCoverage.current.covered
        : t.measure === "cameras"
          ? figures.cameras.cameras
          : t.measure === "awards"
            ? await awards()
            : t.modelTypeCode
              ? (figures.byModelType.find((m) => m.code === t.modelTypeCode)?.sites ?? 0)
              : figures.siteCount;
    out.push({ measure: t.measure, unitCode: t.unitCode, modelTypeCode: t.modelTypeCode, target: t.value, actual });
  }
  return out;
}

/**
 * A report's targets (decision 056): for a report of one calendar year over the whole province or
 * one former district, that year's targets of that place, each named in Vietnamese (the document's
 * language) with the report's own figure; null for any other report or when none is set.
 */
export async function reportTargets(
  db: Db,
  o: { from: string; to: string; formerProvinceCode?: string | null; districtCodes: string[] },
  figures: SummaryFigures,
  awards: number,
): Promise<{
  year: number;
  rows: { measure: TTarget["measure"]; name: string; target: number; actual: number }[];
} | null> {
  const year = Number(o.from.slice(0, 4));
  if (o.from !== `${year}-01-01` || o.to !== `${year}-12-31`) return null;
  if (o.formerProvinceCode || o.districtCodes.length > 1) return null;
  const progress = await targetProgress(db, { year, unitCode: o.districtCodes[0] ?? "" }, figures, async () => awards);
  if (progress.length === 0) return null;
  const codes = progress.map((p) => p.modelTypeCode).filter((c): c is string => c !== null);
  const types = codes.length
    ? await db.modelType.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } })
    : [];
  const order = (m: string) => TARGET_MEASURES.indexOf(m as TTarget["measure"]);
  return {
    year,
    rows: progress
      .sort(
        (a, b) => order(a.measure) - order(b.measure) || (a.modelTypeCode ?? "").localeCompare(b.modelTypeCode ?? ""),
      )
      .map((p) => {
        const type = p.modelTypeCode ? (types.find((t) => t.code === p.modelTypeCode)?.name ?? p.modelTypeCode) : null;
        const measure = message(`targets.measure.${p.measure}`);
        return {
          measure: p.measure,
          name: type ? `${measure} “${type}”` : measure,
          target: p.target,
          actual: p.actual,
        };
      }),
  };
}
