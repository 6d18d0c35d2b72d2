import { once } from "node:events";
import type { Writable } from "node:stream";
import { approvalSentence } from "@qt/shared/approval-sentence";
import type { TReportModel } from "@qt/shared/schemas/reports";
import ExcelJS from "exceljs";
import type { Db } from "../../db.ts";
import { demoSentence } from "./content.ts";
import { coverageRows } from "./coverage-words.ts";
import type { ReportScope } from "./scope.ts";
import { type Column, type TableSpec, tableSpec } from "./tables.ts";

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
  signal?: AbortSignal,
): Promise<void> {
  const ws = wb.addWorksheet(spec.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
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

function writeSummary(wb: ExcelJS.stream.xlsx.WorkbookWriter, model: TReportModel): void {
  const s = model.summary;
  const ws = wb.addWorksheet("Tổng hợp", { views: [{ state: "frozen", ySplit: 5 }] });
  ws.columns = [{ width: 60 }, { width: 20, style: { numFmt: "#,##0" } }];
  ws.addRow([model.options.title]).font = { bold: true, size: 13 };
  ws.addRow([model.scopeLine]);
  // The third line says whether demo records count in these figures (decision 023); blank when not.
  const demo = demoSentence(model);
  ws.addRow([demo ?? ""]).font = demo ? { bold: true, color: { argb: "FFC00000" } } : {};
  // The fourth, how much of the data is approved (decision 025), in the Word report's words.
  ws.addRow([approvalSentence(model.approval)]);
  const h = ws.addRow(["Chỉ tiêu", "Số liệu"]);
  h.eachCell((c) => {
    c.style = HEADER_STYLE;
  });
  const rows: [string, number | string][] = [
    ["Số mô hình được xây dựng, nhân rộng", s.modelTypeCount],
    ["Số điểm mô hình", s.siteCount],
    ["Số địa bàn cấp xã có mô hình", s.areasWithModels],
    ...coverageRows(s.coverage),
    ["Số huyện, thị xã, thành phố có camera", s.coveredDistricts],
    ["Số mắt camera", s.cameras.cameras],
    ["Số đầu thu", s.cameras.recorders],
    ["Số thẻ nhớ", s.cameras.memoryCards],
    ["Số lần lắp đặt", s.cameras.installations],
    ["Kinh phí lắp đặt camera (đồng)", s.cameras.costVnd],
  ];
  for (const r of rows) ws.addRow(r);
  ws.addRow([]);
  const mh = ws.addRow(["Mô hình", "Số điểm"]);
  mh.eachCell((c) => {
    c.style = HEADER_STYLE;
  });
  for (const t of model.byModelType) ws.addRow([t.name, t.sites]);
  ws.autoFilter = "A4:B4";
  ws.commit();
}

/** The workbook, streamed into `out`: Summary, By district, By area, Sites, Camera installations, Awards. */
export async function writeXlsx(
  db: Db,
  scope: ReportScope,
  model: TReportModel,
  out: Writable,
  signal?: AbortSignal,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = model.options.issuingBody;
  writeSummary(wb, model);
  for (const table of ["districts", "areas", "sites", "cameras", "awards"] as const) {
    await writeTable(wb, tableSpec(db, scope, model, table), signal);
  }
  await wb.commit();
}
