import { RECORD_FIELDS, type RecordField } from "@qt/shared/domain";
import type { Locale } from "@qt/shared/format";
import { label } from "@qt/shared/vocabulary";
import { approvalsEn, approvalsVi } from "./messages/approvals.ts";
import { authEn, authVi } from "./messages/auth.ts";
import { commonEn, commonVi } from "./messages/common.ts";
import { dashboardEn, dashboardVi } from "./messages/dashboard.ts";
import { demoEn, demoVi } from "./messages/demo.ts";
import { entryEn, entryVi } from "./messages/entry.ts";
import { importsEn, importsVi } from "./messages/imports.ts";
import { layoutEn, layoutVi } from "./messages/layout.ts";
import type { mapsVi } from "./messages/maps.ts";
import { reportsEn, reportsVi } from "./messages/reports.ts";
import { rolesEn, rolesVi } from "./messages/roles.ts";

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
  ...approvalsVi,
  ...dashboardVi,
  ...entryVi,
  ...reportsVi,
  ...layoutVi,
  ...demoVi,
  ...importsVi,
  ...rolesVi,
  ...fieldLabels("vi"),
};

/**
 * The keys of messages that load with their feature's chunk (addMessages), not with the first
 * screen: the map's (issue 16: the map is not in the first screen's JavaScript, its words neither).
 */
type LazyKey = keyof typeof mapsVi;
export type MessageKey = keyof typeof vi | LazyKey;

/** Whether a key built at run time (e.g. from a field name the server sends) has a message. */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(vi, key);

export const en: Record<keyof typeof vi, string> = {
  ...commonEn,
  ...authEn,
  ...approvalsEn,
  ...dashboardEn,
  ...entryEn,
  ...reportsEn,
  ...layoutEn,
  ...demoEn,
  ...importsEn,
  ...rolesEn,
  ...fieldLabels("en"),
};

/** A lazily loaded feature's messages join the dictionaries when its chunk is evaluated. */
export function addMessages(viPart: Record<string, string>, enPart: Record<string, string>) {
  Object.assign(vi, viPart);
  Object.assign(en, enPart);
}
