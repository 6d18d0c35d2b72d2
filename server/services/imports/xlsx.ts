import path from "node:path";
import { appError } from "../../errors.ts";
import { type ReadBudget, RowSink } from "./limits.ts";
import type { Cell, SheetRow } from "./sheet.ts";
import { parseXml } from "./xml.ts";
import { type ZipEntry, zipEntries } from "./zip.ts";

/**
 * An .xlsx read as its XML (ECMA-376 SpreadsheetML), straight from the upload in memory: the
 * workbook's sheet order, the styles (which number formats are dates), the shared strings, then
 * the sheets in order until one has rows. Every part goes through `parseXml`, which inflates it
 * under the zip's ceilings; the rows go through `RowSink`, which applies the read limits. Nothing
 * is evaluated (a formula's cached value is used; one without is an error of its cell), nothing is
 * written to disk. Issue 23, decision 024.
 */
export async function readXlsx(buf: Buffer, budget: ReadBudget, onRows?: (read: number) => void): Promise<SheetRow[]> {
  const entries = zipEntries(buf);
  const find = (name: string): ZipEntry | undefined => entries.get(name) ?? caseless(entries, name);
  const parse = (entry: ZipEntry, on: Parameters<typeof parseXml>[3]) => parseXml(buf, entry, budget, on);

  const rootRels = find("_rels/.rels");
  const office = rootRels ? (await relations(parse, rootRels, "")).find((r) => r.type === "officeDocument") : undefined;
  const workbookName = office?.target ?? "xl/workbook.xml";
  const workbook = find(workbookName);
  if (!workbook) throw appError("invalid", "import.notSpreadsheet");
  const relsEntry = find(`${path.posix.dirname(workbookName)}/_rels/${path.posix.basename(workbookName)}.rels`);
  const rels = relsEntry ? await relations(parse, relsEntry, path.posix.dirname(workbookName)) : [];

  const sheetIds: string[] = [];
  let date1904 = false;
  await parse(workbook, {
    open: (name, a) => {
      if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
      if (name === "sheet") sheetIds.push(attr(a, "id") ?? "");
    },
  });
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets = sheetIds
    .map((id) => byId.get(id))
    .filter((r) => r?.type === "worksheet")
    .map((r) => find(r?.target ?? ""))
    .filter((e): e is ZipEntry => e !== undefined);
  if (sheets.length === 0) throw appError("invalid", "import.notSpreadsheet");

  const stylesEntry = rels.find((r) => r.type === "styles");
  const dateStyles = stylesEntry ? await dateStylesOf(parse, find(stylesEntry.target)) : [];
  const stringsEntry = rels.find((r) => r.type === "sharedStrings");
  const strings = stringsEntry ? await sharedStrings(parse, find(stringsEntry.target), budget) : [];

  for (const sheet of sheets) {
    const sink = new RowSink<Exclude<Cell, null>>(budget, onRows);
    await readSheetXml(parse, sheet, { strings, dateStyles, date1904 }, sink);
    if (sink.rows.length > 0) return sink.rows;
  }
  throw appError("invalid", "import.noSheet");
}

type Parse = (entry: ZipEntry, on: Parameters<typeof parseXml>[3]) => Promise<void>;
type Relation = { id: string; type: string; target: string };

function caseless(entries: Map<string, ZipEntry>, name: string): ZipEntry | undefined {
  const lower = name.toLowerCase();
  for (const [n, e] of entries) if (n.toLowerCase() === lower) return e;
  return undefined;
}

/** An attribute by its local name (`r:id` is `id`). */
function attr(a: Record<string, string>, name: string): string | undefined {
  for (const [k, v] of Object.entries(a)) if (k === name || k.endsWith(`:${name}`)) return v;
  return undefined;
}

/** A part's relationships, targets resolved to zip entry names (relative to `base`, or absolute). */
async function relations(parse: Parse, entry: ZipEntry, base: string): Promise<Relation[]> {
  const out: Relation[] = [];
  await parse(entry, {
    open: (name, a) => {
      if (name !== "Relationship" || !a.Target || a.TargetMode === "External") return;
      const target = a.Target.startsWith("/") ? a.Target.slice(1) : path.posix.join(base, a.Target);
      out.push({ id: a.Id ?? "", type: (a.Type ?? "").split("/").pop() ?? "", target: path.posix.normalize(target) });
    },
  });
  return out;
}

/** Built-in number formats that are dates or times (ECMA-376 §18.8.30, with the East Asian ones). */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47,
]);
for (let id = 50; id <= 58; id++) DATE_FORMAT_IDS.add(id);

/** A format code is a date's when, outside quotes and brackets, it has date or time letters (as Excel and exceljs judge). */
const isDateCode = (code: string) => /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));

/** For each cell style index (`s`), whether its number format shows a date. */
async function dateStylesOf(parse: Parse, entry: ZipEntry | undefined): Promise<boolean[]> {
  if (!entry) return [];
  const custom = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  await parse(entry, {
    open: (name, a) => {
      if (name === "numFmt") custom.set(Number(a.numFmtId), a.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        const code = custom.get(id);
        styles.push(code !== undefined ? isDateCode(code) : DATE_FORMAT_IDS.has(id));
      }
    },
    close: (name) => {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return styles;
}

/** The shared-string table: each `<si>`'s text runs joined (phonetic guides left out), under the limits. */
async function sharedStrings(parse: Parse, entry: ZipEntry | undefined, budget: ReadBudget): Promise<string[]> {
  if (!entry) return [];
  const { sharedStrings: maxCount, sharedText: maxText } = budget.limits;
  const out: string[] = [];
  let text = 0;
  let current: string[] | null = null;
  let inT = false;
  let phonetic = 0;
  await parse(entry, {
    open: (name) => {
      if (name === "si") current = [];
      else if (name === "t") inT = true;
      else if (name === "rPh") phonetic++;
    },
    text: (t) => {
      if (!current || !inT || phonetic > 0) return;
      current.push(t);
      text += t.length;
      if (text > maxText) throw appError("invalid", "import.tooMuchText", { max: maxText });
    },
    close: (name) => {
      if (name === "t") inT = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si" && current) {
        if (out.length >= maxCount) throw appError("invalid", "import.tooManyStrings", { max: maxCount });
        out.push(current.join(""));
        current = null;
      }
    },
  });
  return out;
}

type Context = { strings: string[]; dateStyles: boolean[]; date1904: boolean };

/** The rows of one worksheet into the sink. */
async function readSheetXml(parse: Parse, entry: ZipEntry, ctx: Context, sink: RowSink<Exclude<Cell, null>>) {
  let rowNumber = 0;
  let cells: [number, Exclude<Cell, null>, number][] = [];
  let col = -1;
  let cell: XmlCell | null = null;
  let into: "v" | "f" | "t" | null = null;
  let phonetic = 0;
  await parse(entry, {
    open: (name, a) => {
      if (name === "row") {
        rowNumber = a.r ? Number(a.r) : rowNumber + 1;
        if (!Number.isInteger(rowNumber) || rowNumber < 1) throw appError("invalid", "import.damaged");
        cells = [];
        col = -1;
      } else if (name === "c") {
        col = a.r ? columnOf(a.r) : col + 1;
        cell = { type: a.t ?? "n", style: Number(a.s ?? 0), value: null, formula: null, inline: [] };
      } else if (cell && name === "v") {
        into = "v";
        cell.value = "";
      } else if (cell && name === "f") {
        into = "f";
        cell.formula = "";
      } else if (cell && name === "t") into = "t";
      else if (name === "rPh") phonetic++;
    },
    text: (t) => {
      if (!cell || !into) return;
      if (into === "v") cell.value = (cell.value ?? "") + t;
      else if (into === "f") cell.formula += t;
      else if (phonetic === 0) cell.inline.push(t);
    },
    close: (name) => {
      if (name === "v" || name === "f" || name === "t") into = null;
      else if (name === "rPh") phonetic--;
      else if (name === "c" && cell) {
        const value = cellValue(cell, ctx);
        if (value !== null) {
          sink.checkColumn(rowNumber, col);
          cells.push([col, value, typeof value === "string" ? value.length : 0]);
        }
        cell = null;
      } else if (name === "row") sink.add(rowNumber, cells);
    },
  });
}

/** The 0-based column of a cell reference ("XFD7" → 16383); a reference without letters is damaged. */
function columnOf(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  if (i === 0) throw appError("invalid", "import.damaged");
  return n - 1;
}

const isoOfSerial = (serial: number, date1904: boolean): string | null => {
  const d = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
};

type XmlCell = { type: string; style: number; value: string | null; formula: string | null; inline: string[] };

/** A cell's value as the import reads it (see `Cell`). */
function cellValue(c: XmlCell, ctx: Context): Exclude<Cell, null> | null {
  const text = (s: string | undefined) => (s === undefined || s.trim() === "" ? null : s);
  if (c.type === "inlineStr") return text(c.inline.join(""));
  if (c.value === null) return c.formula !== null ? { formula: c.formula } : null;
  switch (c.type) {
    case "s": {
      const s = ctx.strings[Number(c.value)];
      if (s === undefined) throw appError("invalid", "import.damaged");
      return text(s);
    }
    case "str":
      return text(c.value);
    case "b":
      return c.value === "1" || c.value === "true" ? "TRUE" : "FALSE";
    case "e":
      return { formula: c.formula || c.value };
    case "d":
      return /^\d{4}-\d{2}-\d{2}/.test(c.value) ? { date: c.value.slice(0, 10) } : text(c.value);
    default: {
      if (c.value.trim() === "") return null;
      const n = Number(c.value);
      if (!Number.isFinite(n)) return text(c.value);
      const iso = ctx.dateStyles[c.style] ? isoOfSerial(n, ctx.date1904) : null;
      return iso ? { date: iso } : n;
    }
  }
}
