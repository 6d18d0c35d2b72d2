import { readKeyed } from "@qt/shared/messages/index";
import type { ImportField } from "@qt/shared/schemas/imports";
import type { z } from "zod";
import type { Area } from "../records/areas.ts";
import type { TypeMatcher, UnitMatcher } from "./match.ts";
import type { Cell } from "./read.ts";
import { type CellIssue, type Parsed, parseText } from "./values.ts";

export { parseChoice, parseCount, parseDate, parseYear } from "./values.ts";
export { parseText };

/** A problem of a row, on a field's column (null: the whole row). */
export type FieldIssue = CellIssue & { field: ImportField | null };

/** What a row becomes: the kind's create input (as the forms send it), its resolved area, and its problems. */
export type Built = {
  input: Record<string, unknown> | null;
  area: Area | null;
  yearOnly: boolean;
  issues: FieldIssue[];
};

export type RowReader = {
  cell: (f: ImportField) => Cell;
  units: UnitMatcher;
  types: TypeMatcher | null;
};

/**
 * The import's reading of a row, shared by the kinds' row readers (records/kinds/): each kind
 * module reads its own columns with these and validates them by its form's schema.
 */

/** Collects parsed values and issues of one row. */
export function collector() {
  const issues: FieldIssue[] = [];
  const take = <T>(field: ImportField, p: Parsed<T> | null): T | null => {
    if (!p) return null;
    if (p.ok) return p.value;
    issues.push({ ...p.issue, field });
    return null;
  };
  return { issues, take };
}

/** The district and area of a row on its day; null area when none is written (an award may have none). */
export function place(r: RowReader, on: string | null, take: ReturnType<typeof collector>["take"]) {
  const districtText = take("district", parseText(r.cell("district")));
  const district = districtText ? take("district", r.units.district(districtText)) : null;
  const areaText = take("area", parseText(r.cell("area")));
  if (!areaText || !on || (districtText && !district)) return null;
  return take("area", r.units.area(areaText, on, district));
}

/** The zod schema's issues, on the fields the file has columns for. */
export function schemaIssues(error: z.ZodError, pathField: (p: string) => ImportField | null): FieldIssue[] {
  return error.issues.map((i) => ({ ...issueOf(i.message), field: pathField(String(i.path[0] ?? "")) }));
}

/** A shared rule's message is a catalogue key with its parameters (`keyed`), read as such. */
export const issueOf = (text: string): CellIssue =>
  readKeyed(text) ?? { key: "import.rowRule", params: { detail: text } };

export const samePath = (p: string): ImportField | null => (p === "areaCode" ? "area" : (p as ImportField)) || null;

/**
 * A row's create input checked after its cells: the cells' problems, else the form's schema's (on
 * the file's columns, `field` maps a schema path), else the kind's own `rules` on the parsed input.
 */
export function validated<S extends z.ZodType<Record<string, unknown>>>(
  schema: S,
  input: Record<string, unknown>,
  row: { area: Area | null; yearOnly: boolean; issues: FieldIssue[] },
  opts: { field?: (p: string) => ImportField | null; rules?: (data: z.output<S>) => FieldIssue[] } = {},
): Built {
  const refused = (issues: FieldIssue[]): Built => ({ input: null, area: row.area, yearOnly: row.yearOnly, issues });
  if (row.issues.length > 0) return refused(row.issues);
  const parsed = schema.safeParse(input);
  if (!parsed.success) return refused(schemaIssues(parsed.error, opts.field ?? samePath));
  const rules = opts.rules?.(parsed.data) ?? [];
  if (rules.length > 0) return refused(rules);
  return { input: parsed.data, area: row.area, yearOnly: row.yearOnly, issues: [] };
}

/** A kind's row reader: the row's create input (as the form sends it), its area, and its problems. */
export type ReadRow = (r: RowReader) => Built;
