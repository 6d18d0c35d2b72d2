import type { TRecordLock, TWarning } from "@qt/shared/schemas/common";
import type { SessionUser } from "../../context.ts";
import type { Db } from "../../db.ts";
import { appError } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { assertWithinReach, reachKey, reachUnitWhere } from "../accounts/province-scope.ts";
import { assertCanWrite, type RecordPlace } from "../accounts/write-scope.ts";
import { assertUnlocked, type LockPlace, lockedRows } from "../approvals/lock.ts";
import { type AuditAction, writeAudit } from "../audit/write.ts";
import { cachedAggregate } from "../dashboard/cache.ts";
import { type AreaRow, areaFilter, currentCommuneOf, districtOf, type MovedTo } from "./areas.ts";
import { duplicateWarnings } from "./duplicates.ts";
import { conflictError, notFoundError, restoreNotDeleted } from "./errors.ts";
import { deletedFilter, demoFilter, likeLiteral, pageArgs, searchWords } from "./fields.ts";
import type { Change, DataOf, KindTypes, OrderByOf, RecordKind, Values, WhereOf } from "./kind.ts";

type Reader = Db | Prisma.TransactionClient;

/**
 * A record's write waits up to 20 s for a connection of the pool (10 on PostgreSQL, one on PGlite)
 * rather than Prisma's 2 s: with 50 editors saving at once the queue is longer than 2 s on a busy
 * machine, and a save refused for it was a 500 (issue 27, measured by `pnpm bench:scale`).
 */
const WRITE_TX = { maxWait: 20_000, timeout: 20_000 };

/** Filters the lifecycle adds to every kind's list; valid where inputs of each record table. */
type CommonWhere = {
  deletedAt?: null;
  isDemo?: boolean;
  importBatchId?: number;
  area?: Prisma.AdminUnitWhereInput;
  searchText?: { contains: string };
};
type Where<T extends KindTypes> = { AND: (WhereOf<T> | CommonWhere)[] };
type Written = { updatedById: number; updatedAt: Date; version: { increment: number } };
type SoftDelete = { deletedAt: Date | null; deletedById: number | null; deleteReason: string | null };
/** A divided old commune's record counted in a chosen commune of today, or the rule's (decision 055). */
type Moved = { currentUnitId: number | null };

/** The calls the lifecycle makes on a record table's Prisma delegate, with the kind's own types. */
type Table<T extends KindTypes> = {
  findUnique(args: { where: { id: number }; select: object }): Promise<T["row"] | null>;
  findMany(args: {
    where: Where<T>;
    select: object;
    orderBy: (OrderByOf<T> | { id: "asc" | "desc" })[];
    skip: number;
    take: number;
  }): Promise<T["row"][]>;
  count(args: { where: Where<T> }): Promise<number>;
  create(args: { data: DataOf<T> & { createdById: number; updatedById: number }; select: object }): Promise<T["row"]>;
  updateMany(args: {
    where: { id: number; version: number; deletedAt?: null };
    data: (DataOf<T> | SoftDelete | Moved) & Written;
  }): Promise<{ count: number }>;
};

function table<T extends KindTypes>(db: Reader, kind: RecordKind<T>): Table<T> {
  // Each record table's delegate takes these calls, but Prisma's generic method signatures do not
  // unify with one structural type, and the row type follows from the kind's `select` (its
  // descriptor declares `row` as that select's payload): the one cast of the lifecycle.
  return db[kind.table] as unknown as Table<T>;
}

export type CreateInput<T extends KindTypes> = Partial<Values<T>> & { districtCode?: string };
export type UpdateInput<T extends KindTypes> = CreateInput<T> & { id: number; version: number };
export type RemoveInput = { id: number; version: number; reason: string };
export type Saved<T extends KindTypes> = T["api"] & { warnings: TWarning[]; unchanged: boolean };

/**
 * The writable fields: on update, the given ones over the stored record's; on create, the input's
 * (the schema's defaults filled them; an absent optional link is none, null).
 */
export function mergeValues<T extends KindTypes>(
  kind: RecordKind<T>,
  input: Partial<Values<T>>,
  before?: T["api"],
): Values<T> {
  const out: Partial<Values<T>> = {};
  for (const k of kind.fields) {
    const given = input[k];
    out[k] = given !== undefined ? given : before ? before[k] : (null as Values<T>[typeof k]);
  }
  // Every field of Values<T> is in kind.fields (the descriptor's Values are Pick<api, fields>).
  return out as Values<T>;
}

/** Whether the merged writable fields are the stored record's (absent and null alike). */
function sameValues<T extends KindTypes>(kind: RecordKind<T>, values: Values<T>, before: T["api"]): boolean {
  return kind.fields.every((k) => JSON.stringify(values[k] ?? null) === JSON.stringify(before[k] ?? null));
}

/** `withDeleted`: true shows a deleted row to admins; "always" inside a mutation that just deleted it. */
export async function findRow<T extends KindTypes>(
  kind: RecordKind<T>,
  db: Reader,
  id: number,
  user: SessionUser,
  withDeleted: boolean | "always" = false,
): Promise<T["row"]> {
  const row = await table(db, kind).findUnique({ where: { id }, select: kind.select });
  const visible = withDeleted === "always" || (withDeleted && user.role === "admin");
  if (!row || (row.deletedAt && !visible)) throw notFoundError(kind.what);
  // A provincial account reads its province's records only (decision 051).
  assertWithinReach(user.reach, storedPlace(row));
  return row;
}

/** The stored record's place, from the area the row was read with (no second query). */
function storedPlace(row: { area: AreaRow | null; currentUnit: MovedTo }): RecordPlace | null {
  if (!row.area) return null;
  return {
    districtId: districtOf(row.area).id,
    communeId: (row.currentUnit ?? currentCommuneOf(row.area))?.id ?? null,
  };
}

export async function getRecord<T extends KindTypes>(kind: RecordKind<T>, db: Db, id: number, user: SessionUser) {
  return kind.toApi(await findRow(kind, db, id, user, true));
}

export async function listRecords<T extends KindTypes>(
  kind: RecordKind<T>,
  db: Db,
  input: T["list"],
  user: SessionUser,
): Promise<{ items: (T["api"] & { lock: TRecordLock | null })[]; total: number }> {
  // Checked on every call, before the cache: a non-admin asking for deleted rows is refused.
  const deleted = deletedFilter(user, input.includeDeleted);
  // input.sort is T["list"]["sort"]; TypeScript reads a property of a generic at its constraint's type.
  const path = kind.sortPaths?.[input.sort as T["list"]["sort"]] ?? input.sort;
  // "area.name" → { area: { name: dir } }: a kind's sort paths name its table's columns and relations.
  const sort = path.split(".").reduceRight<unknown>((inner, key) => ({ [key]: inner }), input.dir) as OrderByOf<T>;
  const t = table(db, kind);
  const reach = reachUnitWhere(user.reach);
  return listPage(db, `${kind.entity}.list${reachKey(user.reach)}`, input, {
    where: async (): Promise<Where<T>> => {
      const words = searchWords(input.search);
      return {
        AND: [
          deleted,
          demoFilter(input.demo),
          ...(input.importBatchId ? [{ importBatchId: input.importBatchId }] : []),
          ...[...areaFilter(input), ...(reach ? [reach] : [])].map((area) => ({ area })),
          ...kind.filters(input),
          ...(kind.search
            ? await kind.search(db, words)
            : words.map((w) => ({ searchText: { contains: likeLiteral(w) } }))),
        ],
      };
    },
    rows: async (where, page) =>
      withLocks(
        db,
        kind,
        await t.findMany({ where, select: kind.select, orderBy: [sort, { id: input.dir }], ...page }),
      ),
    count: (where) => t.count({ where }),
  });
}

/**
 * The page's records with their locks, by the rule every write obeys (lockedRows): the list shows
 * the lock the save would meet. The page is cached by data version, which an approval bumps.
 */
async function withLocks<T extends KindTypes>(db: Db, kind: RecordKind<T>, rows: T["row"][]) {
  const apis = rows.map(kind.toApi);
  const locked = await lockedRows(
    db,
    rows.map((row, i) => storedLockPlace(kind, { current: row, before: apis[i] as T["api"] })),
  );
  const lockOf = new Map<number, TRecordLock>(
    locked.map((l) => [
      l.index,
      { state: l.state, unitCode: l.unitCode, unitName: l.unitName, year: l.year, since: l.since.toISOString() },
    ]),
  );
  return apis.map((api, i) => ({ ...api, lock: lockOf.get(i) ?? null }));
}

/**
 * One page of a record list and the total of its filter. On the embedded database every query
 * waits its turn on one connection, so a page costs what its queries cost together (decision 013):
 * - a page is a function of its input and the data only (the caller matters only for
 *   `includeDeleted`, refused before this point), so it is kept while the data version is unchanged,
 *   as the dashboard's figures are (dashboard/cache.ts); any write to a table it reads drops it;
 * - the count is skipped when the page shows where the list ends (a short page, or an empty first
 *   one), which is most searches.
 * Callers must not mutate what they get back: the same object answers every later call.
 */
function listPage<W, R>(
  db: Db,
  list: string,
  input: { page: number; pageSize: number },
  read: {
    /** The list's filter, built only when the page is not in the cache. */
    where: () => Promise<W>;
    rows: (where: W, page: { skip: number; take: number }) => Promise<R[]>;
    count: (where: W) => Promise<number>;
  },
): Promise<{ items: R[]; total: number }> {
  return cachedAggregate(
    db,
    list,
    input,
    async () => {
      const where = await read.where();
      const page = pageArgs(input);
      const items = await read.rows(where, page);
      const ends = items.length < page.take && (items.length > 0 || page.skip === 0);
      return { items, total: ends ? page.skip + items.length : await read.count(where) };
    },
    "lists",
  );
}

/** The hooks before a write, in order, then the columns to write and the warnings to return. */
async function prepareWrite<T extends KindTypes>(
  kind: RecordKind<T>,
  db: Db,
  user: SessionUser,
  values: Values<T>,
  districtCode: string | undefined,
  change: Change<T> | null,
) {
  const ctx = await kind.prepare?.(db, values);
  const area = await kind.area(db, values, { districtCode, currentAreaId: change?.current.area?.id });
  // The new state's place; an update's stored place was checked by lockable().
  assertCanWrite(
    user,
    area ? { districtId: area.districtId, communeId: area.communeId } : null,
    kind.provinceLevelRefusal,
  );
  await kind.check?.(db, values, area, ctx, change);
  const data = kind.data(values, area);
  const warnings = await duplicateWarnings(kind, db, data, change?.current.id);
  // The area's relations as a stored row has them, when resolveArea gave them (null: no area).
  const areaRow = area === null ? null : "row" in area ? (area.row as AreaRow) : undefined;
  return { data, warnings, place: { areaId: area?.id ?? null, year: kind.year(values) }, areaRow };
}

export async function createRecord<T extends KindTypes>(
  kind: RecordKind<T>,
  db: Db,
  input: CreateInput<T>,
  user: SessionUser,
): Promise<Saved<T>> {
  const { data, warnings, place, areaRow } = await prepareWrite(
    kind,
    db,
    user,
    mergeValues(kind, input),
    input.districtCode,
    null,
  );
  const record = await db.$transaction(async (tx) => {
    await assertUnlocked(tx, [place]);
    const after = kind.toApi(
      await insertRow(kind, tx, { ...data, createdById: user.id, updatedById: user.id }, areaRow),
    );
    await writeAudit(tx, { user, action: "create", entity: kind.entity, entityId: after.id, after });
    return after;
  }, WRITE_TX);
  return { ...record, warnings, unchanged: false };
}

/**
 * Inserts a record and returns it as the kind's `select` reads it, without reading back what the
 * write knows (each relation Prisma loads is one more statement): the area, as resolveArea read it
 * with its district and successor (`area`: undefined when not known, then it is read), and every
 * relation whose key the row leaves empty (a camera without a site, no commune of today chosen).
 */
async function insertRow<T extends KindTypes>(
  kind: RecordKind<T>,
  tx: Prisma.TransactionClient,
  data: DataOf<T> & { createdById: number; updatedById: number },
  area: AreaRow | null | undefined,
): Promise<T["row"]> {
  const select: Record<string, unknown> = {};
  const known: Record<string, unknown> = {};
  const columns: Record<string, unknown> = data;
  for (const [key, value] of Object.entries(kind.select)) {
    if (key === "area" && area !== undefined) known[key] = area;
    else if (typeof value === "object" && columns[`${key}Id`] == null) known[key] = null;
    else select[key] = value;
  }
  const row = await table(tx, kind).create({ data, select });
  // The row is the select's payload: its columns and relations as Prisma would have read them.
  return { ...row, ...known } as T["row"];
}

/** A stored, live record the user may change, at the version the user saw. */
async function lockable<T extends KindTypes>(
  kind: RecordKind<T>,
  db: Db,
  input: { id: number; version: number },
  user: SessionUser,
) {
  const current = await findRow(kind, db, input.id, user);
  assertNotReceived(current);
  assertCanWrite(user, storedPlace(current), kind.provinceLevelRefusal);
  if (current.version !== input.version) throw conflictError();
  return { current, before: kind.toApi(current) };
}

/**
 * A record received in a province's signed package is that province's approved figure: this
 * install never changes it; the province corrects it and sends the package again (decision 052).
 */
function assertNotReceived(row: { packageId: number | null }) {
  if (row.packageId) throw appError("forbidden", "exchange.receivedLocked", { id: row.packageId });
}

/** Where a stored record counts for locking: its area and its year (decision 025). */
function storedLockPlace<T extends KindTypes>(kind: RecordKind<T>, { current, before }: Change<T>): LockPlace {
  return { areaId: current.area?.id ?? null, year: kind.year(before) };
}

/**
 * The row as an update leaves it, without reading it back: the stored row with the written columns
 * (`data`, its stamp included) and the next version; a relation whose key did not change is kept,
 * the area is the one resolveArea read (`area`, when known), a cleared one is null. Undefined when
 * the write changes a relation not known here (then the row is read back).
 */
function rowAfter<T extends KindTypes>(
  kind: RecordKind<T>,
  current: T["row"],
  data: Record<string, unknown>,
  area: AreaRow | null | undefined,
): T["row"] | undefined {
  const stored: Record<string, unknown> = current;
  const row: Record<string, unknown> = { ...stored, version: current.version + 1 };
  for (const [key, value] of Object.entries(kind.select)) {
    if (typeof value !== "object") {
      if (key in data) row[key] = data[key];
      continue;
    }
    const id = data[`${key}Id`];
    const was = stored[`${key}Id`] ?? (stored[key] as { id?: unknown } | null)?.id ?? null;
    if (id === undefined || id === was) continue;
    if (key === "area" && area !== undefined) row[key] = area;
    else if (id === null) row[key] = null;
    else return undefined;
  }
  // The row is the select's payload: the stored one with what this write changed.
  return row as T["row"];
}

/**
 * Writes a stored record under its version (a version that moved meanwhile is a CONFLICT) and
 * audits the change, in one transaction; the record after it is built from what was written
 * (rowAfter), read back only when a relation it does not know changed. The record's unit-year, and on an update
 * the one it moves to (`moveTo`), must not be submitted or approved: checked in the transaction,
 * so a transition committed meanwhile is seen and one that comes later waits (approvals/lock.ts).
 */
async function writeLocked<T extends KindTypes>(
  kind: RecordKind<T>,
  db: Db,
  user: SessionUser,
  action: Extract<AuditAction, "update" | "remove" | "restore">,
  change: Change<T>,
  data: DataOf<T> | SoftDelete | Moved,
  moveTo?: LockPlace,
  area?: AreaRow | null,
): Promise<T["api"]> {
  const { current, before } = change;
  return db.$transaction(async (tx) => {
    await assertUnlocked(tx, [storedLockPlace(kind, change), ...(moveTo ? [moveTo] : [])]);
    const written = { ...data, updatedAt: new Date() };
    const { count } = await table(tx, kind).updateMany({
      where: { id: current.id, version: current.version, ...(action === "restore" ? {} : { deletedAt: null }) },
      data: { ...written, updatedById: user.id, version: { increment: 1 } },
    });
    if (count === 0) throw conflictError();
    const row =
      rowAfter(kind, current, written, area) ??
      (await findRow(kind, tx, current.id, user, action === "remove" ? "always" : false));
    const after = kind.toApi(row);
    await writeAudit(tx, { user, action, entity: kind.entity, entityId: current.id, before, after });
    return after;
  }, WRITE_TX);
}

export async function updateRecord<T extends KindTypes>(
  kind: RecordKind<T>,
  db: Db,
  input: UpdateInput<T>,
  user: SessionUser,
): Promise<Saved<T>> {
  const change = await lockable(kind, db, input, user);
  const values = mergeValues(kind, input, change.before);
  // A save that changes nothing writes nothing: no new version (which would make another user's
  // open form conflict for no reason), no updatedAt, no empty "Sửa" entry in the history.
  if (sameValues(kind, values, change.before)) return { ...change.before, warnings: [], unchanged: true };
  const { data, warnings, place, areaRow } = await prepareWrite(kind, db, user, values, input.districtCode, change);
  const after = await writeLocked(kind, db, user, "update", change, data, place, areaRow);
  return { ...after, warnings, unchanged: false };
}

export async function removeRecord<T extends KindTypes>(
  kind: RecordKind<T>,
  db: Db,
  input: RemoveInput,
  user: SessionUser,
): Promise<T["api"]> {
  const change = await lockable(kind, db, input, user);
  const removal = { deletedAt: new Date(), deletedById: user.id, deleteReason: input.reason };
  return writeLocked(kind, db, user, "remove", change, removal);
}

/**
 * Counts a divided old commune's record in another commune of today (decision 055), or back in the
 * rule's (`choose` returns null): the record keeps its area (history stays true). `choose` checks
 * the choice against the stored row and returns the commune's id. Scope is checked like an edit's:
 * the record as it stands and the commune it goes to; its unit-year must not be locked; audited.
 */
export async function moveRecord<T extends KindTypes>(
  kind: RecordKind<T>,
  db: Db,
  input: { id: number; version: number },
  user: SessionUser,
  choose: (row: T["row"]) => Promise<number | null>,
): Promise<T["api"] & { unchanged: boolean }> {
  const change = await lockable(kind, db, input, user);
  const { area, currentUnit } = change.current;
  const target = await choose(change.current);
  if (area) {
    const communeId = target ?? currentCommuneOf(area)?.id ?? null;
    assertCanWrite(user, { districtId: districtOf(area).id, communeId }, kind.provinceLevelRefusal);
  }
  if ((currentUnit?.id ?? null) === target) return { ...change.before, unchanged: true };
  const after = await writeLocked(kind, db, user, "update", change, { currentUnitId: target });
  return { ...after, unchanged: false };
}

/** Admins only (the router says so); the record's scope is not checked, as before the lifecycle. */
export async function restoreRecord<T extends KindTypes>(
  kind: RecordKind<T>,
  db: Db,
  id: number,
  user: SessionUser,
): Promise<T["api"]> {
  const current = await findRow(kind, db, id, user, true);
  if (!current.deletedAt) throw restoreNotDeleted();
  assertNotReceived(current);
  const change = { current, before: kind.toApi(current) };
  return writeLocked(kind, db, user, "restore", change, { deletedAt: null, deletedById: null, deleteReason: null });
}

/** The procedures' service functions of one kind, bound to its descriptor. */
export function recordService<T extends KindTypes>(kind: RecordKind<T>) {
  return {
    kind,
    list: (db: Db, input: T["list"], user: SessionUser) => listRecords(kind, db, input, user),
    get: (db: Db, id: number, user: SessionUser) => getRecord(kind, db, id, user),
    create: (db: Db, input: CreateInput<T>, user: SessionUser) => createRecord(kind, db, input, user),
    update: (db: Db, input: UpdateInput<T>, user: SessionUser) => updateRecord(kind, db, input, user),
    remove: (db: Db, input: RemoveInput, user: SessionUser) => removeRecord(kind, db, input, user),
    restore: (db: Db, id: number, user: SessionUser) => restoreRecord(kind, db, id, user),
  };
}
