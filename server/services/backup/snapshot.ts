import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Db } from "../../db.ts";
import type { BackupHeader } from "./format.ts";

/**
 * What a backup reads (decision 030). PostgreSQL: the live database, in one REPEATABLE READ READ
 * ONLY transaction on one connection of the pool — its snapshot is consistent and other requests
 * use the other connections. The embedded database has one connection, which a transaction would
 * hold for the whole backup (48 s for 270,000 rows): the backup reads a copy of its files taken in
 * one turn (adapter.ts `snapshot`), opened by a second, private PGlite in a worker thread
 * (snapshot-reader.ts), and removed afterwards.
 */
export type BackupSource = {
  db: Db;
  kind: BackupHeader["database"];
  /** Set for a running server on the embedded database: where snapshots go, and how to take one. */
  snapshot?: { dataDir: string; take: (into: string) => Promise<void> };
};

export const snapshotsDir = (dataDir: string) => path.join(dataDir, "snapshots");

/** Snapshots left by a crash are only copies: removed at start-up. */
export function removeSnapshots(dataDir: string): void {
  fs.rmSync(snapshotsDir(dataDir), { recursive: true, force: true });
}

/** What the reader's worker (snapshot-reader.ts) sends: the backup's gzip'd bytes, then done or an error. */
export type ReaderMessage = { chunk: Uint8Array } | { error: string } | { done: true };

/**
 * The reader's worker. From the sources (tsx, tests) through a small loader; in the bundle, whose
 * `import.meta.url` names this file's place in the repository beside `app/` (scripts/bundle),
 * compiled to `app/backup-reader.mjs`.
 */
function startReader(dir: string): Worker {
  const source = new URL("./snapshot-reader.ts", import.meta.url);
  if (fs.existsSync(fileURLToPath(source))) {
    return new Worker(new URL("./snapshot-reader-boot.mjs", import.meta.url), {
      workerData: { entry: source.href, dir },
    });
  }
  return new Worker(new URL("../../../app/backup-reader.mjs", import.meta.url), { workerData: { dir } });
}

/** Writes the gzip'd backup of the snapshot in `dir` to `out`, read by a worker thread; ends `out`. */
async function readInWorker(dir: string, out: Writable): Promise<void> {
  const worker = startReader(dir);
  let done = false;
  try {
    await new Promise<void>((resolve, reject) => {
      worker.on("message", (m: ReaderMessage) => {
        if ("chunk" in m) {
          if (out.write(m.chunk)) worker.postMessage("more");
          else out.once("drain", () => worker.postMessage("more"));
        } else if ("error" in m) reject(new Error(m.error));
        else {
          done = true;
          resolve();
        }
      });
      worker.on("error", reject);
      worker.on("exit", (code) => reject(new Error(`the backup reader stopped (exit ${code})`)));
      // A reader gone half-way (a killed `pnpm backup`): stop reading at once.
      out.on("error", reject);
      out.on("close", () => {
        if (!done) reject(new Error("backup destination closed"));
      });
    });
    out.end();
    await finished(out);
  } catch (err) {
    out.destroy();
    throw err;
  } finally {
    await worker.terminate();
  }
}

/**
 * Writes a backup of `source` to `out` (gzip'd) with `write` — on the live database — or, for a
 * running server on the embedded database, from a snapshot read in a worker thread. Requests wait
 * only for the snapshot's turn (a CHECKPOINT and the catch-up copy, copy-files.ts).
 */
export async function backupFrom(
  source: BackupSource,
  out: Writable,
  write: (db: Db, kind: BackupHeader["database"], out: Writable) => Promise<void>,
): Promise<void> {
  if (!source.snapshot) return write(source.db, source.kind, out);
  const dir = path.join(snapshotsDir(source.snapshot.dataDir), randomUUID());
  // Made synchronously (one small call) so that the snapshot's turn is asked for at once: the
  // backup is the moment it was asked for, before any request that comes after.
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    await source.snapshot.take(path.join(dir, "pg"));
    await readInWorker(path.join(dir, "pg"), out);
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}
