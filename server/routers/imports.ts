import {
  ZImportAcceptInput,
  ZImportBatchInput,
  ZImportBatchPage,
  ZImportCommitInput,
  ZImportCommitResult,
  ZImportCreateModelTypeInput,
  ZImportListInput,
  ZImportPreview,
  ZImportRemapInput,
  ZImportRowPage,
  ZImportRowsInput,
  ZImportUndoInput,
  ZImportUndoResult,
} from "@qt/shared/schemas/imports";
import { acceptSuggestion } from "../services/imports/accept.ts";
import { commitBatch } from "../services/imports/commit.ts";
import { createTypeForBatch } from "../services/imports/model-type.ts";
import { getPreview, listBatches, listRows, remapBatch } from "../services/imports/preview.ts";
import { batchKey, track } from "../services/imports/progress.ts";
import { undoBatch } from "../services/imports/undo.ts";
import { adminProcedure, editorProcedure, router } from "../trpc.ts";

/**
 * Spreadsheet import (decision 024). The file itself arrives by `POST /api/imports` (multipart,
 * server/http/imports.ts), which answers the same preview as `get` and `remap`. Viewers cannot
 * import; a non-admin works on their own batches only, and every row is written within their scope.
 */
export const importsRouter = router({
  get: editorProcedure
    .input(ZImportBatchInput)
    .output(ZImportPreview)
    .query(({ ctx, input }) => getPreview(ctx.db, input.batchId, ctx.user, ctx.locale)),
  rows: editorProcedure
    .input(ZImportRowsInput)
    .output(ZImportRowPage)
    .query(({ ctx, input }) => listRows(ctx.db, input, ctx.user, ctx.locale)),
  remap: editorProcedure
    .input(ZImportRemapInput)
    .output(ZImportPreview)
    .mutation(({ ctx, input }) => remapBatch(ctx.db, input, ctx.user, ctx.locale)),
  /** One click on a suggested name: the column's cells reading the value take it, the batch is read again. */
  accept: editorProcedure
    .input(ZImportAcceptInput)
    .output(ZImportPreview)
    .mutation(({ ctx, input }) => acceptSuggestion(ctx.db, input, ctx.user, ctx.locale)),
  commit: editorProcedure
    .input(ZImportCommitInput)
    .output(ZImportCommitResult)
    .mutation(({ ctx, input }) =>
      commitBatch(ctx.db, input, ctx.user, () =>
        track(ctx, batchKey(input.batchId), ctx.meta.sessionToken, "checking"),
      ),
    ),
  undo: editorProcedure
    .input(ZImportUndoInput)
    .output(ZImportUndoResult)
    .mutation(({ ctx, input }) => undoBatch(ctx.db, input, ctx.user, ctx.locale)),
  /** An admin creates a model type the file names (through the catalogue's service) and re-reads the batch. */
  createModelType: adminProcedure
    .input(ZImportCreateModelTypeInput)
    .output(ZImportPreview)
    .mutation(({ ctx, input }) => createTypeForBatch(ctx.db, input, ctx.user, ctx.locale)),
  list: editorProcedure
    .input(ZImportListInput)
    .output(ZImportBatchPage)
    .query(({ ctx, input }) => listBatches(ctx.db, input, ctx.user)),
});
