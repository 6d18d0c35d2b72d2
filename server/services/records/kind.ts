import type { MessageKey } from "@qt/shared/messages/index";
import { ZSaveOutcome, zPage } from "@qt/shared/schemas/common";
import type { z } from "zod";
import type { Db } from "../../db.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { ReadRow } from "../imports/row-reader.ts";
import { type Area, type AreaRow, areaSelect, type MovedTo } from "./areas.ts";
import { recordMetaSelect } from "./fields.ts";
import type { RecordReport } from "./report-list.ts";

/** What the lifecycle needs of a stored row: its identity, lock, soft-delete state and area. */
export type RecordRow = {
  id: number;
  version: number;
  deletedAt: Date | null;
  area: AreaRow | null;
  /** The commune of today an editor chose for a divided old commune's record (decision 055). */
  currentUnit: MovedTo;
  /** The signed package it was received in (decision 052), null: entered here. */
  packageId: number | null;
};

/** The list inputs every record kind takes (shared/src/schemas/common.ts `ZListBase`) and its sort. */
export type RecordListInput = {
  page: number;
  pageSize: number;
  search?: string;
  districtCode?: string;
  areaCode?: string;
  communeCode?: string;
  fromYear?: number;
  toYear?: number;
  demo?: "demo" | "real";
  importBatchId?: number;
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
  /** The record's resolved area, where a kind allows none: `Area | null` (default `Area`). */
  area?: Area | null;
  /** What `prepare` looked up for the later hooks (a site's model type); default none. */
  ctx?: unknown;
  list: RecordListInput;
  /** The kind's table, by the name of its Prisma delegate. */
  table: RecordTable;
};

export type AreaOf<T extends KindTypes> = T extends { area: infer A extends Area | null } ? A : Area;
export type CtxOf<T extends KindTypes> = T extends { ctx: infer C } ? C : undefined;

/** The Prisma inputs of each record table (the tables share the lifecycle's columns). */
type TableInputs = {
  site: {
    where: Prisma.SiteWhereInput;
    orderBy: Prisma.SiteOrderByWithRelationInput;
    data: Prisma.SiteUncheckedCreateInput;
  };
  cameraInstallation: {
    where: Prisma.CameraInstallationWhereInput;
    orderBy: Prisma.CameraInstallationOrderByWithRelationInput;
    data: Prisma.CameraInstallationUncheckedCreateInput;
  };
  award: {
    where: Prisma.AwardWhereInput;
    orderBy: Prisma.AwardOrderByWithRelationInput;
    data: Prisma.AwardUncheckedCreateInput;
  };
};
export type RecordTable = keyof TableInputs;
export type WhereOf<T extends KindTypes> = TableInputs[T["table"]]["where"];
export type OrderByOf<T extends KindTypes> = TableInputs[T["table"]]["orderBy"];
/** A row's columns as a kind writes them; the lifecycle adds who wrote it. */
export type DataOf<T extends KindTypes> = Omit<TableInputs[T["table"]]["data"], "createdById" | "updatedById">;

/** A kind's select: what the lifecycle reads of every record (its meta columns and area), then the kind's own. */
export function recordSelect<S extends object>(own: S) {
  return { ...recordMetaSelect, area: areaSelect, currentUnit: { select: { id: true, code: true } }, ...own };
}

/** What an update input carries besides the record's fields: the lock and the district check. */
const NOT_FIELDS = ["id", "version", "districtCode"] as const;
export type FieldOf<Shape> = Exclude<keyof Shape & string, (typeof NOT_FIELDS)[number]>;

/** The fields a user writes, read off the kind's update schema so the two cannot drift apart. */
export function writableFields<Shape extends object>(shape: Shape): FieldOf<Shape>[] {
  const notFields: readonly string[] = NOT_FIELDS;
  // Object.keys types its keys as string; these are the shape's keys less NOT_FIELDS.
  return Object.keys(shape).filter((k) => !notFields.includes(k)) as FieldOf<Shape>[];
}

/** The writable fields of a record: create's input, or the update's fields over the stored ones. */
export type Values<T extends KindTypes> = Pick<T["api"], T["field"] & keyof T["api"]>;

/** An update: the row as stored and the record the API showed before it. */
export type Change<T extends KindTypes> = { current: T["row"]; before: T["api"] };

/** Where a record lies, as the search text and the demo rows name it. */
export type AreaRef = { id: number; name: string; districtName: string };

/**
 * A kind's duplicate rule, written once (records/duplicates.ts applies it): two records with the
 * same key are likely one entered twice. The key is read off the table's columns, as a write gives
 * them (`data`) or as they are stored (`select`), so the form, the import and the seed agree.
 */
export type DuplicateRule<T extends KindTypes> = {
  /** The stored columns the key is made of. */
  select: Record<string, true>;
  /** The stored records that may share a key with these rows: one query for any number of rows. */
  near: (rows: DataOf<T>[]) => WhereOf<T>;
  key: (columns: DataOf<T>) => string;
  /** The form's warning. */
  warning: MessageKey;
};

/**
 * A record kind, described by data (CONVENTIONS 16, like Payload's CollectionConfig): the lifecycle
 * (./lifecycle.ts) does get, list, create, update with optimistic locking, remove and restore for
 * every kind, and calls these hooks where kinds differ. Hooks before a write run in the order
 * listed: prepare → area → (scope check) → check → duplicate → data.
 */
export type RecordKind<T extends KindTypes> = {
  /** The audit trail's name for the kind (audit.history takes it). */
  entity: string;
  /** The kind's name, a "noun." message, as in "Không tìm thấy {what}". */
  what: MessageKey;
  table: T["table"];
  select: object;
  toApi: (row: T["row"]) => T["api"];
  fields: readonly (T["field"] & keyof T["api"])[];
  /** Refusal for a district or commune editor writing a record without an area (province level), if a kind allows one. */
  provinceLevelRefusal?: MessageKey;
  prepare?: (db: Db, values: Values<T>) => Promise<CtxOf<T>>;
  area: (
    db: Db,
    values: Values<T>,
    opts: { districtCode?: string; currentAreaId?: number | undefined },
  ) => Promise<AreaOf<T>>;
  /** Rules that need the database; throw fieldError. `change` is null on create. */
  check?: (
    db: Db,
    values: Values<T>,
    area: AreaOf<T>,
    ctx: CtxOf<T> | undefined,
    change: Change<T> | null,
  ) => Promise<void>;
  /**
   * The year the record counts in, from its date (a site's founding, an installation's day) or its
   * year (awards): with its area, it names the unit-year whose approval locks it (decision 025).
   */
  year: (values: Values<T> | DataOf<T>) => number;
  /** Likely duplicates: a form's save warns, a bulk write (the import) refuses them. */
  duplicate: DuplicateRule<T>;
  /** The table's columns from the values (the lifecycle adds who wrote it and the version). */
  data: (values: Values<T>, area: AreaOf<T>) => DataOf<T>;
  /** The kind's own list filters (deleted, demo, area and search words are the lifecycle's). */
  filters: (input: T["list"]) => WhereOf<T>[];
  /** A search word's filter when it is more than the folded searchText column. */
  search?: (db: Db, words: string[]) => Promise<WhereOf<T>[]>;
  /**
   * The column of a sort (the list schema's) named otherwise than its column, by its path through
   * the relations ("area.name"); any other sorts by its own column. The id breaks ties.
   */
  sortPaths?: Partial<Record<T["list"]["sort"], string>>;
};

/**
 * A kind's module as the import, the reports and the record router read it (kinds/index.ts): its
 * descriptor, row reader, report list, service, and the procedures' schemas from its shared ones
 * (item, list, create, update): a saved record and a page are the item's, alike for every kind.
 */
export function kindModule<T extends KindTypes, Shape extends z.ZodRawShape, L, C, U, Service>(
  kind: RecordKind<T>,
  parts: { readRow: ReadRow; report: RecordReport; service: Service; schemas: [z.ZodObject<Shape>, L, C, U] },
) {
  const [item, list, create, update] = parts.schemas;
  const schemas = { item, page: zPage(item), saved: item.extend(ZSaveOutcome), list, create, update };
  return { kind, readRow: parts.readRow, report: parts.report, service: parts.service, schemas };
}
