import { foldVietnamese } from "@qt/shared/domain";
import type { Locale } from "@qt/shared/format";
import { type MessageKey, type MessageParams, message } from "@qt/shared/messages/index";
import {
  IMPORT_FIELDS,
  IMPORT_REQUIRED,
  type ImportField,
  type ImportKind,
  type RowState,
  type TImportIssue,
} from "@qt/shared/schemas/imports";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Area } from "../records/areas.ts";
import { letterOf, SAMPLE_MARK_FOLDED, TEMPLATE_HEADERS } from "./header.ts";
import { typeMatcher, unitMatcher } from "./match.ts";
import type { Cell, SheetRow } from "./read.ts";
import type { Built } from "./row-reader.ts";
import { WRITERS } from "./writers.ts";

type Tx = Prisma.TransactionClient;

const YIELD_EVERY = 2000;

/** An issue as stored with its row: the column's letter and a catalogue key. */
export type StoredIssue = { column: string | null; key: MessageKey; params: MessageParams };
/** A row's values ready to write: the kind's create input and its resolved area. */
export type StoredValues = { input: Record<string, unknown>; area: Area | null };
export type Evaluated = {
  row: number;
  state: RowState;
  yearOnly: boolean;
  values: StoredValues | null;
  issues: StoredIssue[];
  duplicateOf: number | null;
};

/** A row that is not a record: the total at the end ("Tổng cộng", "Cộng") or a column-number line "(1) (2) (3)". */
export function isDataRow(cells: Cell[]): boolean {
  const texts = cells.filter((c) => c !== null).map((c) => (typeof c === "string" ? foldVietnamese(c) : ""));
  // The template's example row, left in the file ("VÍ DỤ — xóa dòng này" beside it).
  if (texts.some((t) => t.startsWith(SAMPLE_MARK_FOLDED))) return false;
  if (texts.some((t) => /^(tong cong|tong so|cong|tong)\s*:?$/.test(t))) return false;
  const filled = cells.filter((c) => c !== null);
  if (filled.length >= 3 && filled.every((c) => typeof c === "string" && /^\(\s*\d{1,2}\s*\)$/.test(c.trim()))) {
    return false;
  }
  return true;
}

/**
 * Reads every row of a batch with a mapping: each becomes ready, duplicate (of a stored record, or
 * of an earlier row of the file) or error, with its issues on the sheet's own row and column.
 * Run at preview and again inside the commit's transaction, so what is written is judged against
 * the database as it is then (a file imported twice meanwhile creates nothing twice).
 */
export async function evaluateRows(
  tx: Tx,
  kind: ImportKind,
  rows: SheetRow[],
  mapping: (ImportField | null)[],
  onChecked?: (checked: number) => void,
): Promise<Evaluated[]> {
  const writer = WRITERS[kind];
  const columnOf = new Map<ImportField, number>();
  mapping.forEach((f, i) => {
    if (f) columnOf.set(f, i);
  });
  const missing = (IMPORT_REQUIRED[kind] as readonly ImportField[]).filter((f) => !columnOf.has(f));
  const missingIssues: StoredIssue[] = missing.map((f) => ({
    column: null,
    key: "import.missingColumn",
    params: { field: TEMPLATE_HEADERS[f] },
  }));
  const units = await unitMatcher(tx);
  const types = kind === "sites" ? await typeMatcher(tx) : null;
  const letter = (f: ImportField | null) => {
    const i = f ? columnOf.get(f) : undefined;
    return i === undefined ? null : letterOf(i);
  };
  const buildOne = (r: SheetRow) => {
    const cell = (f: ImportField) => {
      const i = columnOf.get(f);
      return i === undefined ? null : (r.cells[i] ?? null);
    };
    return { row: r.row, ...writer.readRow({ cell, units, types }) };
  };
  const built: ReturnType<typeof buildOne>[] = [];
  for (let i = 0; i < rows.length; i += YIELD_EVERY) {
    for (const r of rows.slice(i, i + YIELD_EVERY)) built.push(buildOne(r));
    onChecked?.(built.length);
    // Let the server answer other requests (the progress poll among them) between slices.
    await new Promise((resolve) => setImmediate(resolve));
  }
  // The kind's duplicate rule (records/kinds/), the one a form's save warns about.
  const valid = built.filter((b): b is typeof b & { input: Built["input"] & object } => b.input !== null);
  const { keys, stored: existing } = await writer.duplicateKeys(
    tx,
    valid.map((b) => ({ input: b.input, area: b.area })),
  );
  const keyByRow = new Map<object, string>(valid.map((b, i) => [b, keys[i] as string]));
  const firstRow = new Map<string, number>();
  return built.map((b): Evaluated => {
    const issues: StoredIssue[] = [
      ...missingIssues,
      ...b.issues.map((i) => {
        const column = letter(i.field);
        // A formula without value names its cell as Excel does ("G7").
        const params = i.key === "import.formulaNoValue" ? { ...i.params, cell: `${column}${b.row}` } : i.params;
        return { column, key: i.key, params };
      }),
    ];
    const base = { row: b.row, yearOnly: b.yearOnly, duplicateOf: null };
    if (issues.length > 0 || !b.input) return { ...base, state: "error", values: null, issues };
    const values = { input: b.input, area: b.area };
    const key = keyByRow.get(b) as string;
    const stored = existing.get(key);
    if (stored !== undefined) {
      const issue: StoredIssue = { column: null, key: "import.duplicateInDb", params: { id: stored } };
      return { ...base, state: "duplicate", values, issues: [issue], duplicateOf: stored };
    }
    const first = firstRow.get(key);
    if (first !== undefined) {
      const issue: StoredIssue = { column: null, key: "import.duplicateInFile", params: { first: String(first) } };
      return { ...base, state: "duplicate", values, issues: [issue] };
    }
    firstRow.set(key, b.row);
    return { ...base, state: "ready", values, issues: [] };
  });
}

/** The fields of a kind that a mapping may use. */
export const fieldsOf = (kind: ImportKind) => IMPORT_FIELDS[kind] as readonly ImportField[];

/** An issue in the caller's language: "Dòng 14: …", with the closest names when there are some. */
export function sayIssue(row: number, i: StoredIssue, locale: Locale): TImportIssue {
  const r = String(row);
  const own = i.key.startsWith("import.");
  let text = own
    ? message(i.key, { ...i.params, row: r }, locale)
    : message("import.rowRule", { row: r, detail: message(i.key, i.params, locale) }, locale);
  if (i.params.suggestions) text += message("import.didYouMean", { names: String(i.params.suggestions) }, locale);
  return { row, column: i.column, message: text, key: i.key, params: { ...i.params, row: r } };
}
