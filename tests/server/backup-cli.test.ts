import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createGunzip } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../e2e/helpers/server.ts";
import { copyPreparedDataDir } from "../support/data-dirs.ts";
import { freePort } from "../support/postgres.mjs";

// `pnpm backup` and `pnpm restore` as an operator runs them: real processes, against a real server
// that keeps running on its embedded database; and (in the PostgreSQL run) the move from the
// embedded database to PostgreSQL with the same two commands.

const root = path.resolve(import.meta.dirname, "../..");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "qt-backup-cli-"));
let server: RunningServer;
beforeAll(async () => {
  // On a copy of a folder a default first start made (demo records; tests/support/data-dirs.ts)
  // where the PGlite run has one, instead of migrating and seeding a new one.
  const dataDir = path.join(work, "server");
  const prepared = copyPreparedDataDir("demo", dataDir);
  server = await startServer({ NODE_ENV: "development", BACKUP_KEEP_DAYS: "0" }, prepared ? { dataDir } : {});
}, 300_000);
afterAll(async () => {
  await server?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

function cli(name: "backup" | "restore", args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", "tsx", path.join(root, `server/cli/${name}.ts`), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "", LOG_LEVEL: "warn", ...env },
    timeout: 180_000,
  });
}

/** What a backup holds, per table (rows sorted) and per sequence: equal means the same database. */
function contents(file: string): Promise<Record<string, string[]>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    fs.createReadStream(file)
      .pipe(createGunzip())
      .on("data", (c: Buffer) => chunks.push(c))
      .on("error", reject)
      .on("end", () => {
        const out: Record<string, string[]> = {};
        let table = "";
        const push = (key: string, value: string) => {
          const list = out[key] ?? [];
          list.push(value);
          out[key] = list;
        };
        for (const l of Buffer.concat(chunks).toString("utf8").trimEnd().split("\n")) {
          const [kind, body = ""] = [l.slice(0, 1), l.slice(2)];
          if (kind === "T") table = (JSON.parse(body) as { table: string }).table;
          if (kind === "R") push(table, body);
          if (kind === "S") push("sequences", body);
        }
        for (const rows of Object.values(out)) rows.sort();
        resolve(out);
      });
  });
}

const first = path.join(work, "running.jsonl.gz");

describe("pnpm backup and pnpm restore", () => {
  it("backs up while the server runs, into a file only its owner can read", async () => {
    const r = cli("backup", ["--out", first], { DATA_DIR: server.dataDir });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Đã sao lưu \d+ dòng của \d+ bảng/);
    expect(fs.statSync(first).mode & 0o777).toBe(0o600);
    const c = await contents(first);
    expect(c.site?.length).toBeGreaterThan(100);
    expect(c.app_user?.length).toBe(1);
    // The server still answers.
    expect((await fetch(`${server.url}/api/health`)).ok).toBe(true);
  }, 180_000);

  // A process on an embedded database: the same in either run, so only the PGlite one runs it.
  it.skipIf(process.env.TEST_DATABASE_URL)(
    "restores into a new data directory: the same records, ids and next ids",
    async () => {
      const dataDir = path.join(work, "restored");
      const r = cli("restore", [first], { DATA_DIR: dataDir });
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      // Backed up again with no server running (the CLI opens the directory under its lock).
      const again = path.join(work, "again.jsonl.gz");
      expect(cli("backup", ["--out", again], { DATA_DIR: dataDir }).status).toBe(0);
      expect(await contents(again)).toEqual(await contents(first));
    },
    300_000,
  );

  it.skipIf(process.env.TEST_DATABASE_URL)(
    "refuses a running server's directory, and a non-empty one unless --force",
    async () => {
      const busy = cli("restore", [first], { DATA_DIR: server.dataDir });
      expect(busy.status).toBe(1);
      expect(busy.stderr).toContain("đang được tiến trình");

      const dataDir = path.join(work, "restored");
      const refused = cli("restore", [first], { DATA_DIR: dataDir });
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain("Cơ sở dữ liệu đích đã có dữ liệu");

      const forced = cli("restore", [first, "--force"], { DATA_DIR: dataDir });
      expect(forced.stderr).toBe("");
      expect(forced.status).toBe(0);
    },
    300_000,
  );

  it.skipIf(process.env.TEST_DATABASE_URL)(
    "(the lock) refuses a second server on the running server's data directory, naming it",
    async () => {
      const port = String(await freePort());
      const second = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "server/main.ts")], {
        cwd: root,
        encoding: "utf8",
        env: { ...process.env, DATA_DIR: server.dataDir, DATABASE_URL: "", PORT: port, LOG_LEVEL: "info" },
        timeout: 120_000,
      });
      expect(second.status).toBe(1);
      expect(second.stdout + second.stderr).toMatch(/đang được tiến trình \d+ \(máy .*server\/main\.ts\)/);
    },
    180_000,
  );

  it.runIf(process.env.TEST_DATABASE_URL)(
    "moves the embedded database to an empty PostgreSQL database with the same two commands",
    async () => {
      const template = process.env.TEST_DATABASE_URL ?? "";
      const name = `move_${process.pid}_${Date.now()}`;
      const admin = new pg.Client({ connectionString: template.replace(/\/[^/]+$/, "/postgres") });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      try {
        const url = template.replace(/\/[^/]+$/, `/${name}`);
        const r = cli("restore", [first], { DATABASE_URL: url, DATA_DIR: path.join(work, "pg-mode") });
        expect(r.stderr).toBe("");
        expect(r.status).toBe(0);
        const back = path.join(work, "from-postgres.jsonl.gz");
        expect(cli("backup", ["--out", back], { DATABASE_URL: url, DATA_DIR: path.join(work, "pg-mode") }).status).toBe(
          0,
        );
        expect(await contents(back)).toEqual(await contents(first));
        const refused = cli("restore", [first], { DATABASE_URL: url, DATA_DIR: path.join(work, "pg-mode") });
        expect(refused.status).toBe(1);
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      }
    },
    300_000,
  );
});
