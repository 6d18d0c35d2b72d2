import type { TWarning } from "@qt/shared/schemas/common";
import type { Db } from "../../db.ts";
import type { Area, AreaRow } from "./areas.ts";

/** What the lifecycle needs of a stored row: its identity, lock, soft-delete state and area. */
export type RecordRow = { id: number; version: number; deletedAt: Date | null; area: AreaRow | null };

/** The list inputs every record kind takes (shared/src/schemas/common.ts `ZListBase`) and its sort. */
export type RecordListInput = {
  page: number;
  pageSize: number;
  search?: string;
  districtCode?: string;
  areaCode?: string;
  fromYear?: number;
  toYear?: number;
  demo?: "demo" | "real";
  includeDeleted?: boolean;
  sort: string;
  dir: "asc" | "desc";
};

/** The types one record kind is made of, named so that a descriptor reads as a table of its parts. */
export type KindTypes = {
  /** The row as `select` reads it. */
  row: RecordRow;
  /** The record as the API returns it (and the audit trail keeps it). */
  api: Record<string, unknown> & { id: number; version: number };
  /** The API fields a user writes: create takes them all, update any of them. */
  field: string;
  /** The record's resolved area: `Area`, or `Area | null` where a record may have none. */
  area: Area | null;
  /** What `prepare` looked up for the later hooks (a site's model type), else undefined. */
  ctx: unknown;
  list: RecordListInput;
  /** The Prisma where, order-by and create-data inputs of the kind's table. */
  where: object;
  orderBy: object;
  data: object;
};

/** The writable fields of a record: create's input, or the update's fields over the stored ones. */
export type Values<T extends KindTypes> = Pick<T["api"], T["field"] & keyof T["api"]>;

/** An update: the row as stored and the record the API showed before it. */
export type Change<T extends KindTypes> = { current: T["row"]; before: T["api"] };

/** The Prisma delegates of the record tables (which share the lifecycle's columns). */
export type RecordTable = "site" | "cameraInstallation" | "award";

/**
 * A record kind, described by data (CONVENTIONS 16, like Payload's CollectionConfig): the lifecycle
 * (./lifecycle.ts) does get, list, create, update with optimistic locking, remove and restore for
 * every kind, and calls these hooks where kinds differ. Hooks before a write run in the order
 * listed: prepare → area → (scope check) → check → duplicates → data.
 */
export type RecordKind<T extends KindTypes> = {
  /** The audit trail's name for the kind (audit.history takes it). */
  entity: string;
  /** The kind in Vietnamese, as in "Không tìm thấy {what}". */
  what: string;
  table: RecordTable;
  select: object;
  toApi: (row: T["row"]) => T["api"];
  fields: readonly (T["field"] & keyof T["api"])[];
  /** Refusal for a district editor writing a record without an area (province level), if a kind allows one. */
  provinceLevelRefusal?: string;
  prepare?: (db: Db, values: Values<T>) => Promise<T["ctx"]>;
  area: (
    db: Db,
    values: Values<T>,
    opts: { districtCode?: string; currentAreaId?: number | undefined },
  ) => Promise<T["area"]>;
  /** Rules that need the database; throw fieldError. `change` is null on create. */
  check?: (
    db: Db,
    values: Values<T>,
    area: T["area"],
    ctx: T["ctx"] | undefined,
    change: Change<T> | null,
  ) => Promise<void>;
  /** Likely duplicates: they warn (`warnings` on the saved record), never block. */
  duplicates: (db: Db, values: Values<T>, area: T["area"], selfId?: number) => Promise<TWarning[]>;
  /** The table's columns from the values (the lifecycle adds who wrote it and the version). */
  data: (values: Values<T>, area: T["area"]) => T["data"];
  /** The kind's own list filters (deleted, demo, area and search words are the lifecycle's). */
  filters: (input: T["list"]) => T["where"][];
  /** A search word's filter when it is more than the folded searchText column. */
  search?: (db: Db, words: string[]) => Promise<T["where"][]>;
  sort: Record<T["list"]["sort"], (dir: "asc" | "desc") => T["orderBy"]>;
};
