import { z } from "zod";
import { keyed } from "../messages/index.ts";
import { ZGsoCode } from "./common.ts";
import { ZModelTypeCode } from "./dashboard.ts";

/**
 * Targets (chỉ tiêu) the province sets for a year (decision 048): today's communes with cameras,
 * cameras, sites (optionally of one model type) and awards.
 */
export const TARGET_MEASURES = ["coveredCommunes", "cameras", "sites", "awards"] as const;
export type TargetMeasure = (typeof TARGET_MEASURES)[number];
export const ZTargetMeasure = z.enum(TARGET_MEASURES, {
  error: () => keyed("v.targetMeasure"),
});

const ZTargetYear = z.number().int().min(2000).max(2100);

/** What names one target: its year, measure, unit (none: the province) and model type. */
const targetKey = {
  year: ZTargetYear,
  measure: ZTargetMeasure,
  /** A former district or a commune of today; none: the whole province. */
  unitCode: ZGsoCode.optional(),
  /** Only with `sites`: the sites of one model type. */
  modelTypeCode: ZModelTypeCode.optional(),
};
export const ZTargetKey = z.strictObject(targetKey);
export type TTargetKey = z.infer<typeof ZTargetKey>;

export const ZTargetSetInput = z.strictObject({
  ...targetKey,
  value: z
    .number({ error: () => keyed("v.targetValue") })
    .int(keyed("v.targetValue"))
    .min(0, keyed("v.targetValue"))
    .max(1_000_000_000, keyed("v.targetValue")),
});
export type TTargetSetInput = z.infer<typeof ZTargetSetInput>;

export const ZTargetListInput = z.strictObject({ year: ZTargetYear });

export const ZTarget = z.object({
  year: z.number(),
  measure: ZTargetMeasure,
  unitCode: z.string().nullable(),
  modelTypeCode: z.string().nullable(),
  value: z.number(),
});
export type TTarget = z.infer<typeof ZTarget>;

/** targets.list: a target with its unit's name (null: the whole province). */
export const ZTargetRow = ZTarget.extend({ unitName: z.string().nullable() });
export type TTargetRow = z.infer<typeof ZTargetRow>;

/** One refused row of a targets file: its sheet row, its column letter (null: the row), the message. */
export const ZTargetImportIssue = z.object({
  row: z.number(),
  column: z.string().nullable(),
  message: z.string(),
  key: z.string(),
});
export type TTargetImportIssue = z.infer<typeof ZTargetImportIssue>;

/** The columns of the targets template, in order (header texts are Vietnamese, as every template's). */
export const TARGET_IMPORT_COLUMNS = ["year", "measure", "value", "unitCode", "modelTypeCode"] as const;
export type TargetImportColumn = (typeof TARGET_IMPORT_COLUMNS)[number];

/** In dashboard.summary of a one-year period: each target of the summary's place, and how far it is met. */
export const ZTargetProgress = z.object({
  measure: ZTargetMeasure,
  unitCode: z.string().nullable(),
  modelTypeCode: z.string().nullable(),
  target: z.number(),
  actual: z.number(),
});
export type TTargetProgress = z.infer<typeof ZTargetProgress>;
