import type { TDashboardFilter } from "@qt/shared/schemas/dashboard";
import type { TTarget, TTargetProgress, TTargetSetInput } from "@qt/shared/schemas/targets";
import type { SessionUser } from "../../context.ts";
import type { Db } from "../../db.ts";
import { appError } from "../../errors.ts";
import { writeAudit } from "../audit/write.ts";
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
 * for the communes of today on their former district's land.
 */
async function targetUnit(db: Db, code: string | undefined, user: SessionUser) {
  const scoped = user.districtId !== null || user.communeId !== null;
  if (!code) {
    if (scoped) throw appError("forbidden", "target.outOfScope");
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
    !scoped ||
    unit.id === user.communeId ||
    unit.id === user.districtId ||
    (user.districtId !== null && unit.formerDistrictId === user.districtId);
  if (!own) throw appError("forbidden", "target.outOfScope");
  return code;
}

/** targets.set: one target, replacing the one of the same year, measure, unit and model type; audited. */
export async function setTarget(db: Db, input: TTargetSetInput, user: SessionUser): Promise<TTarget> {
  const unitCode = await targetUnit(db, input.unitCode, user);
  const modelTypeCode = input.modelTypeCode ?? "";
  if (modelTypeCode) {
    const type = await db.modelType.findFirst({
      where: { code: modelTypeCode, deletedAt: null },
      select: { id: true },
    });
    if (!type || input.measure !== "sites")
      throw appError("invalid", "target.modelTypeNotFound", { code: modelTypeCode });
  }
  const key = { year: input.year, measure: input.measure, unitCode, modelTypeCode };
  return db.$transaction(async (tx) => {
    const before = await tx.target.findUnique({ where: { year_measure_unitCode_modelTypeCode: key } });
    const row = await tx.target.upsert({
      where: { year_measure_unitCode_modelTypeCode: key },
      create: { ...key, value: input.value, updatedById: user.id },
      update: { value: input.value, updatedById: user.id },
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
  });
}

/** targets.list: a year's targets, province-wide first. */
export async function listTargets(db: Db, year: number): Promise<TTarget[]> {
  const rows = await db.target.findMany({
    where: { year },
    orderBy: [{ unitCode: "asc" }, { measure: "asc" }, { modelTypeCode: "asc" }],
  });
  return rows.map(shape);
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
