import { z } from "zod";
import { keyed } from "../messages/index.ts";
import { ZId, zName } from "./common.ts";
import { ZModelTypeCreateInput } from "./model-types.ts";

/**
 * Spreadsheet import (issue 12, decision 024): a file is read into a batch of rows that is
 * previewed, re-mapped, committed once and possibly undone. `POST /api/imports` (multipart) answers
 * ZImportPreview; the procedures below work on the stored batch.
 */
export const IMPORT_KINDS = ["sites", "cameras", "awards"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const ZImportKind = z.enum(IMPORT_KINDS, { error: keyed("import.schemaKind") });

/** The largest file accepted (bytes), checked while the upload streams in. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

/**
 * The fields a column can be mapped to, per kind. `district` and `area` name units (by name or
 * code); `modelType` a model type (by name or code); the rest are the record's own fields.
 */
export const IMPORT_FIELDS = {
  sites: [
    "modelType",
    "district",
    "area",
    "name",
    "host",
    "establishedOn",
    "religion",
    "households",
    "members",
    "notes",
  ],
  cameras: [
    "district",
    "area",
    "installedOn",
    "cameras",
    "recorders",
    "memoryCards",
    "costVnd",
    "fundingSource",
    "notes",
  ],
  awards: ["year", "issuer", "form", "recipientKind", "recipientName", "district", "area", "decisionNumber", "notes"],
} as const satisfies Record<ImportKind, readonly string[]>;
export type ImportField = (typeof IMPORT_FIELDS)[ImportKind][number];
export const ALL_IMPORT_FIELDS = [...new Set(Object.values(IMPORT_FIELDS).flat())] as ImportField[];
export const ZImportField = z.enum(ALL_IMPORT_FIELDS as [ImportField, ...ImportField[]], {
  error: keyed("import.schemaField"),
});

/** Fields a row cannot do without, per kind (the others may stay empty). */
export const IMPORT_REQUIRED = {
  sites: ["modelType", "area", "name", "establishedOn"],
  cameras: ["area", "installedOn", "cameras", "fundingSource"],
  awards: ["year", "issuer", "form", "recipientKind", "recipientName"],
} as const satisfies Record<ImportKind, readonly ImportField[]>;

export const ROW_STATES = ["ready", "duplicate", "error"] as const;
export type RowState = (typeof ROW_STATES)[number];
export const BATCH_STATUSES = ["preview", "committed", "undone"] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

/** A message of the catalogue (shared/src/messages): its key and parameters, and its text in the caller's language. */
const ZSaid = {
  message: z.string(),
  key: z.string(),
  params: z.record(
    z.string(),
    z.union([z.string(), z.number(), z.object({ key: z.string() }), z.object({ vi: z.string(), en: z.string() })]),
  ),
};

/** One problem of one row: `row` is the sheet's row number (as Excel shows it), `column` its letter ("C"), or null for the whole row. */
export const ZImportIssue = z.object({ row: z.number(), column: z.string().nullable(), ...ZSaid });
export type TImportIssue = z.infer<typeof ZImportIssue>;

/** A column of the file: its letter, its header text, and the field it is mapped to (null: ignored). */
export const ZImportColumn = z.object({ letter: z.string(), header: z.string(), field: ZImportField.nullable() });

export const ZImportPreview = z.object({
  batchId: z.number(),
  kind: ZImportKind,
  status: z.enum(BATCH_STATUSES),
  fileName: z.string(),
  /** The sheet's row number of the header. */
  headerRow: z.number(),
  columns: z.array(ZImportColumn),
  total: z.number(),
  ready: z.number(),
  duplicates: z.number(),
  /** Rows in error (a row may have several issues). */
  errorRows: z.number(),
  /** Rows with only a year as their date: accepted, dated 1 January, and marked. */
  yearOnly: z.number(),
  /** The issues of the first rows in error (at most IMPORT_ISSUE_LIMIT); all are in errors.xlsx and imports.rows. */
  errors: z.array(ZImportIssue),
});
export type TImportPreview = z.infer<typeof ZImportPreview>;
export const IMPORT_ISSUE_LIMIT = 500;

/** `mapping[i]` is the field of column i of `columns` (null: ignore the column). */
export const ZImportRemapInput = z.strictObject({
  batchId: ZId,
  mapping: z.array(ZImportField.nullable()).max(200, keyed("import.schemaColumns")),
});
export type TImportRemapInput = z.infer<typeof ZImportRemapInput>;

/**
 * One click on a name the preview suggests: every cell of `column` reading `value` (as the issue
 * quotes it) becomes `to`, which must be one of that issue's suggestions; the batch is read again.
 */
export const ZImportAcceptInput = z.strictObject({
  batchId: ZId,
  column: z.string().regex(/^[A-Z]{1,3}$/, keyed("v.importColumn")),
  value: zName("noun.fileValue", 500),
  to: zName("noun.suggestedName", 500),
});
export type TImportAcceptInput = z.infer<typeof ZImportAcceptInput>;

export const ZImportBatchInput = z.strictObject({ batchId: ZId });

/** An admin creates a model type the file names but the catalogue lacks; the batch is read again. */
export const ZImportCreateModelTypeInput = ZModelTypeCreateInput.extend({ batchId: ZId });
export type TImportCreateModelTypeInput = z.input<typeof ZImportCreateModelTypeInput>;

/** A page of the preview's rows, filtered by state. */
export const ZImportRowsInput = z.strictObject({
  batchId: ZId,
  state: z.enum(ROW_STATES).optional(),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type TImportRowsInput = z.input<typeof ZImportRowsInput>;

export const ZImportRow = z.object({
  row: z.number(),
  state: z.enum(ROW_STATES),
  yearOnly: z.boolean(),
  /** The row's cells as the file showed them, column by column (as `columns`). */
  cells: z.array(z.string()),
  issues: z.array(ZImportIssue),
  /** For a duplicate: the stored record it repeats (null: it repeats an earlier row of the file). */
  duplicateOf: z.number().nullable(),
  /** After commit: the record created from the row. */
  recordId: z.number().nullable(),
});
export const ZImportRowPage = z.object({ items: z.array(ZImportRow), total: z.number() });

/**
 * `skipErrors` false: all or nothing (any row in error refuses the commit); true: the ready rows
 * are written and the rest skipped. Duplicates are never written.
 */
export const ZImportCommitInput = z.strictObject({ batchId: ZId, skipErrors: z.boolean() });
export const ZImportCommitResult = z.object({ created: z.number(), skipped: z.number() });

export const ZImportUndoInput = z.strictObject({
  batchId: ZId,
  reason: zName("noun.undoReason", 500).refine((s) => s.length >= 3, keyed("import.schemaReason")),
});
export const ZImportUndoResult = z.object({
  removed: z.number(),
  kept: z.array(z.object({ id: z.number(), ...ZSaid })),
});

export const ZImportListInput = z.strictObject({
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export const ZImportBatchSummary = z.object({
  batchId: z.number(),
  kind: ZImportKind,
  status: z.enum(BATCH_STATUSES),
  fileName: z.string(),
  userName: z.string(),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
  undoneAt: z.string().nullable(),
  undoReason: z.string().nullable(),
  total: z.number(),
  ready: z.number(),
  duplicates: z.number(),
  errorRows: z.number(),
  created: z.number(),
  removed: z.number(),
  /** The records the import created (for links), at most 1.000. */
  recordIds: z.array(z.number()),
});
export const ZImportBatchPage = z.object({ items: z.array(ZImportBatchSummary), total: z.number() });
export type TImportBatchSummary = z.infer<typeof ZImportBatchSummary>;
