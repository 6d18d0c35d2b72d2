import type { ModelCategory } from "@qt/shared/domain";
import type { VocabularyKind } from "@qt/shared/vocabulary";
import type { MessageKey } from "../../i18n/dictionary.ts";
import { parseDate, parseNumber, showDate, showNumber } from "./convert.ts";
import type { SchemaError } from "./errors.ts";

export type Values = Record<string, string>;
export type FieldKind = "text" | "textarea" | "number" | "date" | "year" | "select" | "modelType" | "site";

/** One form field: how it is typed, shown, and turned into the shared schema's value. */
export type FieldSpec = {
  name: string;
  kind: FieldKind;
  /** A select's values and their words, in the vocabulary's order. */
  vocabulary?: VocabularyKind;
  /** A site link: sites of this category are offered first. */
  prefer?: ModelCategory;
  /** Shown only for some model categories (e.g. religion for religious models). */
  show?: (category: ModelCategory | undefined) => boolean;
};

/** A shared zod schema, as the form uses it. */
export type Schema = {
  safeParse: (v: unknown) => { success: true } | { success: false; error: SchemaError };
};

export type EntityName = "sites" | "cameras" | "awards";

export type EntityConfig = {
  entity: EntityName;
  fields: FieldSpec[];
  /** The record's date field: the area picker offers the units valid on it. */
  dateField?: string;
  /** Awards may be province-level (no area). */
  areaOptional?: boolean;
  createSchema: Schema;
  updateSchema: Schema;
};

export const labelKey = (name: string) => `entry.field.${name}` as MessageKey;

/** A record (or nothing, for a new one) as the strings the form edits. */
export function toValues(fields: FieldSpec[], record: Record<string, unknown> | null): Values {
  const out: Values = {
    districtCode: String(record?.districtCode ?? ""),
    areaCode: String(record?.areaCode ?? ""),
  };
  for (const f of fields) {
    const v = record?.[f.name];
    if (v === null || v === undefined) out[f.name] = "";
    else if (f.kind === "number") out[f.name] = showNumber(v as number);
    else if (f.kind === "date") out[f.name] = showDate(v as string);
    else out[f.name] = String(v);
  }
  return out;
}

/** Empty is sent as null: the schema then says the field is required, or accepts "none". */
function typedValue(f: FieldSpec, text: string): unknown {
  const empty = null;
  if (f.kind === "number" || f.kind === "year" || f.kind === "modelType" || f.kind === "site") {
    const n = f.kind === "number" ? parseNumber(text) : text.trim() === "" ? null : Number(text);
    return n ?? empty;
  }
  if (f.kind === "date") return parseDate(text) ?? empty;
  if (f.kind === "select") return text === "" ? empty : text;
  return text;
}

/**
 * The procedure input from the form: every shown field for a new record; only what changed (plus
 * id and version) for an update. Hidden fields count as empty, so switching a religious model to a
 * clan one clears its religion.
 */
export function toInput(
  config: EntityConfig,
  values: Values,
  category: ModelCategory | undefined,
  base: { initial: Values; id: number; version: number } | null,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const changed = (name: string) => !base || (values[name] ?? "") !== (base.initial[name] ?? "");
  for (const f of config.fields) {
    const shown = !f.show || f.show(category);
    if (!shown && !base) continue;
    const text = shown ? (values[f.name] ?? "") : "";
    if (base && text === (base.initial[f.name] ?? "")) continue;
    out[f.name] = typedValue(f, text);
  }
  if (changed("areaCode") || changed("districtCode")) {
    const area = values.areaCode ?? "";
    out.areaCode = area === "" ? (config.areaOptional ? null : undefined) : area;
    if (values.districtCode) out.districtCode = values.districtCode;
    if (out.areaCode === undefined) delete out.areaCode;
  }
  return base ? { id: base.id, version: base.version, ...out } : out;
}
