import fs from "node:fs";
import path from "node:path";
import { isMainThread } from "node:worker_threads";

/**
 * The data directory holds password and session hashes, the admin's first password and backups:
 * only the account running the product may read it. PGlite creates its files 0666 whatever the
 * umask (measured: 968 of 1,052), so the directory's own mode (0700) is what keeps other users
 * out; files are tightened to 0600 as well, on start and on close, so that a directory copied or
 * loosened by hand later does not expose them either. See docs/decisions/012.
 */
export type DataDirCheck = { wasOpen: boolean; fixed: number };

const OPEN_BITS = 0o077;

/** Creates `dataDir` 0700 if missing, and makes it and everything in it private. */
export function secureDataDir(dataDir: string): DataDirCheck {
  // Whatever this process creates from now on (backups, the admin password file) is private.
  // (Worker threads may not change it; the product never opens a data directory from one.)
  if (isMainThread) process.umask(0o077);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const wasOpen = (fs.statSync(dataDir).mode & OPEN_BITS) !== 0;
  return { wasOpen, fixed: tighten(dataDir) };
}

/** Removes group and other permissions from `dir` and everything under it; returns how many changed. */
function tighten(dir: string): number {
  let fixed = 0;
  const fix = (file: string) => {
    const mode = fs.statSync(file).mode;
    if ((mode & OPEN_BITS) === 0) return;
    fs.chmodSync(file, mode & 0o700);
    fixed += 1;
  };
  fix(dir);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue; // chmod would follow it out of the directory
    try {
      if (entry.isDirectory()) fixed += tighten(file);
      else fix(file);
    } catch (err) {
      // A running database removes its temporary files at any moment.
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    }
  }
  return fixed;
}
