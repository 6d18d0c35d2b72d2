import type { KeyedMessage } from "@qt/shared/messages/index";
import type { ImportKind } from "@qt/shared/schemas/imports";
import type { SessionUser } from "../../context.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { RecordPlace } from "../accounts/write-scope.ts";
import { type LockPlace, lockedRows } from "../approvals/lock.ts";
import { scopeRefusal } from "../records/create-many.ts";
import type { Evaluated } from "./evaluate.ts";
import { WRITERS } from "./writers.ts";

/**
 * A row as the write rule sees it: its sheet row (or record id), where its record lies (null:
 * province level) and the unit-year it counts in (decision 025).
 */
export type RowToWrite = { row: number; place: RecordPlace | null; lock: LockPlace };

/**
 * THE rule of which rows of a batch may be written (commit) or removed (undo), row by row, inside
 * the transaction that writes them: the user's scope (services/accounts/write-scope.ts, decision 021), asked
 * exactly as a single save asks it, then the approval lock (a submitted or approved unit-year,
 * decision 025), asked in bulk with the lifecycle's own check, so a refusal says the same words as
 * a form's. Returns the refused rows with why; the others may be written.
 */
export async function refusedRows(
  tx: Prisma.TransactionClient,
  user: SessionUser,
  rows: RowToWrite[],
): Promise<Map<number, KeyedMessage>> {
  const refused = scopeRefusals(user, rows);
  for (const [row, why] of await lockRefusals(
    tx,
    rows.filter((r) => !refused.has(r.row)),
  )) {
    refused.set(row, why);
  }
  return refused;
}

/** The rows outside the user's scope, with the words a single save would say. */
export function scopeRefusals(user: SessionUser, rows: RowToWrite[]): Map<number, KeyedMessage> {
  const refused = new Map<number, KeyedMessage>();
  for (const r of rows) {
    const why = scopeRefusal(user, r.place, "scope.provinceAward");
    if (why) refused.set(r.row, why);
  }
  return refused;
}

/** The rows in a submitted or approved unit-year (decision 025), with the lock's words. */
export async function lockRefusals(
  tx: Prisma.TransactionClient,
  rows: RowToWrite[],
): Promise<Map<number, KeyedMessage>> {
  const refused = new Map<number, KeyedMessage>();
  for (const locked of await lockedRows(
    tx,
    rows.map((r) => r.lock),
  )) {
    refused.set((rows[locked.index] as RowToWrite).row, { key: locked.error.key, params: locked.error.params });
  }
  return refused;
}

/** What the write rule needs of an evaluated row of a kind: its place and its unit-year. */
export function rowToWrite(kind: ImportKind, r: Evaluated): RowToWrite {
  const area = r.values?.area ?? null;
  return {
    row: r.row,
    place: area ? { districtId: area.districtId, communeId: area.communeId } : null,
    lock: WRITERS[kind].lockOf(r.values?.input ?? {}, area),
  };
}

/**
 * The preview says before the commit what the commit would refuse: a ready row outside the
 * user's scope or in a submitted or approved unit-year becomes an error with the refusal's words.
 * The commit asks the same rule again inside its transaction (an approval may come in between).
 */
export async function markRefused(
  tx: Prisma.TransactionClient,
  user: SessionUser,
  kind: ImportKind,
  rows: Evaluated[],
): Promise<void> {
  const ready = rows.filter((r) => r.state === "ready" && r.values);
  const refused = await refusedRows(
    tx,
    user,
    ready.map((r) => rowToWrite(kind, r)),
  );
  for (const r of ready) {
    const why = refused.get(r.row);
    if (why) Object.assign(r, { state: "error", issues: [{ column: null, key: why.key, params: why.params }] });
  }
}
