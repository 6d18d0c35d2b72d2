import { foldVietnamese } from "@qt/shared/domain";
import type { Locale } from "@qt/shared/format";
import { type MessageKey, type MessageParams, message } from "@qt/shared/messages/index";
import {
  TARGET_IMPORT_COLUMNS,
  TARGET_MEASURES,
  type TargetImportColumn,
  type TTarget,
  type TTargetImportIssue,
  type TTargetSetInput,
  ZTargetSetInput,
} from "@qt/shared/schemas/targets";
import ExcelJS from "exceljs";
import type { SessionUser } from "../../context.ts";
import type { Db } from "../../db.ts";
import { AppError, appError } from "../../errors.ts";
import { issueMessage } from "../../trpc.ts";
import { cleanCells } from "../imports/clean-cells.ts";
import { type Cell, readSheet, type SheetRow } from "../imports/read.ts";
import { letterOf } from "../imports/sheet.ts";
import { rangeValidations } from "../imports/template.ts";
import { targetKey, writeTarget } from "./targets.ts";

/**
 * Targets from the Excel template (decision 056): not a record kind of the import framework (no
 * staged batch, preview, commit or undo: a year's targets are a few dozen values that replace
 * the ones of their key), but read by its reader (xlsx or csv, the same limits and clean-text
 * rule) and checked row by row with targets.set's own checks. One row in error: nothing written,
 * every refused row listed in the user's language. None: all written in one transaction, each
 * audited as targets.set audits it.
 */

const HEADERS: Record<TargetImportColumn, string> = {
  year: "Năm",
  measure: "Chỉ tiêu",
  value: "Giá trị",
  unitCode: "Mã đơn vị (để trống: toàn tỉnh)",
  modelTypeCode: "Loại mô hình (chỉ với Điểm mô hình)",
};
/** Folded header beginnings that name each column. */
const HEADER_WORDS: Record<TargetImportColumn, string[]> = {
  year: ["nam", "year"],
  measure: ["chi tieu", "measure"],
  value: ["gia tri", "value", "so luong"],
  unitCode: ["ma don vi", "don vi", "unit"],
  modelTypeCode: ["loai mo hinh", "ma loai mo hinh", "model type"],
};
export const TARGET_IMPORT_MAX_ROWS = 500;
/** A targets file is small: 2 MB is room for the 500 rows many times over. */
export const IMPORT_LIMIT_BYTES = 2 * 1024 * 1024;
const FILE_NAME = "mau-nhap-chi-tieu.xlsx";

const measureLabel = (m: (typeof TARGET_MEASURES)[number], locale: Locale = "vi") =>
  message(`targets.measure.${m}`, {}, locale);

/** The template: the header, one drop-down of measures, and the lists of units and model types. */
export async function targetTemplate(db: Db) {
  const [units, types] = await Promise.all([
    db.adminUnit.findMany({
      where: {
        OR: [
          { catalog: "three_level", level: "district" },
          { catalog: "two_level", level: "commune" },
        ],
      },
      orderBy: [{ catalog: "desc" }, { code: "asc" }],
      select: { code: true, name: true, catalog: true },
    }),
    db.modelType.findMany({ where: { deletedAt: null }, orderBy: { code: "asc" }, select: { code: true, name: true } }),
  ]);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Chỉ tiêu", { views: [{ state: "frozen", ySplit: 1 }] });
  const lists = wb.addWorksheet("Danh mục");
  const unitLines = units.map((u) => `${u.code} – ${u.name}${u.catalog === "three_level" ? " (cũ)" : ""}`);
  const typeLines = types.map((t) => `${t.code} – ${t.name}`);
  lists.getColumn(1).values = ["Đơn vị (mã – tên)", ...unitLines];
  lists.getColumn(2).values = ["Loại mô hình (mã – tên)", ...typeLines];
  lists.getColumn(1).width = 48;
  lists.getColumn(2).width = 60;
  ws.addRow(TARGET_IMPORT_COLUMNS.map((c) => HEADERS[c])).font = { bold: true };
  TARGET_IMPORT_COLUMNS.forEach((c, i) => {
    ws.getColumn(i + 1).width = Math.max(12, HEADERS[c].length + 4);
  });
  const validations = rangeValidations(ws);
  const list = (col: number, formula: string) =>
    validations.add(`${letterOf(col)}2:${letterOf(col)}${TARGET_IMPORT_MAX_ROWS + 1}`, {
      type: "list",
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: false,
    });
  list(1, `"${TARGET_MEASURES.map((m) => measureLabel(m)).join(",")}"`);
  if (unitLines.length) list(3, `'Danh mục'!$A$2:$A$${unitLines.length + 1}`);
  if (typeLines.length) list(4, `'Danh mục'!$B$2:$B$${typeLines.length + 1}`);
  return { filename: FILE_NAME, body: Buffer.from(await wb.xlsx.writeBuffer()) };
}

type Issue = { row: number; column: string | null; key: MessageKey; params: MessageParams };
export type TargetImportResult = { ok: true; written: TTarget[] } | { ok: false; issues: TTargetImportIssue[] };

/** Reads, checks and (when every row is right) writes a targets file. */
export async function importTargets(
  db: Db,
  bytes: Buffer,
  user: SessionUser,
  locale: Locale,
): Promise<TargetImportResult> {
  const rows = cleanCells(await readSheet(bytes));
  const headerAt = rows.slice(0, 10).findIndex((r) => columnsOf(r) !== null);
  if (headerAt < 0) throw appError("invalid", "targetImport.noHeader");
  const columns = columnsOf(rows[headerAt] as SheetRow) as Map<TargetImportColumn, number>;
  const body = rows.slice(headerAt + 1).filter((r) => r.cells.some((c) => text(c) !== ""));
  if (body.length === 0) throw appError("invalid", "targetImport.empty");
  if (body.length > TARGET_IMPORT_MAX_ROWS)
    throw appError("invalid", "targetImport.tooMany", { max: TARGET_IMPORT_MAX_ROWS });
  const issues: Issue[] = [];
  const ready: { key: Awaited<ReturnType<typeof targetKey>>; value: number }[] = [];
  const seen = new Map<string, number>();
  const letter = (c: TargetImportColumn) => {
    const i = columns.get(c);
    return i === undefined ? null : letterOf(i);
  };
  for (const r of body) {
    const cell = (c: TargetImportColumn) => {
      const i = columns.get(c);
      return i === undefined ? null : (r.cells[i] ?? null);
    };
    const raw = {
      year: yearOf(cell("year")),
      measure: measureOf(cell("measure")),
      value: numberOf(cell("value")),
      unitCode: codeOf(cell("unitCode"), true),
      modelTypeCode: codeOf(cell("modelTypeCode"), false),
    };
    if (raw.year === undefined) {
      issues.push({ row: r.row, column: letter("year"), key: "targetImport.year", params: {} });
      continue;
    }
    if (raw.measure === undefined) {
      issues.push({ row: r.row, column: letter("measure"), key: "targetImport.measure", params: {} });
      continue;
    }
    const parsed = ZTargetSetInput.safeParse(dropEmpty(raw));
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const said = first ? issueMessage(first) : null;
      const field = (first?.path[0] as TargetImportColumn | undefined) ?? null;
      issues.push({
        row: r.row,
        column: field ? letter(field) : null,
        key: said?.key ?? "system.invalid",
        params: said?.params ?? {},
      });
      continue;
    }
    try {
      const key = await targetKey(db, parsed.data, user);
      const id = JSON.stringify(key);
      const earlier = seen.get(id);
      if (earlier !== undefined) {
        issues.push({ row: r.row, column: null, key: "targetImport.duplicate", params: { row: earlier } });
        continue;
      }
      seen.set(id, r.row);
      ready.push({ key, value: parsed.data.value });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const column = err.key === "target.modelTypeNotFound" ? letter("modelTypeCode") : letter("unitCode");
      issues.push({ row: r.row, column, key: err.key, params: err.params });
    }
  }
  if (issues.length > 0) {
    return {
      ok: false,
      issues: issues.map((i) => ({
        row: i.row,
        column: i.column,
        key: i.key,
        message: message(i.key, i.params, locale),
      })),
    };
  }
  const written = await db.$transaction(async (tx) => {
    const out: TTarget[] = [];
    for (const t of ready) out.push(await writeTarget(tx, t.key, t.value, user));
    return out;
  });
  return { ok: true, written };
}

/** The columns a header row names (year, measure and value at least), or null when it is not the header. */
function columnsOf(r: SheetRow): Map<TargetImportColumn, number> | null {
  const out = new Map<TargetImportColumn, number>();
  r.cells.forEach((c, i) => {
    const h = foldVietnamese(text(c))
      .replace(/[^a-z0-9 ]/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    if (!h) return;
    const found = TARGET_IMPORT_COLUMNS.find(
      (col) => !out.has(col) && HEADER_WORDS[col].some((w) => h === w || h.startsWith(`${w} `)),
    );
    if (found) out.set(found, i);
  });
  return out.has("year") && out.has("measure") && out.has("value") ? out : null;
}

const text = (c: Cell | undefined): string =>
  c === null || c === undefined ? "" : typeof c === "string" ? c.trim() : typeof c === "number" ? String(c) : "";

function yearOf(c: Cell): number | undefined {
  const t = text(c);
  return /^\d{4}$/.test(t) && Number(t) >= 2000 && Number(t) <= 2100 ? Number(t) : undefined;
}

/** A measure by its label in either language, or by its key. */
function measureOf(c: Cell): TTargetSetInput["measure"] | undefined {
  const t = foldVietnamese(text(c));
  if (!t) return undefined;
  return TARGET_MEASURES.find(
    (m) =>
      foldVietnamese(m) === t || foldVietnamese(measureLabel(m)) === t || foldVietnamese(measureLabel(m, "en")) === t,
  );
}

/** A number as typed: a number cell, or digits with Vietnamese thousands dots ("1.131"); else the text (refused by the schema). */
function numberOf(c: Cell): unknown {
  if (typeof c === "number") return c;
  const t = text(c);
  if (t === "") return undefined;
  if (/^-?\d{1,3}(\.\d{3})+$/.test(t)) return Number(t.replaceAll(".", ""));
  if (/^-?\d+([.,]\d+)?$/.test(t)) return Number(t.replace(",", "."));
  return t;
}

/**
 * A code as the template's lists give it ("464 – Huyện Hải Lăng (cũ)", "security-camera – …") or
 * typed alone. A unit code typed as a number lost its leading zeros: a district has 3 digits, a
 * commune 5.
 */
function codeOf(c: Cell, unit: boolean): string | undefined {
  const t = text(c);
  if (!t) return undefined;
  const first = t.split(/\s+[–-]\s+/)[0]?.trim() ?? t;
  if (unit && typeof c === "number" && Number.isInteger(c)) return first.padStart(first.length <= 3 ? 3 : 5, "0");
  return first;
}

const dropEmpty = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
