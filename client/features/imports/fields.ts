import type { MessageKey } from "@qt/shared/messages/index";
import type { ImportField, ImportKind } from "@qt/shared/schemas/imports";

/**
 * The form's label of each import field: the units and the model type are named in the file by
 * name or code, but they are the same fields the entry forms label (one word per field).
 */
const FORM_FIELD: Partial<Record<ImportField, string>> = {
  modelType: "modelTypeId",
  district: "districtCode",
  area: "areaCode",
};
export const fieldLabelKey = (f: ImportField) => `entry.field.${FORM_FIELD[f] ?? f}` as MessageKey;

/** The record list of a kind, filtered to one import's records (the lists keep filters in the URL). */
export const recordsOfBatch = (kind: ImportKind, batchId: number) => `/records/${kind}?importBatchId=${batchId}`;

/** The template's URL; `lang` because a plain link cannot send the language header. */
export const templateUrl = (kind: ImportKind, lang: string) => `/api/imports/template.xlsx?kind=${kind}&lang=${lang}`;

/** The file of the rows in error, with the added error column. */
export const errorsUrl = (batchId: number, lang: string) => `/api/imports/${batchId}/errors.xlsx?lang=${lang}`;
