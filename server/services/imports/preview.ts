import { createHash } from "node:crypto";
import type { Locale } from "@qt/shared/format";
import {
  IMPORT_ISSUE_LIMIT,
  type ImportField,
  type ImportKind,
  type TImportBatchSummary,
  type TImportPreview,
  type TImportRemapInput,
  type TImportRowsInput,
} from "@qt/shared/schemas/imports";
import type { SessionUser } from "../../context.ts";
import type { Db } from "../../db.ts";
import { appError } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { assertImporter, type BatchRow, ownBatch } from "./batch.ts";
import { cleanCells } from "./clean-cells.ts";
import { type Evaluated, evaluateRows, fieldsOf, isDataRow, type StoredIssue, sayIssue } from "./evaluate.ts";
import { expirePreviews } from "./expire.ts";
import { findHeader, letterOf as letterOfIndex } from "./header.ts";
import { markRefused } from "./may-write.ts";
import { NO_TRACKER, type Tracker } from "./progress.ts";
import { type Cell, readSheet, type SheetRow } from "./read.ts";
import { shown } from "./values.ts";

const CHUNK = 2000;

/** The counts of a batch from its evaluated rows. */
function counts(rows: Evaluated[]) {
  return {
    total: rows.length,
    ready: rows.filter((r) => r.state === "ready").length,
    duplicates: rows.filter((r) => r.state === "duplicate").length,
    errorRows: rows.filter((r) => r.state === "error").length,
    yearOnly: rows.filter((r) => r.yearOnly).length,
  };
}

const rowData = (r: Evaluated) => ({
  state: r.state,
  yearOnly: r.yearOnly,
  issues: r.issues as unknown as Prisma.InputJsonValue,
  duplicateOf: r.duplicateOf,
});

/**
 * Reads an uploaded file into a new batch: the header row, the automatic mapping, and every data
 * row evaluated and stored with its cells (so the mapping can be changed without the file).
 * Nothing else is written.
 */
export async function createBatch(
  db: Db,
  file: { kind: ImportKind; fileName: string; bytes: Buffer },
  user: SessionUser,
  locale: Locale,
  progress: Tracker = NO_TRACKER,
): Promise<TImportPreview> {
  assertImporter(user);
  await expirePreviews(db);
  const sheet = cleanCells(await readSheet(file.bytes, (read) => progress.set("reading", read, null)));
  const header = findHeader(file.kind, sheet);
  const data = sheet.slice(header.index + 1).filter((r) => isDataRow(r.cells));
  progress.set("checking", 0, data.length);
  const evaluated = await evaluateRows(db, file.kind, data, header.mapping, (n) =>
    progress.set("checking", n, data.length),
  );
  await markRefused(db, user, file.kind, evaluated);
  const batchId = await db.$transaction(
    async (tx) => {
      const batch = await tx.importBatch.create({
        data: {
          kind: file.kind,
          fileName: file.fileName.slice(0, 255),
          fileHash: createHash("sha256").update(file.bytes).digest("hex"),
          headerRow: header.row,
          headers: header.headers,
          mapping: header.mapping,
          createdById: user.id,
          ...counts(evaluated),
        },
        select: { id: true },
      });
      for (let i = 0; i < data.length; i += CHUNK) {
        progress.set("saving", i, data.length);
        const json = JSON.stringify(
          data.slice(i, i + CHUNK).map((r, j) => {
            const e = evaluated[i + j] as Evaluated;
            return { ...rowData(e), row: r.row, cells: r.cells, issues: e.issues };
          }),
        );
        // One JSON parameter per chunk: see bulk.ts.
        await tx.$executeRaw`INSERT INTO import_row (batch_id, "row", cells, state, year_only, issues, duplicate_of)
          SELECT ${batch.id}, v."row", v.cells, v.state::import_row_state, v."yearOnly", v.issues, v."duplicateOf"
          FROM jsonb_to_recordset(${json}::jsonb)
            AS v("row" int, cells jsonb, state text, "yearOnly" boolean, issues jsonb, "duplicateOf" int)`;
      }
      return batch.id;
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
  return getPreview(db, batchId, user, locale);
}

/** The batch's preview: counts, columns, and the first issues of its rows in error. */
export async function getPreview(db: Db, batchId: number, user: SessionUser, locale: Locale): Promise<TImportPreview> {
  const batch = await ownBatch(db, batchId, user);
  return previewOf(db, batch, locale);
}

async function previewOf(db: Db, batch: BatchRow, locale: Locale): Promise<TImportPreview> {
  const headers = batch.headers as string[];
  const mapping = batch.mapping as (ImportField | null)[];
  const errorRows = await db.importRow.findMany({
    where: { batchId: batch.id, state: "error" },
    orderBy: { row: "asc" },
    take: IMPORT_ISSUE_LIMIT,
    select: { row: true, issues: true },
  });
  const errors = errorRows
    .flatMap((r) => (r.issues as StoredIssue[]).map((i) => sayIssue(r.row, i, locale)))
    .slice(0, IMPORT_ISSUE_LIMIT);
  return {
    batchId: batch.id,
    kind: batch.kind,
    status: batch.status,
    fileName: batch.fileName,
    headerRow: batch.headerRow,
    columns: headers.map((header, i) => ({ letter: letterOfIndex(i), header, field: mapping[i] ?? null })),
    total: batch.total,
    ready: batch.ready,
    duplicates: batch.duplicates,
    errorRows: batch.errorRows,
    yearOnly: batch.yearOnly,
    errors,
  };
}

/**
 * Rows read back a page at a time (by row number): the embedded database holds a whole result in
 * its WebAssembly memory before handing it over, and that memory is never given back, so one
 * 50.000-row answer would raise the server's memory for good (decision 024, "Measured").
 */
const READ_PAGE = 5000;

async function* pagesOf<T extends { row: number }>(read: (after: number) => Promise<T[]>) {
  let after = 0;
  for (;;) {
    const page = await read(after);
    if (page.length === 0) return;
    yield page;
    after = (page[page.length - 1] as T).row;
    if (page.length < READ_PAGE) return;
  }
}

/** The stored rows of a batch, as the reader gave them. */
export async function storedRows(db: Db | Prisma.TransactionClient, batchId: number): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  const pages = pagesOf((after) =>
    db.importRow.findMany({
      where: { batchId, row: { gt: after } },
      orderBy: { row: "asc" },
      take: READ_PAGE,
      select: { row: true, cells: true },
    }),
  );
  for await (const page of pages) for (const r of page) out.push({ row: r.row, cells: r.cells as Cell[] });
  return out;
}

/** Checks a mapping against the batch's columns and kind: one field per column, each field once. */
export function checkMapping(kind: ImportKind, columns: number, mapping: (ImportField | null)[]) {
  if (mapping.length !== columns) throw appError("invalid", "import.mappingLength");
  const seen = new Set<ImportField>();
  for (const f of mapping) {
    if (!f) continue;
    if (!fieldsOf(kind).includes(f)) throw appError("invalid", "import.fieldNotForKind", { field: f });
    if (seen.has(f)) throw appError("invalid", "import.mappingTwice", { field: f });
    seen.add(f);
  }
}

/** A new mapping: every row is read again from its stored cells. Only a batch not yet committed. */
export async function remapBatch(db: Db, input: TImportRemapInput, user: SessionUser, locale: Locale) {
  const batch = await ownBatch(db, input.batchId, user);
  if (batch.status !== "preview") throw appError("conflict", "import.alreadyCommitted");
  checkMapping(batch.kind, (batch.headers as string[]).length, input.mapping);
  const rows = await storedRows(db, batch.id);
  const evaluated = await evaluateRows(db, batch.kind, rows, input.mapping);
  await markRefused(db, user, batch.kind, evaluated);
  await db.$transaction(
    async (tx) => {
      const { count } = await tx.importBatch.updateMany({
        where: { id: batch.id, status: "preview" },
        data: { mapping: input.mapping, ...counts(evaluated) },
      });
      if (count === 0) throw appError("conflict", "import.alreadyCommitted");
      await saveStates(tx, batch.id, evaluated);
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
  return getPreview(db, batch.id, user, locale);
}

/**
 * Writes the rows' new states in bulk (one statement per chunk, not one per row): only the rows
 * whose judgement changed since they were stored.
 */
export async function saveStates(tx: Prisma.TransactionClient, batchId: number, rows: Evaluated[]) {
  const before = new Map<number, string>();
  const pages = pagesOf((after) =>
    tx.importRow.findMany({
      where: { batchId, row: { gt: after } },
      orderBy: { row: "asc" },
      take: READ_PAGE,
      select: { row: true, state: true, issues: true, duplicateOf: true },
    }),
  );
  for await (const page of pages)
    for (const r of page) before.set(r.row, canonical([r.state, r.issues, r.duplicateOf]));
  const changed = rows.filter((r) => before.get(r.row) !== canonical([r.state, r.issues, r.duplicateOf]));
  for (let i = 0; i < changed.length; i += CHUNK) {
    const json = JSON.stringify(changed.slice(i, i + CHUNK).map((r) => ({ ...rowData(r), row: r.row })));
    await tx.$executeRaw`UPDATE import_row AS r SET state = v.state::import_row_state, year_only = v."yearOnly",
      issues = v.issues, duplicate_of = v."duplicateOf"
      FROM jsonb_to_recordset(${json}::jsonb)
        AS v("row" int, state text, "yearOnly" boolean, issues jsonb, "duplicateOf" int)
      WHERE r.batch_id = ${batchId} AND r."row" = v."row"`;
  }
}

/** JSON with object keys sorted: jsonb gives keys back in its own order. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_, x) =>
    x && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
}

/** A page of the batch's rows, filtered by state, with their cells and issues. */
export async function listRows(db: Db, input: TImportRowsInput, user: SessionUser, locale: Locale) {
  const batch = await ownBatch(db, input.batchId, user);
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 50;
  const where = { batchId: batch.id, ...(input.state ? { state: input.state } : {}) };
  const [rows, total] = await Promise.all([
    db.importRow.findMany({
      where,
      orderBy: { row: "asc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { row: true, state: true, yearOnly: true, cells: true, issues: true, duplicateOf: true },
    }),
    db.importRow.count({ where }),
  ]);
  const records = await db.importRecord.findMany({
    where: { batchId: batch.id, row: { in: rows.map((r) => r.row) } },
    select: { row: true, recordId: true },
  });
  const recordOf = new Map(records.map((r) => [r.row, r.recordId]));
  const width = (batch.headers as string[]).length;
  return {
    items: rows.map((r) => ({
      row: r.row,
      state: r.state,
      yearOnly: r.yearOnly,
      cells: Array.from({ length: width }, (_, i) => shown((r.cells as Cell[])[i] ?? null)),
      issues: (r.issues as StoredIssue[]).map((i) => sayIssue(r.row, i, locale)),
      duplicateOf: r.duplicateOf,
      recordId: recordOf.get(r.row) ?? null,
    })),
    total,
  };
}

/** The import history: who imported what and when; a non-admin sees their own batches. */
export async function listBatches(
  db: Db,
  input: { page: number; pageSize: number },
  user: SessionUser,
): Promise<{ items: TImportBatchSummary[]; total: number }> {
  // The history lists imports that were committed (and undone): a preview is not an import.
  const where = { status: { not: "preview" as const }, ...(user.role === "admin" ? {} : { createdById: user.id }) };
  const [batches, total] = await Promise.all([
    db.importBatch.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: {
        id: true,
        kind: true,
        status: true,
        fileName: true,
        createdAt: true,
        committedAt: true,
        undoneAt: true,
        undoReason: true,
        total: true,
        ready: true,
        duplicates: true,
        errorRows: true,
        created: true,
        removed: true,
        createdBy: { select: { displayName: true, username: true } },
        records: { select: { recordId: true }, orderBy: { row: "asc" }, take: 1000 },
      },
    }),
    db.importBatch.count({ where }),
  ]);
  return {
    items: batches.map((b) => ({
      batchId: b.id,
      kind: b.kind,
      status: b.status,
      fileName: b.fileName,
      userName: b.createdBy.displayName || b.createdBy.username,
      createdAt: b.createdAt.toISOString(),
      committedAt: b.committedAt?.toISOString() ?? null,
      undoneAt: b.undoneAt?.toISOString() ?? null,
      undoReason: b.undoReason,
      total: b.total,
      ready: b.ready,
      duplicates: b.duplicates,
      errorRows: b.errorRows,
      created: b.created,
      removed: b.removed,
      recordIds: b.records.map((r) => r.recordId),
    })),
    total,
  };
}
