import type { KeyedMessage } from "@qt/shared/messages/index";
import { TRPCError } from "@trpc/server";
import type { SessionUser } from "../../context.ts";
import { KeyedCause } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { type LockPlace, lockedRows } from "../approvals/lock.ts";
import { assertCanWrite, type RecordPlace } from "../scope.ts";

/**
 * A row as the write rule sees it: its sheet row (or record id), where its record lies (null:
 * province level) and the unit-year it counts in (decision 025).
 */
export type RowToWrite = { row: number; place: RecordPlace | null; lock: LockPlace };

/**
 * THE rule of which rows of a batch may be written (commit) or removed (undo), row by row, inside
 * the transaction that writes them: the user's scope (services/scope.ts, decision 021), asked
 * exactly as a single save asks it, then the approval lock (a submitted or approved unit-year,
 * decision 025), asked in bulk with the lifecycle's own check, so a refusal says the same words as
 * a form's. Returns the refused rows with why; the others may be written.
 */
export async function refusedRows(
  tx: Prisma.TransactionClient,
  user: SessionUser,
  rows: RowToWrite[],
): Promise<Map<number, KeyedMessage>> {
  const refused = new Map<number, KeyedMessage>();
  for (const r of rows) {
    try {
      assertCanWrite(user, r.place, "scope.provinceAward");
    } catch (err) {
      if (!(err instanceof TRPCError && err.cause instanceof KeyedCause)) throw err;
      refused.set(r.row, { key: err.cause.key, params: err.cause.params });
    }
  }
  const open = rows.filter((r) => !refused.has(r.row));
  for (const locked of await lockedRows(
    tx,
    open.map((r) => r.lock),
  )) {
    const cause = locked.error.cause as KeyedCause;
    refused.set((open[locked.index] as RowToWrite).row, { key: cause.key, params: cause.params });
  }
  return refused;
}
