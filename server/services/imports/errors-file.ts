import type { Locale } from "@qt/shared/format";
import { message } from "@qt/shared/messages/index";
import ExcelJS from "exceljs";
import type { SessionUser } from "../../context.ts";
import type { Db } from "../../db.ts";
import { ownBatch } from "./batch.ts";
import { type StoredIssue, sayIssue } from "./evaluate.ts";
import type { Cell } from "./read.ts";

/** A stored cell as a typed Excel value: text stays text (a string cell is never a formula). */
function excelValue(c: Cell): ExcelJS.CellValue {
  if (c === null) return null;
  if (typeof c === "string" || typeof c === "number") return c;
  if ("date" in c) return new Date(`${c.date}T00:00:00Z`);
  // A formula the file had no value for: its text, as text, so the user sees what to fix.
  return `=${c.formula}`;
}

/**
 * The rows in error, as the file had them (same header, same columns, typed values) with one
 * more column saying what is wrong, so the user fixes them there and uploads this file again.
 */
export async function errorsWorkbook(db: Db, batchId: number, user: SessionUser, locale: Locale) {
  const batch = await ownBatch(db, batchId, user);
  const rows = await db.importRow.findMany({
    where: { batchId: batch.id, state: "error" },
    orderBy: { row: "asc" },
    select: { row: true, cells: true, issues: true },
  });
  const headers = batch.headers as string[];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(locale === "en" ? "Errors" : "Dòng lỗi", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.addRow([...headers, message("import.errorColumn", {}, locale)]).font = { bold: true };
  for (const r of rows) {
    const cells = r.cells as Cell[];
    const values = headers.map((_, i) => excelValue(cells[i] ?? null));
    const said = (r.issues as StoredIssue[]).map((i) => sayIssue(r.row, i, locale).message).join("\n");
    ws.addRow([...values, said]);
  }
  ws.columns.forEach((col, i) => {
    col.width = i === headers.length ? 60 : 18;
  });
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  const base = batch.fileName.replace(/\.[^.]*$/, "");
  return { filename: `${base}-loi.xlsx`, body };
}
