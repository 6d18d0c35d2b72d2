import { once } from "node:events";
import type { Writable } from "node:stream";
import { periodPhrase } from "@qt/shared/period";
import type { TReportModel } from "@qt/shared/schemas/reports";
import ExcelJS from "exceljs";
import type { Db } from "../../db.ts";
import type { NameRule } from "../accounts/personal-data.ts";
import type { ReportScope } from "./report-scope.ts";
import { type Column, type TableSpec, tableSpec } from "./tables.ts";
import { writeSummarySheet } from "./xlsx-summary.ts";

const NUM_FMT: Record<Column["type"], string | undefined> = {
  id: "0",
  text: undefined,
  int: "#,##0",
  money: "#,##0",
  date: "dd/mm/yyyy",
};
const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true, name: "Times New Roman", size: 12 },
  alignment: { wrapText: true, vertical: "middle", horizontal: "center" },
  fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E2F3" } },
};

/** Wider than this (in Excel's character widths) a sheet prints landscape. */
const PORTRAIT_WIDTH = 100;

/**
 * Printed, a list is one page wide (as many pages down as it needs), landscape when wide, on A4,
 * with its header row repeated at the top of every page.
 */
function printSetup(spec: TableSpec): Partial<ExcelJS.PageSetup> {
  const width = spec.columns.reduce((sum, c) => sum + c.width, 0);
  return {
    paperSize: 9,
    orientation: width > PORTRAIT_WIDTH ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: "1:1",
    margins: { left: 0.4, right: 0.4, top: 0.7, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
}

/** Each printed page says whose, what and which period, and its number ("&" escaped as "&&"). */
function pageHeader(sheet: string, model: TReportModel): Partial<ExcelJS.HeaderFooter> {
  const text = (s: string) => s.replace(/&/g, "&&");
  const o = model.options;
  return {
    oddHeader: `&L${text(o.issuingBody)}&C&B${text(sheet)}, ${text(periodPhrase(o))}&R&P/&N`,
  };
}

const colLetter = (i: number) => {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/**
 * exceljs's sheet buffer writes into the zip's deflate stream without heeding its backpressure,
 * so when rows arrive faster than they are compressed (or than the client downloads) they pile up
 * in memory. Waiting for that stream to drain after each batch keeps the memory flat.
 */
async function zipCaughtUp(ws: unknown, signal?: AbortSignal): Promise<void> {
  // archiver's entry stream is a readable-stream 2 PassThrough: its state is in _writableState.
  const pipe = (ws as { _stream?: { pipes?: Writable[] } })._stream?.pipes?.[0] as
    | (Writable & { _writableState?: { needDrain: boolean; length: number } })
    | undefined;
  if (pipe?._writableState?.needDrain) await once(pipe, "drain", { signal });
}

/**
 * One sheet from a table spec: header row frozen and filtered, typed cells (numbers, money and
 * dates are real Excel values), rows committed batch by batch so that they leave memory as soon as
 * they are zipped, then a totals row (SUBTOTAL, which follows the filter) after a blank row.
 */
async function writeTable(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  spec: TableSpec,
  model: TReportModel,
  signal?: AbortSignal,
): Promise<void> {
  const ws = wb.addWorksheet(spec.sheet, {
    views: [{ state: "frozen", ySplit: 1 }],
    pageSetup: printSetup(spec),
    headerFooter: pageHeader(spec.sheet, model),
  });
  ws.columns = spec.columns.map((c) => ({ width: c.width, style: { numFmt: NUM_FMT[c.type] } }));
  const header = ws.addRow(spec.columns.map((c) => c.header));
  header.eachCell((cell) => {
    cell.style = HEADER_STYLE;
  });
  header.commit();
  const sums = spec.columns.map(() => 0);
  let count = 0;
  for await (const batch of spec.batches()) {
    for (const values of batch) {
      values.forEach((v, i) => {
        if (spec.columns[i]?.sum && typeof v === "number") sums[i] = (sums[i] ?? 0) + v;
      });
      ws.addRow(values).commit();
      count += 1;
    }
    // A download cancelled half-way stops here instead of reading the rest of the table.
    signal?.throwIfAborted();
    await zipCaughtUp(ws, signal);
  }
  const last = colLetter(spec.columns.length - 1);
  ws.autoFilter = `A1:${last}${count + 1}`;
  ws.addRow([]).commit();
  const totals = ws.addRow(
    spec.columns.map((c, i) =>
      i === 0
        ? `Tổng cộng: ${count}`
        : c.sum
          ? { formula: `SUBTOTAL(109,${colLetter(i)}2:${colLetter(i)}${count + 1})`, result: sums[i] ?? 0 }
          : null,
    ),
  );
  totals.font = { bold: true };
  totals.commit();
  await ws.commit();
}

/** The workbook, streamed into `out`: Summary, By district, By area, Sites, Camera installations, Awards. */
export async function writeXlsx(
  db: Db,
  scope: ReportScope,
  model: TReportModel,
  out: Writable,
  signal?: AbortSignal,
  names: NameRule = { kind: "all" },
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = model.options.issuingBody;
  writeSummarySheet(wb, model);
  // The nation's workbook opens with its provinces (decision 050).
  const national = (model.byProvince?.length ?? 0) > 0 ? (["provinces"] as const) : [];
  for (const table of [...national, "districts", "areas", "sites", "cameras", "awards"] as const) {
    await writeTable(wb, tableSpec(db, scope, model, table, names), model, signal);
  }
  await wb.commit();
}
