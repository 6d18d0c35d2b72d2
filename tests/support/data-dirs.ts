import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";

/**
 * Prepared data directories of the embedded database (decision 043, follow-up 4): the tests of
 * processes that open a data directory (CLIs, the server, openDatabase) but are not about its first
 * start begin on a copy of one made once per run, as the e2e project's servers do (decision 040),
 * instead of each running initdb, the migrations and the seed (about 10 s of CPU each).
 */
export type PreparedDataDir = "reference" | "demo";

declare module "vitest" {
  interface ProvidedContext {
    /** The folder holding `reference/` and `demo/`; "" when none was made (the PostgreSQL run). */
    preparedDataDirs: string;
  }
}

const root = path.resolve(import.meta.dirname, "../..");

/**
 * globalSetup: makes them in a process of its own (tests/support/prepare-data-dirs.ts), beside the
 * templates that the globalSetup builds on its own core meanwhile.
 */
export async function prepareDataDirs(): Promise<{ dir: string; remove: () => void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qt-prepared-"));
  const script = path.join(root, "tests/support/prepare-data-dirs.ts");
  const child = spawn(process.execPath, ["--import", "tsx", script, dir], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (c) => {
    output += c;
  });
  child.stderr.on("data", (c) => {
    output += c;
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (code !== 0) throw new Error(`the prepared data directories were not made (exit ${code}):\n${output}`);
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A copy of the prepared data directory `which` at `to` (made if missing, and empty), for a test
 * file; false when the run has none (the PostgreSQL run), where the process makes `to` itself.
 */
export function copyPreparedDataDir(which: PreparedDataDir, to: string): boolean {
  const from = inject("preparedDataDirs");
  if (!from) return false;
  fs.cpSync(path.join(from, which), to, { recursive: true });
  return true;
}
