import type { KeyedMessage } from "@qt/shared/messages/index";
import { TRPCError } from "@trpc/server";
import type { SessionUser } from "../../context.ts";
import { KeyedCause } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { assertCanWrite, type RecordPlace } from "../scope.ts";

/** A row as the write rule sees it: its sheet row (or record id) and where its record lies (null: province level). */
export type RowToWrite = { row: number; place: RecordPlace | null };

/**
 * THE rule of which rows of a batch may be written (commit) or removed (undo), row by row, inside
 * the transaction that writes them. Today: the user's scope (services/scope.ts, decision 021),
 * asked exactly as a single save asks it, so a refusal says the same words. Later rules that need
 * the database (issue 13's approval lock) belong here too, which is why it takes the transaction.
 * Returns the refused rows with why; the others may be written.
 */
export async function refusedRows(
  _tx: Prisma.TransactionClient,
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
  return refused;
}
