import { appError } from "../../errors.ts";
import { READ_LIMITS, ReadBudget, type ReadLimits, RowSink } from "./limits.ts";
import type { SheetRow } from "./sheet.ts";
import { readXlsx } from "./xlsx.ts";

export type { Cell, SheetRow } from "./sheet.ts";

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Office writes a password-protected .xlsx as a compound file holding this stream (UTF-16 name). */
const ENCRYPTED_STREAM = Buffer.from("EncryptedPackage", "utf16le");

/**
 * The rows of the first sheet that has any, from the bytes of an .xlsx or a .csv, under the read
 * limits (`limits.ts`; a test may pass smaller ones). `onRows` hears how many rows have been read
 * so far, every few thousand (the progress bar).
 */
export async function readSheet(
  bytes: Buffer,
  onRows?: (read: number) => void,
  limits: ReadLimits = READ_LIMITS,
): Promise<SheetRow[]> {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(CFB)) {
    throw appError("invalid", bytes.includes(ENCRYPTED_STREAM) ? "import.encrypted" : "import.oldExcel");
  }
  const budget = new ReadBudget(limits);
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) return readXlsx(bytes, budget, onRows);
  return readCsv(bytes, new RowSink(budget, onRows));
}

/**
 * CSV as Vietnamese Excel writes it: UTF-8 with or without a byte order mark, fields separated by
 * commas or (regional settings) semicolons, RFC 4180 quoting. Anything that is not UTF-8 text
 * (binary, or an old code page) is not a spreadsheet we can read correctly.
 */
function readCsv(bytes: Buffer, sink: RowSink<string>): SheetRow[] {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw appError("invalid", "import.notSpreadsheet");
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Control characters other than tab, CR and LF mean a binary file.
  if (hasControl(text.slice(0, 4096))) throw appError("invalid", "import.notSpreadsheet");
  const sep = separatorOf(text);
  // Only non-empty fields are kept, with their column: a line of commas costs nothing.
  let cells: [number, string, number][] = [];
  let col = 0;
  let field = "";
  let quoted = false;
  let line = 1;
  let rowStart = 1;
  const endField = () => {
    if (field.trim() !== "") {
      sink.checkColumn(rowStart, col);
      cells.push([col, field, field.length]);
    }
    col++;
    field = "";
  };
  const endRow = () => {
    endField();
    sink.add(rowStart, cells);
    cells = [];
    col = 0;
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
  if (field !== "" || cells.length > 0 || col > 0) endRow();
  if (sink.rows.length === 0) throw appError("invalid", "import.noSheet");
  return sink.rows;
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
