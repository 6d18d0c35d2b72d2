import type { DatabaseKind, Db } from "../../db.ts";
import { hashToken } from "../accounts/sessions.ts";

/**
 * How far a long upload or commit has got, for the screen's progress bar (decisions 024, 042). A
 * job belongs to the session that started it (the hash of its cookie): nobody else can read it.
 * Where it is kept depends on the database:
 * - embedded (PGlite, one process): in memory. A poll that asked the database would wait behind
 *   the very transaction it reports on, and no other server can exist.
 * - PostgreSQL: in the `import_progress` table, written outside the import's transaction (the
 *   pool's other connection), so that any app server of the database answers the poll: behind a
 *   load balancer, the upload may reach one server and the poll or the commit another.
 */
export type ImportPhase = "reading" | "checking" | "saving" | "writing" | "done" | "failed";
export type ImportProgress = { phase: ImportPhase; processed: number; total: number | null };

/** Where progress is kept: the process's memory or the shared table. */
export type ProgressPlace = { db: Db; dbKind: DatabaseKind };

/** A finished job is kept this long, so the last poll sees "done" or "failed". */
const KEEP_MS = 60_000;
/** Jobs one session keeps: a person runs one or two imports at a time. */
export const MAX_JOBS_PER_SESSION = 8;
/** Sessions with jobs (memory): past this, a new session's job is not reported (nobody else's is dropped). */
const MAX_SESSIONS = 5_000;
/** A job not updated for this long is dead (its server was stopped): a new one may take its key. */
const STALE_MS = 10 * 60_000;
/** Rows older than this are deleted as new jobs start (table). */
const DROP_AFTER_MS = 60 * 60_000;
/** The table is written at most this often per job while it runs (a phase change is written at once). */
const WRITE_EVERY_MS = 250;

/** A client's name for its upload: long and random enough not to be guessed or collide. */
export const PROGRESS_ID = /^[A-Za-z0-9_-]{16,64}$/;
export const uploadKey = (progressId: string) => `upload:${progressId}`;
export const batchKey = (batchId: number) => `batch:${batchId}`;

export type Tracker = {
  set: (phase: ImportPhase, processed: number, total: number | null) => void;
  /** Ends the job; resolves once its last state is kept, so the answer that follows never outruns it. */
  end: (ok: boolean) => void | Promise<void>;
};

/** Nothing to report to (no session, e.g. a test calling the service): the work runs the same. */
export const NO_TRACKER: Tracker = { set: () => {}, end: () => {} };

const finished = (phase: ImportPhase) => phase === "done" || phase === "failed";

/**
 * Starts reporting a job under `key` for the session with this cookie token. Call it once the
 * caller is known to own the work (a commit: after the batch's ownership check). A job of the same
 * key still running (the same commit sent twice) keeps its place; the second is not reported.
 */
export async function track(
  place: ProgressPlace,
  key: string,
  sessionToken: string | undefined,
  first: ImportPhase = "reading",
): Promise<Tracker> {
  if (!sessionToken) return NO_TRACKER;
  const session = hashToken(sessionToken);
  return place.dbKind === "postgresql"
    ? trackInTable(place.db, session, key, first)
    : trackInMemory(session, key, first);
}

/** Reports the job to the session that started it; anyone else (or an unknown key) gets null. */
export async function progressOf(
  place: ProgressPlace,
  key: string,
  sessionToken: string | undefined,
): Promise<ImportProgress | null> {
  if (!sessionToken) return null;
  const session = hashToken(sessionToken);
  if (place.dbKind !== "postgresql") {
    const job = jobs.get(session)?.get(key);
    return job ? { phase: job.phase, processed: job.processed, total: job.total } : null;
  }
  const rows = await place.db.$queryRaw<ImportProgress[]>`
    SELECT phase, processed, total FROM import_progress WHERE session_hash = ${session} AND key = ${key}`;
  const row = rows[0];
  return row ? { phase: row.phase, processed: row.processed, total: row.total } : null;
}

/** Runs `work` under a tracker that ends as the work does. */
export async function tracked<T>(tracker: Tracker, work: () => Promise<T>): Promise<T> {
  try {
    const result = await work();
    await tracker.end(true);
    return result;
  } catch (err) {
    await tracker.end(false);
    throw err;
  }
}

// ---- memory (embedded database: one process) ----

/**
 * Jobs by their session's hash, then key: a job cannot be overwritten or read from another
 * session, and a session that starts many jobs drops only its own oldest ones.
 */
const jobs = new Map<string, Map<string, ImportProgress>>();

function trackInMemory(session: string, key: string, first: ImportPhase): Tracker {
  let own = jobs.get(session);
  if (!own) {
    if (jobs.size >= MAX_SESSIONS) return NO_TRACKER;
    own = new Map();
    jobs.set(session, own);
  }
  const running = own.get(key);
  if (running && !finished(running.phase)) return NO_TRACKER;
  own.delete(key);
  if (own.size >= MAX_JOBS_PER_SESSION) own.delete(own.keys().next().value as string);
  const job: ImportProgress = { phase: first, processed: 0, total: null };
  own.set(key, job);
  return {
    set: (phase, processed, total) => Object.assign(job, { phase, processed, total }),
    end: (ok) => {
      Object.assign(job, ok ? { phase: "done", processed: job.total ?? job.processed } : { phase: "failed" });
      setTimeout(() => {
        if (own.get(key) !== job) return;
        own.delete(key);
        if (own.size === 0 && jobs.get(session) === own) jobs.delete(session);
      }, KEEP_MS).unref();
    },
  };
}

// ---- table (PostgreSQL: any number of app servers) ----

async function trackInTable(db: Db, session: string, key: string, first: ImportPhase): Promise<Tracker> {
  const now = Date.now();
  await db.$executeRaw`DELETE FROM import_progress WHERE updated_at < ${new Date(now - DROP_AFTER_MS)}`;
  // A session's oldest jobs beyond its allowance go first, as in memory.
  await db.$executeRaw`
    DELETE FROM import_progress WHERE session_hash = ${session} AND key <> ${key} AND key NOT IN (
      SELECT key FROM import_progress WHERE session_hash = ${session} AND key <> ${key}
       ORDER BY updated_at DESC LIMIT ${MAX_JOBS_PER_SESSION - 1})`;
  // Taken only if free, finished, or dead: the same commit sent twice keeps the first's place.
  const claimed = await db.$queryRaw<{ key: string }[]>`
    INSERT INTO import_progress (session_hash, key, phase, processed, total, updated_at)
    VALUES (${session}, ${key}, ${first}, 0, NULL, clock_timestamp())
    ON CONFLICT (session_hash, key) DO UPDATE
       SET phase = EXCLUDED.phase, processed = 0, total = NULL, updated_at = clock_timestamp()
     WHERE import_progress.phase IN ('done', 'failed') OR import_progress.updated_at < ${new Date(now - STALE_MS)}
    RETURNING key`;
  if (claimed.length === 0) return NO_TRACKER;

  // Writes go one after the other (a later one never lands before an earlier); while the job runs,
  // only the latest values are written, at most every WRITE_EVERY_MS. Progress is a courtesy: a
  // failed write is dropped, the import goes on.
  let chain: Promise<unknown> = Promise.resolve();
  let latest: ImportProgress = { phase: first, processed: 0, total: null };
  let lastWrite = 0;
  let queued = false;
  const write = () => {
    queued = false;
    lastWrite = Date.now();
    const { phase, processed, total } = latest;
    chain = chain
      .then(
        () => db.$executeRaw`
          UPDATE import_progress SET phase = ${phase}, processed = ${processed}, total = ${total}, updated_at = clock_timestamp()
           WHERE session_hash = ${session} AND key = ${key}`,
      )
      .catch(() => {});
  };
  return {
    set: (phase, processed, total) => {
      const changed = phase !== latest.phase;
      latest = { phase, processed, total };
      if (changed || Date.now() - lastWrite >= WRITE_EVERY_MS) write();
      else if (!queued) {
        queued = true;
        setTimeout(() => queued && write(), WRITE_EVERY_MS).unref();
      }
    },
    end: (ok) => {
      latest = ok
        ? { ...latest, phase: "done", processed: latest.total ?? latest.processed }
        : { ...latest, phase: "failed" };
      write();
      return chain.then(() => {});
    },
  };
}
