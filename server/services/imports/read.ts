import { Readable } from "node:stream";
import { TRPCError } from "@trpc/server";
import ExcelJS from "exceljs";
import { appError } from "../../errors.ts";
import { checkZip } from "./zip-guard.ts";

/**
 * A cell as read: text, a number, a real date (yyyy-mm-dd of an Excel date cell), a formula that
 * has no cached value (an error of that cell), or empty. Nothing is ever evaluated: a text that
 * begins with "=" stays text.
 */
export type Cell = string | number | { date: string } | { formula: string } | null;
/** A sheet row with its own row number (as Excel shows it). */
export type SheetRow = { row: number; cells: Cell[] };

/** More rows than this in one file are refused (the benchmark's 50.000 fit well). */
export const MAX_ROWS = 100_000;

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Office writes a password-protected .xlsx as a compound file holding this stream (UTF-16 name). */
const ENCRYPTED_STREAM = Buffer.from("EncryptedPackage", "utf16le");

/** The rows of the first sheet that has any, from the bytes of an .xlsx or a .csv. */
/** `onRows` hears how many rows have been read so far, every few thousand (the progress bar). */
export async function readSheet(bytes: Buffer, onRows?: (read: number) => void): Promise<SheetRow[]> {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(CFB)) {
    throw appError("BAD_REQUEST", bytes.includes(ENCRYPTED_STREAM) ? "import.encrypted" : "import.oldExcel");
  }
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) return readXlsx(bytes, onRows);
  return readCsv(bytes);
}

async function readXlsx(bytes: Buffer, onRows?: (read: number) => void): Promise<SheetRow[]> {
  const names = checkZip(bytes);
  if (!names.some((n) => n.startsWith("xl/worksheets/"))) throw appError("BAD_REQUEST", "import.notSpreadsheet");
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
  });
  try {
    for await (const sheet of reader) {
      const rows: SheetRow[] = [];
      for await (const row of sheet) {
        if (rows.length >= MAX_ROWS) throw appError("BAD_REQUEST", "import.tooManyRows", { max: MAX_ROWS });
        const cells: Cell[] = [];
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          cells[col - 1] = cellOf(cell.value);
        });
        for (let i = 0; i < cells.length; i++) cells[i] ??= null;
        if (cells.some((c) => c !== null)) rows.push({ row: row.number, cells });
        if (onRows && rows.length % 2000 === 0) onRows(rows.length);
      }
      if (rows.length > 0) return rows;
    }
  } catch (err) {
    if (err instanceof TRPCError) throw err;
    throw appError("BAD_REQUEST", "import.damaged");
  }
  throw appError("BAD_REQUEST", "import.noSheet");
}

const isoOfDate = (d: Date) => d.toISOString().slice(0, 10);

function cellOf(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v.trim() === "" ? null : v;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return { date: isoOfDate(v) };
  if ("richText" in v) return v.richText.map((r) => r.text).join("") || null;
  if ("formula" in v || "sharedFormula" in v) {
    const result = v.result;
    if (result === undefined || result === null || (typeof result === "object" && "error" in result)) {
      return { formula: ("formula" in v ? v.formula : v.sharedFormula) ?? "" };
    }
    return cellOf(result as ExcelJS.CellValue);
  }
  if ("text" in v) return String(v.text);
  if ("error" in v) return { formula: String(v.error) };
  return null;
}

/**
 * CSV as Vietnamese Excel writes it: UTF-8 with or without a byte order mark, fields separated by
 * commas or (regional settings) semicolons, RFC 4180 quoting. Anything that is not UTF-8 text
 * (binary, or an old code page) is not a spreadsheet we can read correctly.
 */
function readCsv(bytes: Buffer): SheetRow[] {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw appError("BAD_REQUEST", "import.notSpreadsheet");
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Control characters other than tab, CR and LF mean a binary file.
  if (hasControl(text.slice(0, 4096))) throw appError("BAD_REQUEST", "import.notSpreadsheet");
  const sep = separatorOf(text);
  const rows: SheetRow[] = [];
  let cells: Cell[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let rowStart = 1;
  const endField = () => {
    cells.push(field.trim() === "" ? null : field);
    field = "";
  };
  const endRow = () => {
    endField();
    if (cells.some((c) => c !== null)) {
      if (rows.length >= MAX_ROWS) throw appError("BAD_REQUEST", "import.tooManyRows", { max: MAX_ROWS });
      rows.push({ row: rowStart, cells });
    }
    cells = [];
    rowStart = line;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === "") {
      field = "";
      quoted = true;
    } else if (ch === sep) endField();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      line++;
      endRow();
    } else field += ch;
  }
  if (field !== "" || cells.length > 0) endRow();
  if (rows.length === 0) throw appError("BAD_REQUEST", "import.noSheet");
  return rows;
}

/** The separator of the first lines: the one of ";" and "," found more often outside quotes. */
function separatorOf(text: string): string {
  const head = text.slice(0, 8192).replace(/"[^"]*"/g, "");
  const count = (c: string) => head.split(c).length - 1;
  return count(";") > count(",") ? ";" : ",";
}

function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) return true;
  }
  return false;
}
