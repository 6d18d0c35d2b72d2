import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect } from "../../server/db/open.ts";
import { readEnv } from "../../server/env.ts";
import { backupToFile } from "../../server/services/backup/dump.ts";
import { productMigrations } from "../../server/services/backup/format.ts";
import { restoreDatabase } from "../../server/services/backup/run.ts";
import { createTestDb } from "../support/db.ts";
import { onServer } from "../support/postgres.mjs";

// Issue 23, item 8: a restore that fails half-way (here a row whose foreign key points nowhere,
// in a file that is otherwise well formed) leaves the target as it was and says why. It used to
// leave the migrated tables behind ("the target is not empty" on the retry) and to say
// "Raw query failed. Code: `N/A`. Message: `undefined`".

const work = fs.mkdtempSync(path.join(os.tmpdir(), "qt-restore-failure-"));
const where = inject("dbTemplates");
const bad = path.join(work, "bad.jsonl.gz");
const good = path.join(work, "good.jsonl.gz");
let env: ReturnType<typeof readEnv>;
let dropDb = async () => {};

const lines = [
  `H\t${JSON.stringify({ format: "qt-backup", version: 1, createdAt: "", database: "pglite", isolation: "", migrations: productMigrations() })}`,
  `T\t${JSON.stringify({ table: "site", columns: ["id", "model_type_id", "area_id", "name", "established_on", "updated_at"] })}`,
  `R\t${JSON.stringify({ id: 1, model_type_id: 999_999, area_id: 999_999, name: "x", established_on: "2020-01-01", updated_at: "2020-01-01T00:00:00" })}`,
  `E\t${JSON.stringify({ tables: 1, rows: 1 })}`,
];

beforeAll(async () => {
  fs.writeFileSync(bad, gzipSync(`${lines.join("\n")}\n`));
  const source = await createTestDb("reference");
  await backupToFile(source.db, source.kind, good);
  await source.close();
  if (where.kind === "postgresql") {
    const name = `restore_fail_${process.pid}_${Date.now()}`;
    await onServer(where.urls.migrated, `CREATE DATABASE "${name}"`);
    env = readEnv({ DATABASE_URL: where.urls.migrated.replace(/\/[^/]+$/, `/${name}`), DATA_DIR: work });
    dropDb = () => onServer(where.urls.migrated, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } else {
    env = readEnv({ DATABASE_URL: "", DATA_DIR: path.join(work, "data") });
  }
}, 240_000);
afterAll(async () => {
  await dropDb();
  fs.rmSync(work, { recursive: true, force: true });
});

/** The target's tables and their row counts (none: an empty database). */
async function tableCounts(): Promise<Record<string, number>> {
  if (!env.DATABASE_URL && !fs.existsSync(path.join(env.dataDir, "pg"))) return {};
  const conn = await connect(env);
  try {
    const tables = await conn.db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND relkind = 'r' ORDER BY 1`,
    );
    const out: Record<string, number> = {};
    for (const { name } of tables) {
      const [r] = await conn.db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${name}"`);
      out[name] = r?.n ?? -1;
    }
    return out;
  } finally {
    await conn.close();
  }
}

const failure =
  /Khôi phục thất bại; cơ sở dữ liệu đích vẫn như trước.*foreign key.*The restore failed; the target is as it was/s;

describe("a restore that fails", () => {
  it("leaves an empty target empty, says why, and the retry fails the same way", async () => {
    expect(await tableCounts()).toEqual({});
    for (const attempt of [1, 2]) {
      const err = await restoreDatabase(env, bad, { force: false }).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(err?.message, `attempt ${attempt}`).toMatch(failure);
      expect(err?.message).not.toMatch(/undefined|Invalid `prisma/);
      expect(await tableCounts()).toEqual({});
    }
    if (!env.DATABASE_URL) expect(fs.readdirSync(env.dataDir).sort()).not.toContain("restoring");
  }, 300_000);

  it("leaves a target holding data as it was, with --force too", async () => {
    await restoreDatabase(env, good, { force: false });
    const before = await tableCounts();
    expect(before.admin_unit).toBeGreaterThan(100);
    const err = await restoreDatabase(env, bad, { force: true }).catch((e: unknown) => e as Error);
    expect((err as Error).message).toMatch(failure);
    expect(await tableCounts()).toEqual(before);
  }, 300_000);
});
