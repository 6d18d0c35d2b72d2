import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedReference } from "../../prisma/seed/reference.ts";
import { backupFileName } from "../../server/services/backup/dump.ts";
import { verifyBackup } from "../../server/services/backup/format.ts";
import {
  backupsDir,
  dailyBackup,
  listBackups,
  pruneBackups,
  scheduleDailyBackups,
} from "../../server/services/backup/schedule.ts";
import { createTestDb, type TestDb } from "../support/db.ts";

// Automatic daily backups in $DATA_DIR/backups, kept BACKUP_KEEP_DAYS days.

const DAY = 24 * 60 * 60 * 1000;
const dirs: string[] = [];
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedReference(t.db);
}, 120_000);
afterAll(async () => {
  await t?.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "qt-backups-"));
  dirs.push(d);
  return d;
};

/** A backup-named file dated `daysAgo` before `now`. */
function oldBackup(dir: string, now: Date, daysAgo: number): string {
  const at = new Date(now.getTime() - daysAgo * DAY);
  const file = path.join(dir, backupFileName(at));
  fs.writeFileSync(file, "");
  fs.utimesSync(file, at, at);
  return file;
}

describe("automatic backups", () => {
  it("prunes backups older than the retention, keeps the newest and leaves other files alone", () => {
    const dir = tmp();
    const now = new Date("2026-11-29T02:00:00Z");
    const kept = [1, 3, 6.9].map((d) => oldBackup(dir, now, d));
    const old = [7.1, 30].map((d) => oldBackup(dir, now, d));
    fs.writeFileSync(path.join(dir, "notes.txt"), "mine");
    fs.utimesSync(path.join(dir, "notes.txt"), new Date(0), new Date(0));

    expect(pruneBackups(dir, 7, now).sort()).toEqual(old.sort());
    expect(listBackups(dir).map((b) => b.file)).toEqual(kept);
    expect(fs.existsSync(path.join(dir, "notes.txt"))).toBe(true);

    // Even past the retention, the last backup there is stays.
    const lonely = tmp();
    const only = oldBackup(lonely, now, 100);
    expect(pruneBackups(lonely, 7, now)).toEqual([]);
    expect(fs.existsSync(only)).toBe(true);
  });

  it("makes one backup a day, private, and prunes those past the retention", async () => {
    const dataDir = tmp();
    const dir = backupsDir(dataDir);
    const now = new Date();
    const first = await dailyBackup(t.db, t.kind, dataDir, 7, now);
    expect(first).not.toBeNull();
    expect(fs.statSync(first ?? "").mode & 0o777).toBe(0o600);
    expect((await verifyBackup(first ?? "")).end.rows).toBeGreaterThan(100);

    // Within a day: nothing more.
    expect(await dailyBackup(t.db, t.kind, dataDir, 7, new Date(now.getTime() + (23 * DAY) / 24))).toBeNull();

    // A stale one from ten days ago is pruned when the next day's backup is made.
    const stale = oldBackup(dir, now, 10);
    const next = await dailyBackup(t.db, t.kind, dataDir, 7, new Date(now.getTime() + DAY + 60_000));
    expect(next).not.toBeNull();
    expect(fs.existsSync(stale)).toBe(false);
    expect(
      listBackups(dir)
        .map((b) => b.file)
        .sort(),
    ).toEqual([first, next].sort());
  }, 120_000);

  it("waits for a quiet moment (the embedded database serves nothing during a backup), but not forever", async () => {
    vi.useFakeTimers();
    try {
      let quiet = false;
      let runs = 0;
      const stop = scheduleDailyBackups(async () => runs++, {
        firstAfterMs: 60_000,
        everyMs: 3_600_000,
        quiet: () => quiet,
        retryMs: 60_000,
        maxWaitMs: 600_000,
      });
      await vi.advanceTimersByTimeAsync(5 * 60_000);
      expect(runs).toBe(0);
      quiet = true;
      await vi.advanceTimersByTimeAsync(60_000);
      expect(runs).toBe(1);
      // Busy from then on: the hourly check waits, and backs up anyway after maxWaitMs.
      quiet = false;
      await vi.advanceTimersByTimeAsync(3_600_000 - 6 * 60_000 + 9 * 60_000);
      expect(runs).toBe(1);
      await vi.advanceTimersByTimeAsync(2 * 60_000);
      expect(runs).toBe(2);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
