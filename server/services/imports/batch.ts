import { IMPORT_KINDS, type ImportKind } from "@qt/shared/schemas/imports";
import { roleRefusal } from "../../access.ts";
import type { SessionUser } from "../../context.ts";
import { LOCK_SPACE, lockXact } from "../../db/xact-locks.ts";
import type { Db } from "../../db.ts";
import { appError } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";

type Reader = Db | Prisma.TransactionClient;

export const batchSelect = {
  id: true,
  kind: true,
  status: true,
  fileName: true,
  headerRow: true,
  headers: true,
  mapping: true,
  total: true,
  ready: true,
  duplicates: true,
  errorRows: true,
  yearOnly: true,
  created: true,
  removed: true,
  createdById: true,
} as const satisfies Prisma.ImportBatchSelect;

/**
 * Who may import: editors and admins. Approvers check the figures and do not enter them; viewers
 * read. The upload route asks it before reading the body, and the service again.
 */
export function assertImporter(user: SessionUser): void {
  const refused = roleRefusal(user.role, "editor");
  if (refused) throw refused;
}

/** A batch the user may act on: their own, or any for an admin (others' batches are refused, not hidden). */
export async function ownBatch(db: Reader, batchId: number, user: SessionUser) {
  const batch = await db.importBatch.findUnique({ where: { id: batchId }, select: batchSelect });
  if (!batch) throw appError("not-found", "import.batchNotFound");
  if (user.role !== "admin" && batch.createdById !== user.id) throw appError("forbidden", "import.notYours");
  return batch;
}
export type BatchRow = Awaited<ReturnType<typeof ownBatch>>;

/**
 * Commits and undos of one kind judge and write one after the other (held to the transaction's
 * end): on PostgreSQL two at once would each miss the records the other is writing or removing,
 * and the duplicate rule would let a file in twice (decision 028).
 */
export const lockImportKind = (tx: Prisma.TransactionClient, kind: ImportKind) =>
  lockXact(tx, LOCK_SPACE.importKind, [IMPORT_KINDS.indexOf(kind)]);
