import { isCleanText } from "@qt/shared/schemas/common";
import { appError } from "../../errors.ts";
import { letterOf } from "./header.ts";
import type { SheetRow } from "./read.ts";

/**
 * The clean-text rule (shared/src/schemas/common.ts) on every cell's text as read, whatever the
 * format: a NUL or a lone surrogate anywhere in the file (not only in the first 4 KB, which the CSV
 * reader sniffs for binary) is refused naming its cell, before anything is stored (issue 23).
 */
export function cleanCells(rows: SheetRow[]): SheetRow[] {
  for (const { row, cells } of rows) {
    for (const [i, c] of cells.entries()) {
      const text = typeof c === "string" ? c : c !== null && typeof c === "object" && "formula" in c ? c.formula : "";
      if (!isCleanText(text)) {
        throw appError("invalid", "import.badCharacter", { cell: `${letterOf(i)}${row}`, row: String(row) });
      }
    }
  }
  return rows;
}
