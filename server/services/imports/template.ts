import { todayIso } from "@qt/shared/schemas/common";
import { IMPORT_FIELDS, type ImportField, type ImportKind } from "@qt/shared/schemas/imports";
import { choices, type VocabularyKind } from "@qt/shared/vocabulary";
import ExcelJS from "exceljs";
import type { Db } from "../../db.ts";
import { letterOf, SAMPLE_MARK, TEMPLATE_HEADERS } from "./header.ts";
import { typeMatcher, unitMatcher } from "./match.ts";

const CHOICE_OF: Partial<Record<ImportField, VocabularyKind>> = {
  fundingSource: "funding",
  issuer: "issuer",
  form: "awardForm",
  recipientKind: "recipientKind",
  religion: "religion",
};

/** Rows of the template that carry the lists (room for a year of records). */
const ROWS = 2000;
const FILE_NAMES: Record<ImportKind, string> = {
  sites: "mau-nhap-diem-mo-hinh.xlsx",
  cameras: "mau-nhap-camera.xlsx",
  awards: "mau-nhap-khen-thuong.xlsx",
};

/**
 * The template of a kind: the header the import recognises, one example row, and drop-down lists
 * (data validation) of today's communes, of model types and of each choice field. The lists of
 * communes and types live on a second sheet; Excel's inline lists are limited to 255 characters.
 */
export async function templateWorkbook(db: Db, kind: ImportKind) {
  const fields = IMPORT_FIELDS[kind] as readonly ImportField[];
  const units = await unitMatcher(db);
  const communes = units.communesOn(todayIso()).map((c) => c.name);
  const types = kind === "sites" ? (await typeMatcher(db)).types.map((t) => t.name) : [];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Dữ liệu", { views: [{ state: "frozen", ySplit: 1 }] });
  const lists = wb.addWorksheet("Danh mục");
  lists.getColumn(1).values = ["Xã, phường, đặc khu", ...communes];
  lists.getColumn(2).values = ["Loại mô hình", ...types];
  ws.addRow(fields.map((f) => TEMPLATE_HEADERS[f])).font = { bold: true };
  const sample = ws.addRow([...fields.map((f) => example(f, communes[0] ?? "", types[0] ?? "")), SAMPLE_MARK]);
  sample.font = { italic: true, color: { argb: "FF6B7785" } };
  const mark = sample.getCell(fields.length + 1);
  mark.font = { bold: true, color: { argb: "FFB00020" } };
  ws.getColumn(fields.length + 1).width = SAMPLE_MARK.length + 2;
  fields.forEach((f, i) => {
    const col = letterOf(i);
    ws.getColumn(i + 1).width = Math.max(14, TEMPLATE_HEADERS[f].length + 4);
    const formula =
      f === "area"
        ? `'Danh mục'!$A$2:$A$${communes.length + 1}`
        : f === "modelType" && types.length > 0
          ? `'Danh mục'!$B$2:$B$${types.length + 1}`
          : CHOICE_OF[f]
            ? `"${choices(CHOICE_OF[f] as VocabularyKind)
                .map((c) => c.label)
                .join(",")}"`
            : null;
    if (formula) {
      rangeValidations(ws).add(`${col}2:${col}${ROWS}`, {
        type: "list",
        allowBlank: true,
        formulae: [formula],
        showErrorMessage: false,
      });
    }
  });
  return { filename: FILE_NAMES[kind], body: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/** The example row's value of a field. */
function example(f: ImportField, commune: string, type: string): string | number | null {
  const CHOICE = CHOICE_OF[f];
  if (CHOICE) return f === "religion" ? null : (choices(CHOICE)[0]?.label ?? null);
  const values: Partial<Record<ImportField, string | number>> = {
    modelType: type,
    area: commune,
    name: "Tổ tự quản số 1",
    host: "Thôn 1",
    establishedOn: "15/08/2025",
    households: 120,
    members: 300,
    installedOn: "15/08/2025",
    cameras: 4,
    recorders: 1,
    memoryCards: 4,
    costVnd: 12_000_000,
    year: 2025,
    recipientName: "Công an xã",
    decisionNumber: "123/QĐ-UBND",
  };
  return values[f] ?? null;
}

/** exceljs keeps a sheet's validations by range (one rule for 2000 cells), but does not type that API. */
export const rangeValidations = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations;
