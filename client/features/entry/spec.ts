import type { ModelCategory } from "@qt/shared/domain";
import type { MessageKey } from "@qt/shared/messages/index";
import { todayIso } from "@qt/shared/schemas/common";
import type { VocabularyKind } from "@qt/shared/vocabulary";
import type { FormSchema } from "../../components/useSchemaForm.ts";
import { parseNumber, showNumber } from "./convert.ts";
import type { RecordRow } from "./types.ts";

/** What the inputs hold, by field name: always text ("1.250.000", "01/05/2019"). */
export type Values = Record<string, string>;
/** The form's values read as the procedure's input, before the shared schema has checked them. */
export type Unparsed = { [field: string]: unknown };
export type FieldKind = "text" | "textarea" | "number" | "date" | "year" | "select" | "modelType" | "site";

/** A record as the form edits it: every kind has an area in a district (awards may have none). */
export type EntryRow = RecordRow & {
  districtCode: string | null;
  areaCode: string | null;
  currentCommuneCode: string | null;
};

/** One form field: how it is typed, shown, and turned into the shared schema's value. */
export type FieldSpec<Row> = {
  name: keyof Row & string;
  kind: FieldKind;
  /** A select's values and their words, in the vocabulary's order. */
  vocabulary?: VocabularyKind;
  /** A site link: sites of this category are offered first. */
  prefer?: ModelCategory;
  /** Shown only for some model categories (e.g. religion for religious models). */
  show?: (category: ModelCategory | undefined) => boolean;
  /** What a new record's form starts with (e.g. a site's status: active). */
  initial?: string;
};

/** A shared zod schema read synchronously, as the lists read their URL with it. */
export type ListSchema<TOut> = {
  safeParse: (
    v: unknown,
  ) => { success: true; data: TOut } | { success: false; error: { issues: { message: string }[] } };
};

export type EntityName = "sites" | "cameras" | "awards";

/** The form of a record kind: its fields in the order they are typed, and its shared schemas. */
export type FormConfig<Row> = {
  entity: EntityName;
  fields: FieldSpec<Row>[];
  /** The record's date field: the area picker offers the units valid on it. */
  dateField?: keyof Row & string;
  /** Or its year (awards): the picker offers the units of that year (areaPickerDay). */
  yearField?: keyof Row & string;
  /** Awards may be province-level (no area). */
  areaOptional?: boolean;
};

export type EntityConfig<Row, CreateIn, UpdateIn, ListIn> = FormConfig<Row> & {
  createSchema: FormSchema<CreateIn>;
  updateSchema: FormSchema<UpdateIn>;
  listSchema: ListSchema<ListIn>;
};

export const labelKey = (name: string) => `entry.field.${name}` as MessageKey;

function shownValue(kind: FieldKind, v: unknown): string {
  if (v === null || v === undefined) return "";
  if (kind === "number" && typeof v === "number") return showNumber(v);
  return String(v);
}

/** A record (or nothing, for a new one) as the strings the form edits. */
export function toValues<Row extends EntryRow>(fields: FieldSpec<Row>[], record: Row | null): Values {
  const out: Values = { districtCode: record?.districtCode ?? "", areaCode: record?.areaCode ?? "" };
  // A new record's date starts on today (Vietnam time): most entries are of the day (issue 22).
  const fresh = (f: FieldSpec<Row>) => f.initial ?? (f.kind === "date" ? todayIso() : "");
  for (const f of fields) out[f.name] = record ? shownValue(f.kind, record[f.name]) : fresh(f);
  return out;
}

/** Empty is sent as null: the schema then says the field is required, or accepts "none". */
function typedValue(kind: FieldKind, text: string): unknown {
  if (kind === "number") return parseNumber(text);
  if (kind === "year" || kind === "modelType" || kind === "site") return text.trim() === "" ? null : Number(text);
  // The date picker's value is already yyyy-mm-dd (an impossible date never leaves it).
  if (kind === "date") return text.trim() === "" ? null : text;
  if (kind === "select") return text === "" ? null : text;
  return text;
}

/**
 * The procedure input from the form: every shown field for a new record; only what changed (plus
 * id and version) for an update. Hidden fields count as empty, so switching a religious model to a
 * clan one clears its religion.
 */
export function toInput<Row>(
  config: FormConfig<Row>,
  values: Values,
  category: ModelCategory | undefined,
  base: { initial: Values; id: number; version: number } | null,
): Unparsed {
  const out: Unparsed = {};
  const changed = (name: string) => !base || (values[name] ?? "") !== (base.initial[name] ?? "");
  for (const f of config.fields) {
    const shown = !f.show || f.show(category);
    if (!shown && !base) continue;
    const text = shown ? (values[f.name] ?? "") : "";
    if (base && text === (base.initial[f.name] ?? "")) continue;
    out[f.name] = typedValue(f.kind, text);
  }
  if (changed("areaCode") || changed("districtCode")) {
    const area = values.areaCode ?? "";
    out.areaCode = area === "" ? (config.areaOptional ? null : undefined) : area;
    if (values.districtCode) out.districtCode = values.districtCode;
    if (out.areaCode === undefined) delete out.areaCode;
  }
  return base ? { id: base.id, version: base.version, ...out } : out;
}
