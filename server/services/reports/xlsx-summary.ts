import { approvalSentence } from "@qt/shared/approval-sentence";
import type { TReportModel } from "@qt/shared/schemas/reports";
import type ExcelJS from "exceljs";
import { demoSentence, placeAndDate, signatureOf, subjectOf } from "./content.ts";
import { coverageRows } from "./coverage-words.ts";
import { DOCUMENT_KIND } from "./labels.ts";
import { TARGETS_TITLE } from "./target-words.ts";

/** The sheet's three columns (label, figure, unit), in Excel's character widths: one portrait page. */
const WIDTHS = [54, 16, 16];
const FONT = "Times New Roman";
const SIZE = 12;
/** Roughly how many characters of 12 pt text fit on one line across the three columns. */
const LINE_CHARS = 82;
const LINE_HEIGHT = 16;

const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true, name: FONT, size: SIZE },
  alignment: { wrapText: true, vertical: "middle", horizontal: "center" },
  fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E2F3" } },
  border: {
    top: { style: "thin" },
    bottom: { style: "thin" },
    left: { style: "thin" },
    right: { style: "thin" },
  },
};
const BORDER = HEADER_STYLE.border;
const INT = "#,##0";
/** The coverage rate is a number (0.579) that Excel shows as "57,9%" in a Vietnamese locale. */
const PERCENT = "0.0%";

/** The figure of the same period a year earlier, when the report compares (decision 039). */
type Line = [label: string, value: number, unit: string, numFmt?: string, previous?: number];

/** The "Chỉ tiêu" table: every figure a number cell, with its number format and, compared, last year's. */
function figures(model: TReportModel): Line[] {
  const s = model.summary;
  const p = model.previous;
  // Coverage over different lists is not compared (a period after 01/07/2025 against one before).
  const ph = p && p.coverage.headline.list === s.coverage.headline.list ? p.coverage.headline : null;
  const coveragePrevious = ph ? [ph.covered, ph.total, ph.total === 0 ? 0 : ph.covered / ph.total] : [];
  return [
    ["Số mô hình được xây dựng, nhân rộng", s.modelTypeCount, "mô hình", undefined, p?.modelTypeCount],
    ["Số điểm mô hình", s.siteCount, "điểm", undefined, p?.siteCount],
    ["Số địa bàn cấp xã có mô hình", s.areasWithModels, "địa bàn", undefined, p?.areasWithModels],
    // The coverage headline's rows (decision 027), the rate as a number with a percent format.
    ...coverageRows(s.coverage).map(([label, value], i): Line => {
      const h = s.coverage.headline;
      return i === 2
        ? [label, h.total === 0 ? 0 : h.covered / h.total, "", PERCENT, coveragePrevious[i]]
        : [label, Number(value), "địa bàn", undefined, coveragePrevious[i]];
    }),
    ["Số huyện, thị xã, thành phố có camera", s.coveredDistricts, "huyện"],
    ["Số mắt camera", s.cameras.cameras, "camera", undefined, p?.cameras],
    ["Số đầu thu", s.cameras.recorders, "đầu thu"],
    ["Số thẻ nhớ", s.cameras.memoryCards, "thẻ nhớ"],
    ["Số lần lắp đặt", s.cameras.installations, "lần"],
    ["Kinh phí lắp đặt camera (đồng)", s.cameras.costVnd, "đồng", undefined, p?.costVnd],
  ];
}

/** The comparison's columns: last year's figure, the change, and the change as a share of it ("" when 0). */
function comparisonCells(row: ExcelJS.Row, value: number, previous: number | undefined, numFmt: string) {
  if (previous === undefined) return;
  const cells = [previous, value - previous, previous === 0 ? "—" : (value - previous) / previous];
  cells.forEach((v, i) => {
    const cell = row.getCell(4 + i);
    cell.value = v;
    cell.numFmt = i === 2 ? PERCENT : numFmt;
    if (BORDER) cell.border = BORDER;
  });
}

/**
 * The workbook's first sheet, laid out to print as a report on one portrait page: the agency
 * heading (as the Word report's), "BÁO CÁO" and the subject, the scope, demo and approval lines,
 * the figures (numbers with number formats), the model types with their total, then the date and
 * the signature lines. Long lines are merged across the columns and wrapped, never cut.
 */
export function writeSummarySheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, model: TReportModel): void {
  const o = model.options;
  const ws = wb.addWorksheet("Tổng hợp", {
    pageSetup: {
      paperSize: 9,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  // Compared, three more columns beside the figures: last year's, the change, its rate.
  // Compared, three more columns; with targets, at least one (their rate).
  ws.columns = [...WIDTHS, ...(model.previous ? [16, 14, 14] : model.targets ? [14] : [])].map((width) => ({
    width,
    style: { font: { name: FONT, size: SIZE } },
  }));
  const add = (values: ExcelJS.CellValue[], font: Partial<ExcelJS.Font> = {}) => {
    const row = ws.addRow(values);
    row.font = { name: FONT, size: SIZE, ...font };
    return row;
  };
  /** One line across the three columns, wrapped, as tall as its text needs. */
  const wide = (
    text: string,
    font: Partial<ExcelJS.Font> = {},
    horizontal: "center" | "left" = "center",
    chars = LINE_CHARS,
  ) => {
    const row = add([text], font);
    ws.mergeCells(row.number, 1, row.number, WIDTHS.length);
    row.getCell(1).alignment = { wrapText: true, vertical: "middle", horizontal };
    row.height = Math.max(1, Math.ceil(text.length / chars)) * LINE_HEIGHT + 4;
    return row;
  };
  const centred = (row: ExcelJS.Row) => {
    row.getCell(1).alignment = { horizontal: "center" };
  };

  if (o.supervisingBody) centred(add([o.supervisingBody]));
  centred(add([o.issuingBody], { bold: true, underline: true }));
  add([]);
  wide(DOCUMENT_KIND, { bold: true, size: 13 });
  wide(subjectOf(o.title), { bold: true, size: 13 }, "center", 68);
  wide(`(${model.scopeLine})`, { italic: true });
  // Whether demo records count in these figures (decision 023), and how much is approved (025).
  const demo = demoSentence(model);
  if (demo) wide(demo, { bold: true, color: { argb: "FFC00000" } }, "left");
  wide(approvalSentence(model.approval), {}, "left");
  add([]);

  const earlier = model.previous ? `Cùng kỳ năm ${model.previous.to.slice(0, 4)}` : null;
  table(
    add(
      ["Chỉ tiêu", "Số liệu", "Đơn vị tính", ...(earlier ? [earlier, "Tăng (+), giảm (−)", "Tỷ lệ tăng, giảm"] : [])],
      { bold: true },
    ),
  );
  for (const [labelText, value, unit, numFmt, previous] of figures(model)) {
    const row = add([labelText, value, unit]);
    row.getCell(2).numFmt = numFmt ?? INT;
    row.getCell(3).alignment = { horizontal: "center" };
    bordered(row);
    comparisonCells(row, value, previous, numFmt ?? INT);
  }
  add([]);
  targetRows(model, add);

  table(add(["Mô hình", "Số điểm", "Số địa bàn cấp xã"], { bold: true }));
  for (const t of model.byModelType) {
    const row = add([t.name, t.sites, t.communes]);
    row.getCell(2).numFmt = INT;
    row.getCell(3).numFmt = INT;
    bordered(row);
  }
  // A commune may hold several models: only the sites add up.
  const total = add(["Tổng cộng", model.summary.siteCount, null], { bold: true });
  total.getCell(2).numFmt = INT;
  bordered(total);
  add([]);

  // The date and the signature on the right (columns B–C), as under the Word report.
  const sign = signatureOf(model);
  const right = (text: string, font: Partial<ExcelJS.Font>) => {
    const row = add([null, text], font);
    ws.mergeCells(row.number, 2, row.number, WIDTHS.length);
    row.getCell(2).alignment = { horizontal: "center" };
  };
  right(placeAndDate(model), { italic: true });
  for (const line of sign.title) right(line, { bold: true });
  for (let i = 0; i < 4; i++) add([]);
  right(sign.name, { bold: true });
  ws.commit();
}

/**
 * "Kết quả thực hiện chỉ tiêu" (decision 056), for a report of one year with targets: each target,
 * the figure and the share done as number cells, then a blank row.
 */
function targetRows(
  model: TReportModel,
  add: (values: ExcelJS.CellValue[], font?: Partial<ExcelJS.Font>) => ExcelJS.Row,
) {
  const t = model.targets;
  if (!t || t.rows.length === 0) return;
  add([`${TARGETS_TITLE} năm ${t.year}`], { bold: true });
  table(add([TARGETS_TITLE, `Chỉ tiêu năm ${t.year}`, "Thực hiện", "Tỷ lệ đạt"], { bold: true }));
  for (const r of t.rows) {
    const row = add([r.name, r.target, r.actual, r.target === 0 ? 1 : r.actual / r.target]);
    row.getCell(2).numFmt = INT;
    row.getCell(3).numFmt = INT;
    row.getCell(4).numFmt = PERCENT;
    for (let c = 1; c <= 4; c++) if (BORDER) row.getCell(c).border = BORDER;
  }
  add([]);
}

function table(header: ExcelJS.Row) {
  header.eachCell((cell) => {
    cell.style = HEADER_STYLE;
  });
}

function bordered(row: ExcelJS.Row) {
  for (let c = 1; c <= WIDTHS.length; c++) if (BORDER) row.getCell(c).border = BORDER;
}
