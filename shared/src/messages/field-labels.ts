import { RECORD_FIELDS, type RecordField } from "../domain.ts";
import type { Locale } from "../format.ts";
import { label } from "../vocabulary.ts";

/** Field labels ("entry.field.costVnd") are the shared vocabulary's words, not written in the catalogue again. */
export const fieldLabels = (locale: Locale) =>
  Object.fromEntries(RECORD_FIELDS.map((f) => [`entry.field.${f}`, label("field", f, locale)])) as Record<
    `entry.field.${RecordField}`,
    string
  >;
