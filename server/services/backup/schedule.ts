import fs from "node:fs";
import path from "node:path";
import type { Db } from "../../db.ts";
import { repeatEvery } from "../../repeat.ts";
import { backupFileName, backupToFile } from "./dump.ts";
import type { BackupHeader } from "./format.ts";
import type { BackupSource } from "./snapshot.ts";

/**
 * Automatic daily backups in `$DATA_DIR/backups`, kept `BACKUP_KEEP_DAYS` days (0: none made).
 * Checked hourly rather than fired every 24 h, so a server restarted often still backs up daily.
 */
const BACKUP_FILE = /^qt-backup-\d{8}-\d{6}\.jsonl\.gz$/;
const DAY = 24 * 60 * 60 * 1000;

export const backupsDir = (dataDir: string) => path.join(dataDir, "backups");

/** The product's backups in `dir`, newest first. */
export function listBackups(dir: string): { file: string; mtime: Date }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => BACKUP_FILE.test(f))
    .map((f) => ({ file: path.join(dir, f), mtime: fs.statSync(path.join(dir, f)).mtime }))
    .sort((a, b) => b.mtime.getTime() - a.mtime.getTime());
}

/** Deletes backups older than `keepDays`, never the newest one; other files are left alone. */
export function pruneBackups(dir: string, keepDays: number, now = new Date()): string[] {
  const [, ...older] = listBackups(dir);
  const removed = older.filter((b) => now.getTime() - b.mtime.getTime() > keepDays * DAY).map((b) => b.file);
  for (const f of removed) fs.rmSync(f, { force: true });
  return removed;
}

/** Makes a backup when the newest is a day old or missing, then prunes; returns the new file, if any. */
export async function dailyBackup(
  db: Db,
  kind: BackupHeader["database"],
  dataDir: string,
  keepDays: number,
  now = new Date(),
  snapshot?: BackupSource["snapshot"],
): Promise<string | null> {
  const dir = backupsDir(dataDir);
  const newest = listBackups(dir)[0];
  if (newest && now.getTime() - newest.mtime.getTime() < DAY) return null;
  const file = path.join(dir, backupFileName(now));
  await backupToFile(db, kind, file, snapshot);
  pruneBackups(dir, keepDays, now);
  return file;
}

/**
 * Runs dailyBackup a minute after start, then every hour. Returns the stop function.
 * `quiet` says whether now is a good moment (a caller that wants one: the server no longer does,
 * since a backup reads a snapshot and does not hold the embedded database; decision 030). A backup
 * that is not quiet is tried again every `retryMs`, and made anyway after `maxWaitMs`.
 */
export function scheduleDailyBackups(
  run: () => Promise<unknown>,
  opts: { firstAfterMs?: number; everyMs?: number; quiet?: () => boolean; retryMs?: number; maxWaitMs?: number } = {},
): () => void {
  let running = false;
  let waitingSince: number | null = null;
  let retry: NodeJS.Timeout | undefined;
  const tick = async () => {
    if (running) return;
    clearTimeout(retry);
    if (opts.quiet && !opts.quiet()) {
      waitingSince ??= Date.now();
      if (Date.now() - waitingSince < (opts.maxWaitMs ?? 6 * 60 * 60_000)) {
        retry = setTimeout(tick, opts.retryMs ?? 60_000);
        retry.unref();
        return;
      }
    }
    waitingSince = null;
    running = true;
    try {
      await run();
    } finally {
      running = false;
    }
  };
  const stop = repeatEvery(tick, opts.firstAfterMs ?? 60_000, opts.everyMs ?? 60 * 60_000);
  return () => {
    stop();
    clearTimeout(retry);
  };
}
