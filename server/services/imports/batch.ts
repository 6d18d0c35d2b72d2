import type { SessionUser } from "../../context.ts";
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

/** A batch the user may act on: their own, or any for an admin (others' batches are refused, not hidden). */
export async function ownBatch(db: Reader, batchId: number, user: SessionUser) {
  const batch = await db.importBatch.findUnique({ where: { id: batchId }, select: batchSelect });
  if (!batch) throw appError("NOT_FOUND", "import.batchNotFound");
  if (user.role !== "admin" && batch.createdById !== user.id) throw appError("FORBIDDEN", "import.notYours");
  return batch;
}
export type BatchRow = Awaited<ReturnType<typeof ownBatch>>;
