import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { secureDataDir } from "../../server/db/data-dir.ts";
import { openDatabase } from "../../server/db/open.ts";
import { readEnv } from "../../server/env.ts";

// Issue 14, finding 6: files under $DATA_DIR/pg were 0666 (968 of 1,052), readable and writable by
// every account on the host.

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "qt-modes-"));
  dirs.push(d);
  return d;
};

/** Paths under `dir` (itself included) that group or others may use, with their modes. */
function openToOthers(dir: string): string[] {
  const found: string[] = [];
  const walk = (p: string) => {
    const st = fs.lstatSync(p);
    if ((st.mode & 0o077) !== 0) found.push(`${path.relative(dir, p) || "."} ${(st.mode & 0o777).toString(8)}`);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
  };
  walk(dir);
  return found;
}

describe("data directory permissions", () => {
  it("makes an open directory private (0700, files 0600) and reports that it was open", () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, "pg", "base"), { recursive: true });
    fs.writeFileSync(path.join(dir, "pg", "base", "1234"), "x");
    fs.writeFileSync(path.join(dir, "admin-password.txt"), "secret");
    for (const p of ["", "pg", "pg/base"]) fs.chmodSync(path.join(dir, p), 0o777);
    for (const p of ["pg/base/1234", "admin-password.txt"]) fs.chmodSync(path.join(dir, p), 0o666);
    expect(openToOthers(dir)).toHaveLength(5);

    expect(secureDataDir(dir)).toEqual({ wasOpen: true, fixed: 5 });
    expect(openToOthers(dir)).toEqual([]);
    expect(fs.statSync(path.join(dir, "pg")).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dir, "admin-password.txt")).mode & 0o777).toBe(0o600);
    expect(secureDataDir(dir)).toEqual({ wasOpen: false, fixed: 0 });
  });

  it("leaves nothing open to other accounts after the embedded database is created, used and closed", async () => {
    const dataDir = path.join(tmp(), "data");
    const env = readEnv({ DATA_DIR: dataDir, SEED_DEMO: "false", NODE_ENV: "test" });
    const opened = await openDatabase(env);
    try {
      expect(await opened.db.adminUnit.count()).toBeGreaterThan(100);
      expect(fs.readdirSync(path.join(dataDir, "pg")).length).toBeGreaterThan(5);
      expect(openToOthers(dataDir)).toEqual([]);
    } finally {
      await opened.close();
    }
    expect(openToOthers(dataDir)).toEqual([]);
  }, 180_000);
});
