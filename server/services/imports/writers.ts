import type { ImportKind } from "@qt/shared/schemas/imports";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { RecordPlace } from "../accounts/write-scope.ts";
import type { LockPlace } from "../approvals/lock.ts";
import { type Area, currentCommuneOf, districtOf } from "../records/areas.ts";
import { type CreateManyOptions, createMany, type Refusal } from "../records/create-many.ts";
import { storedDuplicates } from "../records/duplicates.ts";
import type { AreaOf, DataOf, KindTypes, RecordKind, Values } from "../records/kind.ts";
import { RECORD_KINDS } from "../records/kinds/index.ts";
import { mergeValues } from "../records/lifecycle.ts";
import type { ReadRow } from "./row-reader.ts";

type Tx = Prisma.TransactionClient;
export type ApiRecord = Record<string, unknown> & { id: number; version: number; deletedAt: string | null };

/** The bulk calls the import's undo makes on a record table's Prisma delegate. */
type BulkTable = {
  findMany(args: { where: object; select: object }): Promise<unknown[]>;
  updateMany(args: { where: object; data: object }): Promise<{ count: number }>;
};

/** A row the import writes: the kind's create input, as its form sends it, and its resolved area. */
export type RowValues = { input: Record<string, unknown>; area: Area | null };

/**
 * A record kind (its module in services/records/kinds/) seen by the import, whichever kind it is:
 * its row reader, its duplicate rule and the lifecycle's bulk write (createMany), so an imported
 * record is judged, stored and audited exactly as one saved by its form, only in bulk.
 */
export type Writer = {
  entity: string;
  readRow: ReadRow;
  /** The duplicate key of each row, and the first live stored record with each key, in one query. */
  duplicateKeys: (tx: Tx, rows: RowValues[]) => Promise<{ keys: string[]; stored: Map<string, number> }>;
  createMany: (
    tx: Tx,
    rows: (RowValues & { extra: Record<string, unknown> })[],
    opts: CreateManyOptions,
  ) => Promise<{ ids: (number | null)[]; refused: Map<number, Refusal> }>;
  table: (tx: Tx) => BulkTable;
  select: object;
  toApi: (row: unknown) => ApiRecord;
  /** Where a stored row lies, for the write rule (from the area it was read with). */
  placeOf: (row: unknown) => RecordPlace | null;
  /** The unit-year a row to write counts in (its area and the kind's year), for the approval lock. */
  lockOf: (input: Record<string, unknown>, area: Area | null) => LockPlace;
  /** The same for a stored row. */
  storedLockOf: (row: unknown) => LockPlace;
};

function writer<T extends KindTypes>({ kind, readRow }: { kind: RecordKind<T>; readRow: ReadRow }): Writer {
  // The input was parsed by the kind's create schema (evaluate.ts); its area resolved for its date.
  const data = (r: RowValues) => kind.data(mergeValues(kind, r.input as Partial<Values<T>>), r.area as AreaOf<T>);
  return {
    entity: kind.entity,
    readRow,
    duplicateKeys: async (tx, rows) => {
      const columns = rows.map(data);
      const stored = await storedDuplicates(kind, tx, columns);
      return {
        keys: columns.map(kind.duplicate.key),
        stored: new Map([...stored].map(([key, ids]) => [key, ids[0] as number])),
      };
    },
    createMany: (tx, rows, opts) =>
      createMany(
        kind,
        tx,
        rows.map((r): DataOf<T> => ({ ...data(r), ...r.extra })),
        opts,
      ),
    // As in the lifecycle's table(): Prisma's per-table generics do not unify with one structural type.
    table: (tx) => tx[kind.table] as unknown as BulkTable,
    select: kind.select,
    toApi: (row) => kind.toApi(row as T["row"]) as unknown as ApiRecord,
    placeOf: (row) => {
      const area = (row as T["row"]).area;
      return area ? { districtId: districtOf(area).id, communeId: currentCommuneOf(area)?.id ?? null } : null;
    },
    lockOf: (input, area) => ({
      areaId: area?.id ?? null,
      year: kind.year(mergeValues(kind, input as Partial<Values<T>>)),
    }),
    storedLockOf: (row) => {
      const api = kind.toApi(row as T["row"]);
      return { areaId: (row as T["row"]).area?.id ?? null, year: kind.year(mergeValues(kind, {}, api)) };
    },
  };
}

export const WRITERS: Record<ImportKind, Writer> = {
  sites: writer(RECORD_KINDS.sites),
  cameras: writer(RECORD_KINDS.cameras),
  awards: writer(RECORD_KINDS.awards),
};
