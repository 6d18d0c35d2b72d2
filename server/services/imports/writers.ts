import type { ImportKind } from "@qt/shared/schemas/imports";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { RecordPlace } from "../accounts/write-scope.ts";
import type { LockPlace } from "../approvals/lock.ts";
import { type Area, currentCommuneOf, districtOf } from "../records/areas.ts";
import { awardKind } from "../records/awards.ts";
import { cameraKind } from "../records/cameras.ts";
import type { AreaOf, KindTypes, RecordKind, Values } from "../records/kind.ts";
import { mergeValues } from "../records/lifecycle.ts";
import { siteKind } from "../records/sites.ts";

type Tx = Prisma.TransactionClient;
export type ApiRecord = Record<string, unknown> & { id: number; version: number; deletedAt: string | null };

/** The bulk calls the import makes on a record table's Prisma delegate. */
type BulkTable = {
  createManyAndReturn(args: { data: object[]; select: object }): Promise<unknown[]>;
  findMany(args: { where: object; select: object }): Promise<unknown[]>;
  updateMany(args: { where: object; data: object }): Promise<{ count: number }>;
};

/**
 * A record kind of the lifecycle (services/records/) seen by the import: the same descriptor's
 * columns (`data`), API shape (`toApi`) and select, so an imported record is stored and audited
 * exactly as one saved by its form. Only the writing is different: in bulk, not row by row.
 */
export type Writer = {
  entity: string;
  /** The table's name in SQL (the schema's @@map). */
  sqlTable: string;
  table: (tx: Tx) => BulkTable;
  select: object;
  data: (input: Record<string, unknown>, area: Area | null) => Record<string, unknown>;
  toApi: (row: unknown) => ApiRecord;
  /** Where a stored row lies, for the write rule (from the area it was read with). */
  placeOf: (row: unknown) => RecordPlace | null;
  /** The unit-year a row to write counts in (its area and the kind's year), for the approval lock. */
  lockOf: (input: Record<string, unknown>, area: Area | null) => LockPlace;
  /** The same for a stored row. */
  storedLockOf: (row: unknown) => LockPlace;
};

const SQL_TABLES = { site: "site", cameraInstallation: "camera_installation", award: "award" } as const;

function writer<T extends KindTypes>(kind: RecordKind<T>): Writer {
  return {
    entity: kind.entity,
    sqlTable: SQL_TABLES[kind.table],
    // As in the lifecycle's table(): Prisma's per-table generics do not unify with one structural type.
    table: (tx) => tx[kind.table] as unknown as BulkTable,
    select: kind.select,
    // The input was parsed by the kind's create schema (evaluate.ts); its area resolved for its date.
    data: (input, area) => kind.data(mergeValues(kind, input as Partial<Values<T>>), area as AreaOf<T>),
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
  sites: writer(siteKind),
  cameras: writer(cameraKind),
  awards: writer(awardKind),
};
