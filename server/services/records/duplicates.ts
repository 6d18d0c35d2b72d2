import { message } from "@qt/shared/messages/index";
import type { TWarning } from "@qt/shared/schemas/common";
import type { Db } from "../../db.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { DataOf, KindTypes, RecordKind } from "./kind.ts";

type Reader = Db | Prisma.TransactionClient;
type Stored<T extends KindTypes> = DataOf<T> & { id: number };

/**
 * The live stored records sharing a duplicate key (the kind's rule) with any of these rows, by
 * key, in one query: a form's save asks it for one row, a bulk write (import, seed) for all of its
 * rows at once. `selfId`: the record being updated, which is no duplicate of itself.
 */
export async function storedDuplicates<T extends KindTypes>(
  kind: RecordKind<T>,
  db: Reader,
  rows: DataOf<T>[],
  selfId?: number,
): Promise<Map<string, number[]>> {
  const byKey = new Map<string, number[]>();
  if (rows.length === 0) return byKey;
  // As the lifecycle's table(): Prisma's per-table generics do not unify with one structural type;
  // the rows have the columns of the rule's select, which is all its key reads.
  const table = db[kind.table] as unknown as {
    findMany(args: { where: object; select: object; orderBy: object }): Promise<Stored<T>[]>;
  };
  const stored = await table.findMany({
    where: { AND: [kind.duplicate.near(rows), { deletedAt: null }, ...(selfId ? [{ id: { not: selfId } }] : [])] },
    select: { id: true, ...kind.duplicate.select },
    orderBy: { id: "asc" },
  });
  for (const s of stored) {
    const key = kind.duplicate.key(s);
    byKey.set(key, [...(byKey.get(key) ?? []), s.id]);
  }
  return byKey;
}

/** A form's save: the records the new state likely duplicates, as a warning (never a refusal). */
export async function duplicateWarnings<T extends KindTypes>(
  kind: RecordKind<T>,
  db: Reader,
  data: DataOf<T>,
  selfId?: number,
): Promise<TWarning[]> {
  const ids = (await storedDuplicates(kind, db, [data], selfId)).get(kind.duplicate.key(data)) ?? [];
  return ids.length === 0 ? [] : [{ code: "duplicate", message: message(kind.duplicate.warning), ids }];
}

/** "2025-08-14" of a DATE column as written (a Date at UTC midnight, or already the day) or stored. */
export const dayKey = (d: Date | string) => (typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/** The distinct values of a column among rows, for a rule's `near` filter. */
export const distinct = <V>(values: V[]): V[] => [...new Set(values)];
