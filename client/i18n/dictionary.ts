import { RECORD_FIELDS, type RecordField } from "@qt/shared/domain";
import type { Locale } from "@qt/shared/format";
import { label } from "@qt/shared/vocabulary";
import { authEn, authVi } from "./messages/auth.ts";
import { commonEn, commonVi } from "./messages/common.ts";
import { dashboardEn, dashboardVi } from "./messages/dashboard.ts";
import { demoEn, demoVi } from "./messages/demo.ts";
import { entryEn, entryVi } from "./messages/entry.ts";
import { importsEn, importsVi } from "./messages/imports.ts";
import { layoutEn, layoutVi } from "./messages/layout.ts";
import { reportsEn, reportsVi } from "./messages/reports.ts";

/**
 * Every string the user sees, one file per domain under messages/: Vietnamese first, English with
 * the same keys (the types check it). Placeholders are written {name}. Keys are prefixed by domain
 * ("dashboard.", "auth.", "entry.", "reports.", "layout.") so the files never collide.
 */
/** Field labels ("entry.field.costVnd") are the shared vocabulary's words, not written here again. */
const fieldLabels = (locale: Locale) =>
  Object.fromEntries(RECORD_FIELDS.map((f) => [`entry.field.${f}`, label("field", f, locale)])) as Record<
    `entry.field.${RecordField}`,
    string
  >;

export const vi = {
  ...commonVi,
  ...authVi,
  ...dashboardVi,
  ...entryVi,
  ...reportsVi,
  ...layoutVi,
  ...demoVi,
  ...importsVi,
  ...fieldLabels("vi"),
};

export type MessageKey = keyof typeof vi;

/** Whether a key built at run time (e.g. from a field name the server sends) has a message. */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(vi, key);

export const en: Record<MessageKey, string> = {
  ...commonEn,
  ...authEn,
  ...dashboardEn,
  ...entryEn,
  ...reportsEn,
  ...layoutEn,
  ...demoEn,
  ...importsEn,
  ...fieldLabels("en"),
};
