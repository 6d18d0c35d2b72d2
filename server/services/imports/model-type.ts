import type { Locale } from "@qt/shared/format";
import type { ImportField, TImportPreview, ZImportCreateModelTypeInput } from "@qt/shared/schemas/imports";
import { ZModelTypeCreateInput } from "@qt/shared/schemas/model-types";
import type { z } from "zod";
import type { SessionUser } from "../../context.ts";
import type { Db } from "../../db.ts";
import { appError } from "../../errors.ts";
import { createModelType } from "../records/model-types.ts";
import { ownBatch } from "./batch.ts";
import { remapBatch } from "./preview.ts";

/**
 * An unknown model type in the preview is an error with suggestions; an admin may instead create
 * it. The type is created by the catalogue's own service (same checks, same audit entry), then
 * every row of the batch is read again with its current mapping, so rows naming it become ready.
 * Only a batch still in preview, and only a sites batch (the only kind with a model type).
 */
export async function createTypeForBatch(
  db: Db,
  input: z.output<typeof ZImportCreateModelTypeInput>,
  user: SessionUser,
  locale: Locale,
): Promise<TImportPreview> {
  const { batchId, ...type } = input;
  const batch = await ownBatch(db, batchId, user);
  if (batch.status !== "preview") throw appError("conflict", "import.alreadyCommitted");
  if (batch.kind !== "sites") throw appError("invalid", "import.noModelTypeForKind");
  await createModelType(db, ZModelTypeCreateInput.parse(type), user);
  return remapBatch(db, { batchId, mapping: batch.mapping as (ImportField | null)[] }, user, locale);
}
