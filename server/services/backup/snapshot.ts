import { type ChildProcessByStdio, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import type { Db } from "../../db.ts";
import type { BackupHeader } from "./format.ts";

/**
 * What a backup reads (decision 030). PostgreSQL: the live database, in one REPEATABLE READ READ
 * ONLY transaction on one connection of the pool — its snapshot is consistent and other requests
 * use the other connections. The embedded database has one connection, which a transaction would
 * hold for the whole backup (48 s for 270,000 rows): the backup reads a copy of its files taken in
 * one turn (adapter.ts `snapshot`), opened by a second, private PGlite in a process of its own
 * (snapshot-reader.ts; decision 047), and removed afterwards.
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

/**
 * The reader's process. From the sources (tsx, tests) through a small loader; in the bundle, whose
 * `import.meta.url` names this file's place in the repository beside `app/` (scripts/bundle),
 * compiled to `app/backup-reader.mjs` and run by the same Node.js as the server.
 */
function startReader(dir: string): ChildProcessByStdio<null, Readable, Readable> {
  const source = new URL("./snapshot-reader.ts", import.meta.url);
  const args = fs.existsSync(fileURLToPath(source))
    ? [fileURLToPath(new URL("./snapshot-reader-boot.mjs", import.meta.url)), source.href, dir]
    : [fileURLToPath(new URL("../../../app/backup-reader.mjs", import.meta.url)), dir];
  return spawn(process.execPath, args, {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, LOG_LEVEL: "silent" },
  });
}

/** Writes the gzip'd backup of the snapshot in `dir` to `out`, read by a process of its own; ends `out`. */
async function readInProcess(dir: string, out: Writable): Promise<void> {
  const reader = startReader(dir);
  let stderr = "";
  reader.stderr.on("data", (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-2000);
  });
  const exited = new Promise<number | null>((resolve) => reader.once("close", (code) => resolve(code)));
  try {
    // pipeline: the destination's backpressure pauses the pipe, and a destination closed half-way
    // (a killed `pnpm backup`) rejects at once.
    await pipeline(reader.stdout, out);
    const code = await exited;
    if (code !== 0) throw new Error(`the backup reader stopped (exit ${code}): ${stderr}`);
  } catch (err) {
    out.destroy();
    throw err;
  } finally {
    if (reader.exitCode === null) reader.kill("SIGKILL");
  }
}

/**
 * Writes a backup of `source` to `out` (gzip'd) with `write` — on the live database — or, for a
 * running server on the embedded database, from a snapshot read by a process of its own. Requests wait
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
    await readInProcess(path.join(dir, "pg"), out);
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}
