import { hashToken } from "../accounts/sessions.ts";

/**
 * How far a long upload or commit has got, for the screen's progress bar (decision 024). Kept in
 * memory, not in the database: on the embedded database a poll that asked the database would wait
 * behind the very transaction it reports on. A job belongs to the session that started it (the
 * hash of its cookie), so the poll is answered without a query and nobody else can read it.
 */
export type ImportPhase = "reading" | "checking" | "saving" | "writing" | "done" | "failed";
export type ImportProgress = { phase: ImportPhase; processed: number; total: number | null };
/**
 * Jobs by their session's hash, then key: a job cannot be overwritten or read from another
 * session, and a session that starts many jobs drops only its own oldest ones.
 */
const jobs = new Map<string, Map<string, ImportProgress>>();
/** A finished job is kept this long, so the last poll sees "done" or "failed". */
const KEEP_MS = 60_000;
/** Jobs one session keeps: a person runs one or two imports at a time. */
export const MAX_JOBS_PER_SESSION = 8;
/** Sessions with jobs: past this, a new session's job is not reported (nobody else's is dropped). */
const MAX_SESSIONS = 5_000;

/** A client's name for its upload: long and random enough not to be guessed or collide. */
export const PROGRESS_ID = /^[A-Za-z0-9_-]{16,64}$/;
export const uploadKey = (progressId: string) => `upload:${progressId}`;
export const batchKey = (batchId: number) => `batch:${batchId}`;

export type Tracker = {
  set: (phase: ImportPhase, processed: number, total: number | null) => void;
  end: (ok: boolean) => void;
};

/** Nothing to report to (no session, e.g. a test calling the service): the work runs the same. */
export const NO_TRACKER: Tracker = { set: () => {}, end: () => {} };

/**
 * Starts reporting a job under `key` for the session with this cookie token. Call it once the
 * caller is known to own the work (a commit: after the batch's ownership check). A job of the same
 * key still running (the same commit sent twice) keeps its place; the second is not reported.
 */
export function track(key: string, sessionToken: string | undefined, first: ImportPhase = "reading"): Tracker {
  if (!sessionToken) return NO_TRACKER;
  const session = hashToken(sessionToken);
  let own = jobs.get(session);
  if (!own) {
    if (jobs.size >= MAX_SESSIONS) return NO_TRACKER;
    own = new Map();
    jobs.set(session, own);
  }
  const running = own.get(key);
  if (running && running.phase !== "done" && running.phase !== "failed") return NO_TRACKER;
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

/** Reports the job to the session that started it; anyone else (or an unknown key) gets null. */
export function progressOf(key: string, sessionToken: string | undefined): ImportProgress | null {
  const job = sessionToken ? jobs.get(hashToken(sessionToken))?.get(key) : undefined;
  return job ? { phase: job.phase, processed: job.processed, total: job.total } : null;
}

/** Runs `work` under a tracker that ends as the work does. */
export async function tracked<T>(tracker: Tracker, work: () => Promise<T>): Promise<T> {
  try {
    const result = await work();
    tracker.end(true);
    return result;
  } catch (err) {
    tracker.end(false);
    throw err;
  }
}
