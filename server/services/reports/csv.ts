import { Readable } from "node:stream";
import { isoOf } from "@qt/shared/dates";
import { CSV_SEPARATORS } from "@qt/shared/schemas/reports";
import type { CellValue, TableSpec } from "./tables.ts";

/** Excel reads a CSV as UTF-8 only when it starts with this byte order mark. */
export const BOM = "\uFEFF";

/**
 * A text cell that a spreadsheet would read as a formula (OWASP "CSV Injection": `=`, `+`, `-`, `@`,
 * tab, CR) gets a leading apostrophe, so `=HYPERLINK(…)` typed into a record stays text when a leader
 * opens the file. Only text is escaped: numbers and dates are written by the product, never typed.
 */
export function inertText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function field(v: CellValue, sep: string): string {
  if (v === null) return "";
  // Dates as yyyy-mm-dd: unambiguous for people and for other systems importing the file.
  const s = v instanceof Date ? isoOf(v) : typeof v === "number" ? String(v) : inertText(v);
  return s.includes(sep) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The table as CSV (RFC 4180, UTF-8 with BOM), produced batch by batch as the reader consumes it.
 * `sep` is the field separator: "," or ";" (Excel with Vietnamese regional settings). No "sep=" first
 * line: other readers would take it for the header row.
 */
export function csvStream(spec: TableSpec, sep: string = CSV_SEPARATORS.comma): Readable {
  const line = (cells: CellValue[]) => `${cells.map((c) => field(c, sep)).join(sep)}\r\n`;
  async function* lines() {
    yield BOM + line(spec.columns.map((c) => c.header));
    for await (const batch of spec.batches()) yield batch.map(line).join("");
  }
  return Readable.from(lines(), { objectMode: false });
}
