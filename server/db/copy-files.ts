import fs from "node:fs";
import path from "node:path";

/**
 * The file copy behind a snapshot of the embedded database (decision 030), in two passes so that
 * requests wait for the second only. `copyAll`, while the database runs: every file, with its
 * size and modification time as seen before its copy. `catchUp`, in the database's turn after a
 * CHECKPOINT: copies again every file that was written since the first pass began (or may have
 * been: a time within MARGIN_MS of its start, for file systems whose clocks are coarse), copies
 * new files and removes deleted ones. Files untouched since before the first pass began are the
 * same in both. All I/O is asynchronous (libuv's thread pool): the event loop stays free.
 */
export type FirstPass = { started: number; seen: Map<string, { size: number; mtimeMs: number }> };

const MARGIN_MS = 2000;

/** Every file under `root`, relative; creates each directory (even an empty one) under `into`. */
async function filesOf(root: string, into: string, rel = ""): Promise<string[]> {
  await fs.promises.mkdir(path.join(into, rel), { recursive: true, mode: 0o700 });
  const out: string[] = [];
  for (const entry of await fs.promises.readdir(path.join(root, rel), { withFileTypes: true })) {
    const name = path.join(rel, entry.name);
    if (entry.isDirectory()) out.push(...(await filesOf(root, into, name)));
    else if (entry.isFile()) out.push(name);
  }
  return out;
}

const gone = (err: unknown) => (err as NodeJS.ErrnoException).code === "ENOENT";

async function copyOne(from: string, to: string, rel: string) {
  await fs.promises.copyFile(path.join(from, rel), path.join(to, rel), fs.constants.COPYFILE_FICLONE);
}

export async function copyAll(from: string, to: string): Promise<FirstPass> {
  const started = Date.now();
  const seen: FirstPass["seen"] = new Map();
  for (const rel of await filesOf(from, to)) {
    try {
      const { size, mtimeMs } = await fs.promises.stat(path.join(from, rel));
      await copyOne(from, to, rel);
      seen.set(rel, { size, mtimeMs });
    } catch (err) {
      if (!gone(err)) throw err; // removed meanwhile: the second pass decides
    }
  }
  return { started, seen };
}

export async function catchUp(from: string, to: string, first: FirstPass): Promise<void> {
  const now = new Set(await filesOf(from, to));
  for (const rel of now) {
    const { size, mtimeMs } = await fs.promises.stat(path.join(from, rel));
    const before = first.seen.get(rel);
    const same = before && before.size === size && before.mtimeMs === mtimeMs && mtimeMs < first.started - MARGIN_MS;
    if (!same) await copyOne(from, to, rel);
  }
  for (const rel of first.seen.keys()) {
    if (!now.has(rel)) await fs.promises.rm(path.join(to, rel), { force: true });
  }
}
