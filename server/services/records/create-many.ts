import type { KeyedMessage } from "@qt/shared/messages/index";
import type { SessionUser } from "../../context.ts";
import { AppError, appError } from "../../errors.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { assertCanWrite, type RecordPlace } from "../accounts/write-scope.ts";
import { type LockPlace, lockedRows, lockUnitYears } from "../approvals/lock.ts";
import { writeAuditMany } from "../audit/write.ts";
import { areaSelect, currentCommuneOf, districtOf } from "./areas.ts";
import { storedDuplicates } from "./duplicates.ts";
import type { DataOf, KindTypes, RecordKind } from "./kind.ts";

type Tx = Prisma.TransactionClient;

/** Why a row of a bulk write was not written, in the words a single save would say. */
export type Refusal = KeyedMessage & { why: "scope" | "lock" | "duplicate"; duplicateOf?: number };

export type CreateManyOptions = {
  /** A user, whose scope is checked and who is named in the audit; or the system (the demo data). */
  by: SessionUser | "system";
  /**
   * "refuse": a row with the key of a live stored record, or of an earlier row, is not written
   * (the import: a file repeats itself exactly); "keep": it is written, as a form's save writes it
   * with a warning (the demo data, drawn at random).
   */
  duplicates: "refuse" | "keep";
  /** true: the first refusal is thrown and nothing is written; false: the other rows are written. */
  allOrNothing: boolean;
  /** The rows' names in refusals (the import's sheet rows); default their position from 1. */
  rowNumbers?: number[];
  /** Added to each audit entry's record (the import names its batch). */
  auditExtra?: Record<string, unknown>;
  /** Once the rows are checked and their unit-years locked, before the first insert (progress). */
  onWrite?: (total: number) => void;
  /** After each chunk: which rows it wrote, with their ids (the import links them, reports progress). */
  onChunk?: (written: { index: number; id: number }[], done: number, total: number) => Promise<void> | void;
};

/** Rows per insert: one JSON parameter each (decision 024). */
const CHUNK = 1000;
const SQL_TABLES = { site: "site", cameraInstallation: "camera_installation", award: "award" } as const;

/**
 * The lifecycle's bulk create (decision 037): rows of a kind's columns, as `kind.data` or the
 * kind's factory row gives them, each checked as a form's save is (the writer's scope, the
 * unit-year's approval lock, the kind's duplicate rule), then written in chunks of one statement,
 * each with one statement of audit entries (the record as its API shows it). Runs in the caller's
 * transaction, which holds the unit-years' locks until it commits (a submission waits for it).
 */
export async function createMany<T extends KindTypes>(
  kind: RecordKind<T>,
  tx: Tx,
  rows: DataOf<T>[],
  opts: CreateManyOptions,
): Promise<{ ids: (number | null)[]; refused: Map<number, Refusal> }> {
  const user = opts.by === "system" ? null : opts.by;
  const areaOf = (r: DataOf<T>) => (r.areaId as number | null | undefined) ?? null;
  const places: LockPlace[] = rows.map((r) => ({ areaId: areaOf(r), year: kind.year(r) }));
  const refused = new Map<number, Refusal>();
  if (user) {
    const scopes = await placesOf(tx, places);
    rows.forEach((_, i) => {
      const why = scopeRefusal(user, scopes.get(places[i]?.areaId ?? null) ?? null, kind.provinceLevelRefusal);
      if (why) refused.set(i, { ...why, why: "scope" });
    });
  }
  // Held until the records are committed: a submission of one of these unit-years waits for them.
  await lockUnitYears(tx, places);
  const open = rows.map((_, i) => i).filter((i) => !refused.has(i));
  for (const l of await lockedRows(
    tx,
    open.map((i) => places[i] as LockPlace),
  )) {
    refused.set(open[l.index] as number, { key: l.error.key, params: l.error.params, why: "lock" });
  }
  if (opts.duplicates === "refuse") await refuseDuplicates(kind, tx, rows, refused, opts.rowNumbers);
  const first = refused.values().next().value;
  if (first && opts.allOrNothing)
    throw appError(first.why === "duplicate" ? "conflict" : "forbidden", first.key, first.params);
  const toWrite = rows.map((_, i) => i).filter((i) => !refused.has(i));
  opts.onWrite?.(toWrite.length);
  const ids: (number | null)[] = rows.map(() => null);
  for (let start = 0; start < toWrite.length; start += CHUNK) {
    const part = toWrite.slice(start, start + CHUNK);
    const written = await insertRecords(
      tx,
      SQL_TABLES[kind.table],
      part.map((i) => ({ ...rows[i], createdById: user?.id ?? null, updatedById: user?.id ?? null })),
    );
    part.forEach((i, j) => {
      ids[i] = written[j] ?? null;
    });
    // Each audit entry keeps the record as its API shows it, read back as the lifecycle does.
    const table = tx[kind.table] as unknown as { findMany(args: object): Promise<T["row"][]> };
    const stored = await table.findMany({
      where: { id: { in: written } },
      select: kind.select,
      orderBy: { id: "asc" },
    });
    await writeAuditMany(
      tx,
      user,
      "create",
      kind.entity,
      stored.map(kind.toApi).map((after) => ({ id: after.id, after: { ...after, ...opts.auditExtra } })),
    );
    await opts.onChunk?.(
      part.map((index, j) => ({ index, id: written[j] as number })),
      start + part.length,
      toWrite.length,
    );
  }
  return { ids, refused };
}

/** Where each area lies for the scope check: its (former) district and its commune of today. */
async function placesOf(tx: Tx, places: LockPlace[]): Promise<Map<number | null, RecordPlace | null>> {
  const ids = [...new Set(places.flatMap((p) => (p.areaId === null ? [] : [p.areaId])))];
  const areas = await tx.adminUnit.findMany({ where: { id: { in: ids } }, select: areaSelect.select });
  const out = new Map<number | null, RecordPlace | null>([[null, null]]);
  for (const a of areas) out.set(a.id, { districtId: districtOf(a).id, communeId: currentCommuneOf(a)?.id ?? null });
  return out;
}

/** The scope rule of a single save (write-scope.ts), as a refusal rather than a throw. */
export function scopeRefusal(
  user: SessionUser,
  place: RecordPlace | null,
  provinceLevelRefusal: RecordKind<KindTypes>["provinceLevelRefusal"],
): KeyedMessage | null {
  try {
    assertCanWrite(user, place, provinceLevelRefusal);
    return null;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { key: err.key, params: err.params };
  }
}

/** Rows with the key of a live stored record, or of an earlier row of the same write. */
async function refuseDuplicates<T extends KindTypes>(
  kind: RecordKind<T>,
  tx: Tx,
  rows: DataOf<T>[],
  refused: Map<number, Refusal>,
  rowNumbers?: number[],
) {
  const open = rows.map((_, i) => i).filter((i) => !refused.has(i));
  const stored = await storedDuplicates(
    kind,
    tx,
    open.map((i) => rows[i] as DataOf<T>),
  );
  const firstOf = new Map<string, number>();
  for (const i of open) {
    const key = kind.duplicate.key(rows[i] as DataOf<T>);
    const id = stored.get(key)?.[0];
    const earlier = firstOf.get(key);
    if (id !== undefined) {
      refused.set(i, { key: "import.duplicateInDb", params: { id }, why: "duplicate", duplicateOf: id });
    } else if (earlier !== undefined) {
      const first = String(rowNumbers?.[earlier] ?? earlier + 1);
      refused.set(i, { key: "import.duplicateInFile", params: { first }, why: "duplicate" });
    } else firstOf.set(key, i);
  }
}

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A column value as JSON: DATE columns as yyyy-mm-dd, bigint as text (PostgreSQL reads both). */
function jsonValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "bigint") return v.toString();
  return v;
}

/**
 * Inserts rows (Prisma field names; every column name is its field name in snake case, as the
 * schema maps them) into `table`, one statement per set of columns given (a column a row leaves
 * out takes its default), the rows in one JSON parameter that PostgreSQL unpacks: Prisma's
 * createMany sends one parameter per cell, which on the embedded database costs more than the
 * insert itself (decision 024). Returns the new ids in row order.
 */
async function insertRecords(tx: Tx, table: string, rows: Record<string, unknown>[]): Promise<number[]> {
  const groups = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const columns = Object.keys(r)
      .filter((k) => r[k] !== undefined)
      .join(",");
    groups.set(columns, [...(groups.get(columns) ?? []), i]);
  });
  const ids: number[] = [];
  const name = Prisma.raw(`"${table}"`);
  for (const [columns, indices] of groups) {
    const fields = columns.split(",");
    const json = JSON.stringify(
      indices.map((i) => Object.fromEntries(fields.map((f) => [snake(f), jsonValue(rows[i]?.[f] ?? null)]))),
    );
    const cols = Prisma.raw(fields.map((f) => `"${snake(f)}"`).join(", "));
    // WITH ORDINALITY + ORDER BY: rows are inserted, and their ids returned, in the order given.
    const out = await tx.$queryRaw<{ id: number }[]>`INSERT INTO ${name} (${cols}, updated_at)
      SELECT ${cols}, now() FROM jsonb_populate_recordset(NULL::${name}, ${json}::jsonb) WITH ORDINALITY AS v
      ORDER BY v.ordinality RETURNING id`;
    indices.forEach((i, j) => {
      ids[i] = out[j]?.id as number;
    });
  }
  return ids;
}
