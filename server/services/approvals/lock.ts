import { isoOf } from "@qt/shared/dates";
import { formatDate } from "@qt/shared/format";
import type { ApprovalState } from "@qt/shared/schemas/approvals";
import { todayIso } from "@qt/shared/schemas/common";
import { formerUnitName } from "@qt/shared/unit-names";
import { LOCK_SPACE, lockXact, lockXactWithin } from "../../db/xact-locks.ts";
import type { Db } from "../../db.ts";
import { type AppError, appError } from "../../errors.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { approvalUnitOfArea } from "../units/area-sql.ts";

type Reader = Db | Prisma.TransactionClient;

/**
 * Where a record lies for locking: its area (null for a province-level award, which belongs to no
 * unit-year and is never locked) and its year (a site's or an installation's date, an award's year).
 */
export type LockPlace = { areaId: number | null; year: number };

/** A row that falls in a submitted or approved unit-year, with why it is refused. */
export type LockedRow = {
  /** The row's index in the list given to lockedRows. */
  index: number;
  unitCode: string;
  /** "Huyện Gio Linh (cũ)" or "Xã Gio Linh". */
  unitName: string;
  year: number;
  state: Exclude<ApprovalState, "draft">;
  /** When it was approved (state approved) or submitted. */
  since: Date;
  /** The refusal, with the catalogue message of the issue (Vietnamese text, key for the client). */
  error: AppError;
};

/** Rows per statement: three parameters each, far below PostgreSQL's 65 535. */
const CHUNK = 5000;

/**
 * Which of these rows fall in a unit-year that is submitted or approved, in one query per 5 000
 * rows: the bulk check the import (issue 12) calls per batch, and the one check of every record
 * write of the lifecycle (records/lifecycle.ts), so the rule is written once. Inside a transaction
 * the approval rows found are read FOR SHARE: a transition of one of them waits for the write's
 * commit, and the write sees a transition committed before it.
 */
export async function lockedRows(tx: Reader, rows: readonly LockPlace[]): Promise<LockedRow[]> {
  const out: LockedRow[] = [];
  for (let start = 0; start < rows.length; start += CHUNK) {
    const values = rows
      .slice(start, start + CHUNK)
      .map((r, i) => ({ ...r, i: start + i }))
      .filter((r): r is { areaId: number; year: number; i: number } => r.areaId !== null)
      .map((r) => Prisma.sql`(${r.i}::int, ${r.areaId}::int, ${r.year}::int)`);
    if (values.length === 0) continue;
    const found = await tx.$queryRaw<
      {
        i: number;
        code: string;
        name: string;
        level: string;
        year: number;
        state: "submitted" | "approved";
        submitted_at: Date | null;
        approved_at: Date | null;
      }[]
    >`SELECT r.i, u.code, u.name, u.level::text AS level, ap.year, ap.state::text AS state,
             ap.submitted_at, ap.approved_at
        FROM (VALUES ${Prisma.join(values)}) AS r(i, area_id, year)
        JOIN admin_unit a ON a.id = r.area_id
        JOIN approval ap ON ap.unit_id = ${approvalUnitOfArea} AND ap.year = r.year
        JOIN admin_unit u ON u.id = ap.unit_id
       WHERE ap.state IN ('submitted', 'approved')
       ORDER BY r.i
         FOR SHARE OF ap`;
    for (const f of found) {
      const unitName = f.level === "district" ? formerUnitName(f.name) : f.name;
      const since = (f.state === "approved" ? f.approved_at : f.submitted_at) ?? new Date(0);
      const key = f.state === "approved" ? "lock.approved" : "lock.submitted";
      const error = appError("forbidden", key, {
        year: String(f.year),
        unit: unitName,
        date: formatDate(todayIso(since)),
      });
      out.push({ index: f.i, unitCode: f.code, unitName, year: f.year, state: f.state, since, error });
    }
  }
  return out;
}

/**
 * How long a form's save or a transition waits for a unit-year another transaction is writing
 * (an import holds it until its last record is written) before it is told to try again.
 */
export const UNIT_YEAR_WAIT_MS = 3_000;

/**
 * The lock key of each unit-year of `unitYears` (SQL rows of unit_id, year): unit × 10 000 + year,
 * far inside an int (unit ids are a few thousand). Written once, here, for every lock taker.
 */
const unitYearKeys = (unitYears: Prisma.Sql) =>
  Prisma.sql`SELECT DISTINCT (u.unit_id * 10000 + ((u.year % 10000) + 10000) % 10000)::int AS key
    FROM (${unitYears}) AS u`;

/** The unit-years (unit of approval, year) of record places, as SQL rows for unitYearKeys. */
const unitYearsOf = (places: { area: number; year: number }[]) =>
  Prisma.sql`SELECT ${approvalUnitOfArea} AS unit_id, r.year
    FROM jsonb_to_recordset(${JSON.stringify(places)}::jsonb) AS r(area int, year int)
    JOIN admin_unit a ON a.id = r.area`;

/**
 * Takes the locks of unit-years until the transaction ends. Every record write in a unit-year
 * (lockUnitYears) and every transition of it (lockUnitYear) takes its lock, whether or not the
 * unit-year has an approval row yet: a submission waits for a write in progress and then submits
 * what it wrote, a write waits for a transition in progress and then sees it. `waitMs`: wait at
 * most that long, then CONFLICT `lock.busy`; the keys are found and tried in one statement, and
 * only one still held elsewhere is tried again. Without it (the import), wait as long as it takes.
 */
async function lockKeys(tx: Prisma.TransactionClient, unitYears: Prisma.Sql, waitMs?: number): Promise<void> {
  if (waitMs === undefined) {
    const keys = await tx.$queryRaw<{ key: number }[]>(unitYearKeys(unitYears));
    return lockXact(
      tx,
      LOCK_SPACE.unitYear,
      keys.map((k) => k.key),
    );
  }
  const tried = await tx.$queryRaw<{ key: number; ok: boolean }[]>`
    SELECT k.key, pg_try_advisory_xact_lock(${LOCK_SPACE.unitYear}::int, k.key) AS ok
      FROM (${unitYearKeys(unitYears)}) AS k`;
  const busy = tried.filter((t) => !t.ok).map((t) => t.key);
  if (busy.length > 0 && !(await lockXactWithin(tx, LOCK_SPACE.unitYear, busy, waitMs))) {
    throw appError("conflict", "lock.busy");
  }
}

/** The lock of one unit of approval's year (a transition), waiting at most UNIT_YEAR_WAIT_MS. */
export const lockUnitYear = (tx: Prisma.TransactionClient, unitId: number, year: number) =>
  lockKeys(tx, Prisma.sql`SELECT ${unitId}::int AS unit_id, ${year}::int AS year`, UNIT_YEAR_WAIT_MS);

/** The locks of every unit-year these places fall in (their areas' units of approval). */
export async function lockUnitYears(
  tx: Prisma.TransactionClient,
  places: readonly LockPlace[],
  waitMs?: number,
): Promise<void> {
  const distinct = new Map<string, { area: number; year: number }>();
  for (const p of places)
    if (p.areaId !== null) distinct.set(`${p.areaId}/${p.year}`, { area: p.areaId, year: p.year });
  if (distinct.size === 0) return;
  await lockKeys(tx, unitYearsOf([...distinct.values()]), waitMs);
}

/**
 * The check of a record write, in its transaction: takes the locks of the unit-years it touches
 * (any of `places`: a record before and after), then refuses the write if one is submitted or approved.
 */
export async function assertUnlocked(tx: Prisma.TransactionClient, places: readonly LockPlace[]): Promise<void> {
  await lockUnitYears(tx, places, UNIT_YEAR_WAIT_MS);
  const [first] = await lockedRows(tx, places);
  if (first) throw first.error;
}

/** A record's year from its date ("2025-08-14") or its year (awards). */
export const yearOf = (date: string | Date | number): number =>
  typeof date === "number" ? date : Number((typeof date === "string" ? date : isoOf(date)).slice(0, 4));
