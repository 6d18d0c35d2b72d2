import type { ImportField } from "@qt/shared/schemas/imports";
import type { SessionUser } from "../../context.ts";
import type { Db } from "../../db.ts";
import { appError } from "../../errors.ts";
import { fullGc } from "../../gc.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { type BatchRow, lockImportKind, ownBatch } from "./batch.ts";
import { insertLinks } from "./bulk.ts";
import { type Evaluated, evaluateRows, type StoredValues } from "./evaluate.ts";
import { saveStates, storedRows } from "./preview.ts";
import { NO_TRACKER, type Tracker, tracked } from "./progress.ts";
import { WRITERS } from "./writers.ts";

/** Rows written between two full collections (a multiple of createMany's chunk). */
const GC_EVERY = 3_000;
/** Long enough for 50.000 rows on a slow disk; the import holds the database's write turn meanwhile. */
export const BULK_TX = { maxWait: 60_000, timeout: 600_000 };

/**
 * Writes a batch once, in one transaction: its rows are judged again against the database as it
 * is now (a record imported meanwhile becomes a duplicate), then the ready rows go to the
 * lifecycle's bulk write (records/create-many.ts), which refuses a row a form's save would refuse
 * (scope, approval lock) and writes the records and their audit entries (naming the import). `skipErrors` false: any row in error or refused writes nothing.
 */
export async function commitBatch(
  db: Db,
  input: { batchId: number; skipErrors: boolean },
  user: SessionUser,
  startProgress: () => Promise<Tracker> = async () => NO_TRACKER,
) {
  // A job to report is started only for the batch's owner (or an admin): an unknown or another
  // user's batch starts none, so nobody can crowd out someone else's progress bar.
  const batch = await ownBatch(db, input.batchId, user);
  const progress = await startProgress();
  // From here the whole call is tracked, so a refusal before the transaction ends the job as failed too.
  return tracked(progress, async () => {
    if (batch.status !== "preview") throw appError("conflict", "import.alreadyCommitted");
    const writer = WRITERS[batch.kind];
    return db.$transaction(async (tx) => {
      // Claiming the batch first makes a second commit (even a concurrent one) find nothing to claim.
      const { count } = await tx.importBatch.updateMany({
        where: { id: batch.id, status: "preview" },
        data: { status: "committed", committedAt: new Date() },
      });
      if (count === 0) throw appError("conflict", "import.alreadyCommitted");
      await lockImportKind(tx, batch.kind);
      // The cells are only needed to judge the rows: nothing keeps them past this statement, so
      // 50.000 rows' cells can be collected before the writes (the memory goal of decision 024).
      const evaluated = await judgeStored(tx, batch, progress);
      const errors = evaluated.filter((r) => r.state === "error");
      if (errors.length > 0 && !input.skipErrors) {
        throw appError("invalid", "import.hasErrors", { count: errors.length });
      }
      const ready = evaluated.filter((r) => r.state === "ready" && r.values);
      // The lifecycle's bulk write checks each row as a form's save (scope, approval lock,
      // duplicates) and audits it; a refused row becomes an error with the refusal's words.
      const { refused } = await writer.createMany(
        tx,
        ready.map((r) => ({ ...(r.values as StoredValues), extra: { importBatchId: batch.id } })),
        {
          by: user,
          duplicates: "refuse",
          allOrNothing: !input.skipErrors,
          rowNumbers: ready.map((r) => r.row),
          auditExtra: { importBatchId: batch.id },
          onWrite: (total) => progress.set("writing", 0, total),
          onChunk: async (written, done, total) => {
            progress.set("writing", done, total);
            await insertLinks(
              tx,
              batch.id,
              written.map((w) => ({ row: (ready[w.index] as Evaluated).row, recordId: w.id })),
            );
            // Each chunk leaves its rows, JSON and read-back behind as garbage that V8 would let pile
            // up to hundreds of MB before collecting (measured: 470 MB above base for 50,000 rows).
            if (done % GC_EVERY === 0) fullGc();
          },
        },
      );
      for (const [index, why] of refused) {
        const r = ready[index] as Evaluated;
        const issues = [{ column: null, key: why.key, params: why.params }];
        Object.assign(
          r,
          why.why === "duplicate"
            ? { state: "duplicate", issues, duplicateOf: why.duplicateOf ?? null }
            : { state: "error", issues },
        );
      }
      const toWrite = ready.filter((_, i) => !refused.has(i));
      await saveStates(tx, batch.id, evaluated);
      const skipped = evaluated.length - toWrite.length;
      await tx.importBatch.update({
        where: { id: batch.id },
        data: {
          created: toWrite.length,
          ready: evaluated.filter((r) => r.state === "ready").length,
          duplicates: evaluated.filter((r) => r.state === "duplicate").length,
          errorRows: evaluated.filter((r) => r.state === "error").length,
        },
      });
      return { created: toWrite.length, skipped };
    }, BULK_TX);
  });
}

/** The batch's stored rows judged again; the cells read for it go out of scope on return. */
async function judgeStored(tx: Prisma.TransactionClient, batch: BatchRow, progress: Tracker): Promise<Evaluated[]> {
  const rows = await storedRows(tx, batch.id);
  const total = rows.length;
  progress.set("checking", 0, total);
  return evaluateRows(tx, batch.kind, rows, batch.mapping as (ImportField | null)[], (n) =>
    progress.set("checking", n, total),
  );
}
