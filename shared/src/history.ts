import { RECORD_FIELDS, type RecordField } from "./domain.ts";
import { formatDate, formatMoneyExact, formatNumber, type Locale } from "./format.ts";
import { type MessageKey, message } from "./messages/index.ts";
import type { TAuditRow } from "./schemas/audit.ts";
import { isValue, label, type VocabularyKind } from "./vocabulary.ts";

/**
 * An audit entry in plain words, the same for the record history and the audit log: field labels
 * from the vocabulary, values formatted (money, dates, enum words, names instead of codes and ids),
 * the record named by what it is, an export told in a sentence (docs/decisions/020).
 */
export type HistoryEntry = Pick<TAuditRow, "action" | "entity" | "entityId" | "names"> & {
  // JSON drops an absent value, so what a client receives has these optional.
  before?: unknown;
  after?: unknown;
  changes: { field: string; before?: unknown; after?: unknown }[];
};
export type ChangeLine = { field: string; label: string; before: string; after: string };

type Snapshot = Record<string, unknown>;
const snap = (v: unknown): Snapshot =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Snapshot) : {};
const str = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : "");

/** Fields whose value is a word of the vocabulary. */
const ENUM_OF: Partial<Record<RecordField, VocabularyKind>> = {
  status: "status",
  religion: "religion",
  fundingSource: "funding",
  category: "category",
  issuer: "issuer",
  form: "awardForm",
  recipientKind: "recipientKind",
  role: "role",
  state: "approvalState",
};
/** Codes and ids shown by the name stored beside them in the same snapshot. */
const NAME_BESIDE: Partial<Record<RecordField, string>> = {
  areaCode: "areaName",
  districtCode: "districtName",
  modelTypeId: "modelTypeName",
  siteId: "siteName",
  unitCode: "unitName",
};
const DATES = new Set<string>(["establishedOn", "installedOn", "statusChangedOn"]);
const MOMENTS = new Set<string>(["deletedAt", "disabledAt", "loadedAt"]);
const PLAIN_NUMBERS = new Set<string>(["year", "id", "sessionId"]);

/** A model type's own fields are named as a model type's, not a site's. */
const ENTITY_FIELD: Record<string, Partial<Record<string, RecordField>>> = {
  model_type: { name: "modelTypeName", code: "modelTypeCode" },
};

const isField = (f: string): f is RecordField => (RECORD_FIELDS as readonly string[]).includes(f);

/** A timestamp in Vietnam's time: "10/10/2022 14:05". */
export function formatMoment(iso: string, locale: Locale = "vi"): string {
  const local = new Date(new Date(iso).getTime() + 7 * 3600_000);
  const hh = String(local.getUTCHours()).padStart(2, "0");
  const mm = String(local.getUTCMinutes()).padStart(2, "0");
  return `${formatDate(local, locale)} ${hh}:${mm}`;
}

/** One value of a field as the reader sees it; `side` is the snapshot it was read from. */
export function formatValue(
  field: string,
  value: unknown,
  locale: Locale,
  side: Snapshot = {},
  names: Record<string, string> = {},
): string {
  if (value === null || value === undefined || value === "") return "—";
  const f = isField(field) ? field : null;
  const kind = f ? ENUM_OF[f] : undefined;
  if (kind && typeof value === "string" && isValue(kind, value)) return label(kind, value, locale);
  const beside = f ? NAME_BESIDE[f] : undefined;
  if (beside) return str(side[beside]) || names[str(value)] || str(value);
  if (typeof value === "boolean") return message(value ? "history.yes" : "history.no", {}, locale);
  if (field === "costVnd" && typeof value === "number") return formatMoneyExact(value, locale);
  if (DATES.has(field) && typeof value === "string") return formatDate(value, locale);
  if (MOMENTS.has(field) && typeof value === "string") return formatMoment(value, locale);
  if (typeof value === "number") return PLAIN_NUMBERS.has(field) ? String(value) : formatNumber(value, locale);
  if (Array.isArray(value)) return value.map((v) => formatValue(field, v, locale, {}, names)).join(", ");
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** The field's label in the vocabulary; an unknown field keeps its name. */
export function fieldLabel(entity: string, field: string, locale: Locale): string {
  const f = ENTITY_FIELD[entity]?.[field] ?? field;
  return isField(f) ? label("field", f, locale) : field;
}

/** The changed fields of an entry, labelled and formatted. */
export function changeLines(entry: HistoryEntry, locale: Locale): ChangeLine[] {
  const before = snap(entry.before);
  const after = snap(entry.after);
  return entry.changes.map((c) => ({
    field: c.field,
    label: fieldLabel(entry.entity, c.field, locale),
    before: formatValue(c.field, c.before, locale, before, entry.names),
    after: formatValue(c.field, c.after, locale, after, entry.names),
  }));
}

const formatOf = (entityId: string) => entityId.split(".")[1] ?? "";
const tableOf = (entityId: string) => entityId.split(".")[0] ?? "";

/** What a record is: "Camera tại Phường Đông Lễ, lắp 10/10/2022", "Điểm … tại …", "Báo cáo Word". */
export function recordTitle(entry: HistoryEntry, locale: Locale): string {
  const s = { ...snap(entry.before), ...snap(entry.after) };
  const say = (key: MessageKey, params: Record<string, string>) => message(key, params, locale);
  const area = str(s.areaName);
  switch (entry.entity) {
    case "site":
      if (s.name && area) return say("history.site", { name: str(s.name), area });
      break;
    case "camera_installation":
      if (s.installedOn && area) return say("history.camera", { area, date: formatDate(str(s.installedOn), locale) });
      break;
    case "award":
      if (s.recipientName)
        return say("history.award", {
          year: str(s.year),
          form: formatValue("form", s.form, locale),
          recipient: str(s.recipientName),
        });
      break;
    case "model_type":
      if (s.name) return say("history.modelType", { name: str(s.name) });
      break;
    case "user": {
      const name = str(s.username) || entry.names[`user:${entry.entityId}`];
      if (name) return say("history.user", { name });
      break;
    }
    case "approval":
      if (s.unitName && s.year) return say("history.approval", { year: str(s.year), unit: str(s.unitName) });
      break;
    case "report": {
      const format = formatOf(entry.entityId);
      if (isValue("reportFormat", format))
        return say("history.report", { format: label("reportFormat", format, locale) });
      const table = tableOf(entry.entityId);
      if (isValue("reportTable", table)) return say("history.table", { table: label("reportTable", table, locale) });
      break;
    }
  }
  const entity = isValue("entity", entry.entity) ? label("entity", entry.entity, locale) : entry.entity;
  return say("history.other", { entity, id: entry.entityId });
}

/** An export in one sentence: "Xuất báo cáo Word, Huyện Gio Linh, 2007–2022"; null for other entries. */
export function exportSentence(entry: HistoryEntry, locale: Locale): string | null {
  if (entry.action !== "export") return null;
  const a = snap(entry.after);
  const codes = Array.isArray(a.districtCodes) ? a.districtCodes.map(str) : [];
  const scope = codes.length
    ? codes.map((c) => entry.names[c] ?? c).join(", ")
    : message("history.province", {}, locale);
  const years = a.fromYear === a.toYear ? str(a.fromYear) : `${str(a.fromYear)}–${str(a.toYear)}`;
  const format = formatOf(entry.entityId);
  const table = tableOf(entry.entityId);
  const sentence = isValue("reportFormat", format)
    ? message("history.exportReport", { format: label("reportFormat", format, locale), scope, years }, locale)
    : isValue("reportTable", table)
      ? message("history.exportTable", { table: label("reportTable", table, locale), scope, years }, locale)
      : null;
  if (!sentence) return null;
  return a.via === "cli" ? `${sentence} (${message("history.viaCli", {}, locale)})` : sentence;
}
