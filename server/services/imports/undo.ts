import type { Locale } from "@qt/shared/format";
import { type KeyedMessage, message } from "@qt/shared/messages/index";
import type { SessionUser } from "../../context.ts";
import type { Db } from "../../db.ts";
import { appError } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { lockedRows, lockUnitYears } from "../approvals/lock.ts";
import { writeAuditMany } from "../audit/write.ts";
import { lockImportKind, ownBatch } from "./batch.ts";
import { BULK_TX } from "./commit.ts";
import { type RowToWrite, scopeRefusals } from "./may-write.ts";
import { type ApiRecord, WRITERS } from "./writers.ts";

/**
 * Undoes a committed batch: removes (soft delete, with the reason, audited) the records it created
 * that nobody changed since (still at version 1), and says which it kept and why: edited since,
 * removed already, a site other records are linked to, or outside the user's scope now. A record
 * in a submitted or approved unit-year refuses the whole undo (nothing changes until it is reopened).
 * A non-admin undoes only their own batch (ownBatch).
 */
export async function undoBatch(db: Db, input: { batchId: number; reason: string }, user: SessionUser, locale: Locale) {
  const batch = await ownBatch(db, input.batchId, user);
  if (batch.status === "preview") throw appError("conflict", "import.notCommitted");
  if (batch.status === "undone") throw appError("conflict", "import.alreadyUndone");
  const writer = WRITERS[batch.kind];
  return db.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.importBatch.updateMany({
      where: { id: batch.id, status: "committed" },
      data: { status: "undone", undoneAt: now, undoReason: input.reason },
    });
    if (count === 0) throw appError("conflict", "import.alreadyUndone");
    await lockImportKind(tx, batch.kind);
    const links = await tx.importRecord.findMany({ where: { batchId: batch.id }, select: { recordId: true } });
    const ids = links.map((r) => r.recordId);
    const stored = await writer.table(tx).findMany({ where: { id: { in: ids } }, select: writer.select });
    const records = stored.map(writer.toApi);
    const places = new Map(stored.map((row, i) => [(records[i] as ApiRecord).id, writer.placeOf(row)]));
    const locks = new Map(stored.map((row, i) => [(records[i] as ApiRecord).id, writer.storedLockOf(row)]));
    const linked = batch.kind === "sites" ? await linkedSites(tx, ids) : new Set<number>();
    const kept = new Map<number, KeyedMessage>();
    for (const r of records) {
      if (r.deletedAt) kept.set(r.id, { key: "import.keptRemoved", params: {} });
      else if (r.version > 1) kept.set(r.id, { key: "import.keptEdited", params: {} });
      else if (linked.has(r.id)) kept.set(r.id, { key: "import.keptLinked", params: {} });
    }
    const candidates: RowToWrite[] = records
      .filter((r) => !kept.has(r.id))
      .map((r) => ({ row: r.id, place: places.get(r.id) ?? null, lock: locks.get(r.id) ?? { areaId: null, year: 0 } }));
    for (const [id, why] of scopeRefusals(user, candidates)) kept.set(id, why);
    const open = candidates.filter((r) => !kept.has(r.row));
    // Held until the removals are committed: a submission of one of these unit-years waits for them.
    await lockUnitYears(
      tx,
      open.map((r) => r.lock),
    );
    // A submitted or approved unit-year refuses the whole undo, which changes nothing (the batch
    // stays committed): once it is reopened the same undo removes everything, as it would have.
    const locked = (
      await lockedRows(
        tx,
        open.map((r) => r.lock),
      )
    )[0];
    if (locked) throw locked.error;
    const removable = records.filter((r) => !kept.has(r.id));
    const removal = { deletedAt: now, deletedById: user.id, deleteReason: input.reason };
    const { count: removed } = await writer.table(tx).updateMany({
      where: { id: { in: removable.map((r) => r.id) }, version: 1, deletedAt: null },
      data: { ...removal, updatedById: user.id, version: { increment: 1 } },
    });
    // Removable rows were read in this transaction at version 1; one changed meanwhile would have blocked on its lock.
    if (removed !== removable.length) throw appError("conflict", "record.conflict");
    await writeAuditMany(
      tx,
      user,
      "remove",
      writer.entity,
      removable.map((before) => ({
        id: before.id,
        before,
        after: {
          ...before,
          version: before.version + 1,
          deletedAt: now.toISOString(),
          deleteReason: input.reason,
          importBatchId: batch.id,
        },
      })),
    );
    await tx.importBatch.update({ where: { id: batch.id }, data: { removed } });
    return {
      removed,
      kept: [...kept].map(([id, k]) => ({
        id,
        key: k.key,
        params: k.params,
        message: message(k.key, k.params, locale),
      })),
    };
  }, BULK_TX);
}

/** Sites of these ids that live cameras or awards link to: removing them would orphan those. */
async function linkedSites(tx: Prisma.TransactionClient, ids: number[]): Promise<Set<number>> {
  const where = { siteId: { in: ids }, deletedAt: null };
  const [cams, awards] = await Promise.all([
    tx.cameraInstallation.findMany({ where, select: { siteId: true }, distinct: ["siteId"] }),
    tx.award.findMany({ where, select: { siteId: true }, distinct: ["siteId"] }),
  ]);
  return new Set([...cams, ...awards].map((r) => r.siteId as number));
}
