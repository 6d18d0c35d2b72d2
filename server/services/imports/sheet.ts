/**
 * A cell as read: text, a number, a real date (yyyy-mm-dd of an Excel date cell), a formula that
 * has no cached value (an error of that cell), or empty. Nothing is ever evaluated: a text that
 * begins with "=" stays text.
 */
export type Cell = string | number | { date: string } | { formula: string } | null;
/** A sheet row with its own row number (as Excel shows it). */
export type SheetRow = { row: number; cells: Cell[] };

/** A column letter from a 0-based index: 0 → A, 27 → AB. */
export function letterOf(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
