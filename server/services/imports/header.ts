import type { RecordField } from "@qt/shared/domain";
import { foldVietnamese } from "@qt/shared/domain";
import { ALL_IMPORT_FIELDS, IMPORT_FIELDS, type ImportField, type ImportKind } from "@qt/shared/schemas/imports";
import { label } from "@qt/shared/vocabulary";
import { appError } from "../../errors.ts";
import { type Cell, letterOf, type SheetRow } from "./sheet.ts";

export { letterOf };

/**
 * Header texts people write for each field, folded (no diacritics, lower case, punctuation as
 * spaces), besides the template's header (TEMPLATE_HEADERS). A header matches a synonym exactly, or starts with
 * one (the longest wins): "Số hộ tham gia" is households.
 */
const SYNONYMS: Record<ImportField, string[]> = {
  modelType: ["loai mo hinh", "loai hinh mo hinh", "loai hinh", "mo hinh", "ma loai mo hinh", "ten loai mo hinh"],
  name: ["ten diem mo hinh", "ten mo hinh", "ten diem", "diem mo hinh", "ten"],
  district: [
    "huyen thi xa thanh pho",
    "huyen tx tp",
    "huyen thi xa tp",
    "huyen",
    "ma huyen",
    "don vi cap huyen",
    "dia ban huyen",
  ],
  area: [
    "xa phuong thi tran",
    "xa phuong",
    "xa phuong dac khu",
    "xa",
    "phuong",
    "dia ban",
    "ma xa",
    "don vi cap xa",
    "dia ban xa",
    "don vi",
  ],
  host: ["don vi dong ho chu tri", "don vi chu tri", "dong ho", "chu tri", "don vi dong ho"],
  establishedOn: [
    "ngay thanh lap",
    "nam thanh lap",
    "thoi gian xay dung",
    "thoi gian thanh lap",
    "nam xay dung",
    "ngay ra mat",
    "thoi gian ra mat",
    "ngay xay dung",
  ],
  religion: ["ton giao"],
  households: ["so ho", "so ho tham gia"],
  members: ["so thanh vien", "thanh vien", "so nguoi", "so nguoi tham gia"],
  notes: ["ghi chu", "ghi chu khac"],
  installedOn: ["ngay lap dat", "thoi gian lap dat", "nam lap dat", "ngay lap"],
  cameras: ["so mat camera", "so camera", "camera", "mat camera", "so luong camera"],
  recorders: ["so dau thu", "dau thu", "dau ghi", "so dau ghi"],
  memoryCards: ["so the nho", "the nho", "o cung", "so o cung"],
  costVnd: ["kinh phi dong", "kinh phi", "tong kinh phi", "thanh tien", "so tien"],
  fundingSource: ["nguon kinh phi", "nguon von", "nguon"],
  year: ["nam", "nam khen thuong", "nam khen"],
  issuer: ["cap khen thuong", "cap khen", "co quan khen thuong", "co quan khen"],
  form: ["hinh thuc khen thuong", "hinh thuc", "hinh thuc khen"],
  recipientKind: ["tap the ca nhan", "doi tuong", "loai doi tuong"],
  recipientName: [
    "ten tap the ca nhan duoc khen",
    "ten tap the ca nhan",
    "tap the ca nhan duoc khen",
    "ten tap the",
    "nguoi nhan",
    "ho ten",
    "ho va ten",
    "don vi ca nhan",
  ],
  decisionNumber: ["so quyet dinh", "quyet dinh", "so qd", "so quyet dinh khen thuong"],
};

/**
 * Written beside the template's example row, which the import then skips: an example left in the
 * file looked like real data and was imported as a record.
 */
export const SAMPLE_MARK = "VÍ DỤ — xóa dòng này";
export const SAMPLE_MARK_FOLDED = foldVietnamese("VÍ DỤ");

/** The vocabulary's field (shared/src/vocabulary.ts) that an import column fills. */
const VOCABULARY_FIELD: Record<ImportField, RecordField> = {
  modelType: "modelTypeId",
  district: "districtCode",
  area: "areaCode",
  ...Object.fromEntries(
    ALL_IMPORT_FIELDS.filter((f) => !["modelType", "district", "area"].includes(f)).map((f) => [f, f]),
  ),
} as Record<ImportField, RecordField>;

/**
 * The template's header of a field: the vocabulary's word, the one the forms, the history and the
 * report's columns use (one heading per field everywhere). Its folded text is among the synonyms.
 */
export const TEMPLATE_HEADERS = Object.fromEntries(
  ALL_IMPORT_FIELDS.map((f) => [f, label("field", VOCABULARY_FIELD[f])]),
) as Record<ImportField, string>;

/** Folded header text: no diacritics, no parentheses' content, punctuation as spaces. */
export function headerKey(text: string): string {
  return foldVietnamese(text.replace(/\([^)]*\)/g, " "))
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The field a header names for this kind, or null. */
export function fieldOfHeader(kind: ImportKind, header: string): ImportField | null {
  const key = headerKey(header);
  if (!key || key === "stt" || key === "tt") return null;
  let best: { field: ImportField; len: number } | null = null;
  for (const field of IMPORT_FIELDS[kind] as readonly ImportField[]) {
    for (const syn of [headerKey(TEMPLATE_HEADERS[field]), ...SYNONYMS[field]]) {
      const exact = key === syn;
      if (exact) return field;
      if ((key.startsWith(`${syn} `) || key.endsWith(` ${syn}`)) && (!best || syn.length > best.len)) {
        best = { field, len: syn.length };
      }
    }
  }
  return best?.field ?? null;
}

const textOf = (c: Cell): string =>
  c === null ? "" : typeof c === "string" ? c : typeof c === "number" ? String(c) : "date" in c ? c.date : "";

/** How many rows above the data are searched for the header (title rows, a unit name, a date line). */
const HEADER_SEARCH = 30;

/**
 * The header row: among the first rows, the one whose cells name the most fields of the kind (at
 * least two). Title rows above it ("DANH SÁCH MÔ HÌNH…", merged across the sheet) name none.
 */
export function findHeader(kind: ImportKind, rows: SheetRow[]) {
  let best: { index: number; score: number } | null = null;
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH); i++) {
    const fields = new Set(rows[i]?.cells.map((c) => fieldOfHeader(kind, textOf(c))).filter(Boolean));
    if (fields.size >= 2 && (!best || fields.size > best.score)) best = { index: i, score: fields.size };
  }
  if (!best) throw appError("invalid", "import.noHeader");
  const headerRow = rows[best.index] as SheetRow;
  const headers = headerRow.cells.map((c) => textOf(c).replace(/\s+/g, " ").trim());
  return { index: best.index, row: headerRow.row, headers, mapping: autoMapping(kind, headers) };
}

/** Each header's field; a field claimed by two columns goes to the first. */
export function autoMapping(kind: ImportKind, headers: string[]): (ImportField | null)[] {
  const taken = new Set<ImportField>();
  return headers.map((h) => {
    const f = fieldOfHeader(kind, h);
    if (!f || taken.has(f)) return null;
    taken.add(f);
    return f;
  });
}

export { textOf };
