import { appError } from "../../errors.ts";
import { letterOf } from "./sheet.ts";

/**
 * What one uploaded spreadsheet may hold, fixed before a byte of it is read (issue 23). Each limit
 * is far above a real file (50.000 rows × 12 columns: 25 MB of heap, 2–12 s by the load of the shared machine) and far
 * below what would hurt the server; each refusal names its limit.
 */
export const READ_LIMITS = {
  /** Rows with data, of the sheet read. */
  rows: 100_000,
  /** Columns up to the last non-empty cell of a row (empty or styled cells further right cost nothing). */
  columns: 200,
  /** Cells kept, a row counting as wide as its last non-empty cell (what is stored). */
  cells: 2_000_000,
  /** Characters of text in the cells kept (a shared string counts each time a cell uses it). */
  text: 32_000_000,
  /** Entries of the workbook's shared-string table, and their characters. */
  sharedStrings: 1_000_000,
  sharedText: 32_000_000,
  /** One cell's text (Excel's own limit). */
  cellText: 32_767,
  /** Time to read the file, in milliseconds (50.000 rows took 2–12 s on the shared 2-core machine). */
  ms: 60_000,
};
export type ReadLimits = typeof READ_LIMITS;

/** What a read has used so far: time, bytes inflated, cells and text kept. */
export class ReadBudget {
  unpacked = 0;
  cells = 0;
  text = 0;
  private readonly deadline: number;
  constructor(readonly limits: ReadLimits) {
    this.deadline = Date.now() + limits.ms;
  }
  check() {
    if (Date.now() > this.deadline) {
      throw appError("invalid", "import.tooSlow", { seconds: Math.ceil(this.limits.ms / 1000) });
    }
  }
}

/** Yields to the event loop, so the health check and other users are answered during a long read. */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Collects a sheet's rows under the limits: a row is as wide as its last non-empty cell; a
 * non-empty cell beyond the column limit, one row too many, too many cells or too much text
 * stops the read with a message naming the limit.
 */
export class RowSink<C> {
  readonly rows: { row: number; cells: (C | null)[] }[] = [];
  private readonly limits: ReadLimits;
  constructor(
    private readonly budget: ReadBudget,
    private readonly onRows?: (read: number) => void,
  ) {
    this.limits = budget.limits;
  }

  /** Adds a row from its non-empty cells (0-based column, value, length of its text); blank rows are dropped. */
  add(row: number, cells: [col: number, value: C, textLength: number][]) {
    if (cells.length === 0) return;
    if (this.rows.length >= this.limits.rows) {
      throw appError("invalid", "import.tooManyRows", { max: this.limits.rows });
    }
    let width = 0;
    for (const [col, , length] of cells) {
      this.checkColumn(row, col);
      if (length > this.limits.cellText) {
        throw appError("invalid", "import.cellTooLong", { max: this.limits.cellText });
      }
      this.budget.text += length;
      width = Math.max(width, col + 1);
    }
    // Each row is stored as wide as its last cell, so the empty cells before it count too.
    this.budget.cells += width;
    if (this.budget.cells > this.limits.cells) {
      throw appError("invalid", "import.tooManyCells", { max: this.limits.cells });
    }
    if (this.budget.text > this.limits.text) {
      throw appError("invalid", "import.tooMuchText", { max: this.limits.text });
    }
    const out: (C | null)[] = new Array(width).fill(null);
    for (const [col, value] of cells) out[col] = value;
    this.rows.push({ row, cells: out });
    if (this.rows.length % 2000 === 0) {
      this.onRows?.(this.rows.length);
      this.budget.check();
    }
  }

  /** Refuses a non-empty cell right of the column limit, naming it ("XFD7"). */
  checkColumn(row: number, col: number) {
    if (col < this.limits.columns) return;
    throw appError("invalid", "import.tooManyColumns", {
      cell: `${letterOf(col)}${row}`,
      max: this.limits.columns,
      last: letterOf(this.limits.columns - 1),
    });
  }
}
