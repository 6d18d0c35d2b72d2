import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { chooseAdapter, type SqlSession } from "../../server/db/adapter.ts";
import { applyMigrations, bundledMigrations, migrationState, refusal } from "../../server/db/migrate.ts";
import { emptyPglite } from "../support/db.ts";

// The server applies migrations itself (decision 014); these check that what it writes is what
// `prisma migrate deploy` writes, so the Prisma CLI on a dev machine agrees with an installed copy.
const root = path.resolve(import.meta.dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "qt-migrate-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

type Column = {
  table_name: string;
  column_name: string;
  data_type: string;
  is_nullable: string;
  column_default: string | null;
};
type MigrationRow = {
  migration_name: string;
  checksum: string;
  logs: string | null;
  applied_steps_count: number;
  done: boolean;
};

async function withDb<T>(where: string, fn: (s: SqlSession) => Promise<T>) {
  const adapter = await chooseAdapter(isUrl(where) ? { databaseUrl: where, dataDir: tmp } : { dataDir: where });
  const session = await adapter.session();
  try {
    return await fn(session);
  } finally {
    session.release();
    await adapter.close();
  }
}

/** An in-memory PGlite behind the same session interface: for what needs no CLI, fast. */
async function inMemory(fn: (s: SqlSession) => Promise<void>) {
  const db = await emptyPglite();
  try {
    await fn({
      exec: async (script) => void (await db.exec(script)),
      rows: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
      release: () => {},
    });
  } finally {
    await db.close();
  }
}

/** A data directory (embedded database) or a postgresql:// URL. */
const isUrl = (where: string) => where.startsWith("postgresql://");

const prismaCli = (where: string, ...args: string[]) =>
  spawnSync(path.join(root, "node_modules/.bin/prisma"), args, {
    cwd: root,
    env: { ...process.env, ...(isUrl(where) ? { DATABASE_URL: where } : { DATA_DIR: where, DATABASE_URL: "" }) },
    encoding: "utf8",
  });

const describeDb = (where: string) =>
  withDb(where, async (s) => ({
    columns: await s.rows<Column>(
      `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
       WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
    ),
    migrations: await s.rows<MigrationRow>(
      `SELECT migration_name, checksum, logs, applied_steps_count, finished_at IS NOT NULL AND started_at <= finished_at AS done
       FROM "_prisma_migrations" ORDER BY migration_name`,
    ),
  }));

describe("migrations applied by the server", () => {
  // A process on an embedded database: the same in either run, so only the PGlite one runs it.
  it.skipIf(process.env.TEST_DATABASE_URL)(
    "leave the database and _prisma_migrations exactly as prisma migrate deploy does",
    async () => {
      const ours = path.join(tmp, "ours");
      const cli = path.join(tmp, "cli");
      await withDb(ours, async (s) => applyMigrations(s, (await migrationState(s)).pending, "pglite"));
      const deployed = prismaCli(cli, "migrate", "deploy");
      expect(deployed.status, deployed.stderr).toBe(0);

      const [a, b] = [await describeDb(ours), await describeDb(cli)];
      expect(a.migrations.map((m) => m.migration_name)).toEqual(bundledMigrations().map((m) => m.name));
      expect(a.migrations.every((m) => m.done)).toBe(true);
      expect(a).toEqual(b);

      // The CLI, run afterwards on the server's database, finds nothing to do.
      const status = prismaCli(ours, "migrate", "status");
      expect(status.status, status.stdout + status.stderr).toBe(0);
      expect(status.stdout).toMatch(/Database schema is up to date/);
    },
    300_000,
  );

  // In the PostgreSQL run: the template database was built by the CLI (tests/run.mjs).
  it.runIf(process.env.TEST_DATABASE_URL)(
    "do the same on PostgreSQL",
    async () => {
      const template = process.env.TEST_DATABASE_URL ?? "";
      const name = `m_${process.pid}_${Date.now()}`;
      const admin = new pg.Client({ connectionString: template.replace(/\/[^/]+$/, "/postgres") });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name}"`);
        const ours = template.replace(/\/[^/]+$/, `/${name}`);
        await withDb(ours, async (s) => applyMigrations(s, (await migrationState(s)).pending, "postgresql"));
        expect(await describeDb(ours)).toEqual(await describeDb(template));
        const status = prismaCli(ours, "migrate", "status");
        expect(status.stdout).toMatch(/Database schema is up to date/);
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
        await admin.end();
      }
    },
    120_000,
  );

  it("applies only what is pending, and reports a database written by a newer version", async () => {
    const all = bundledMigrations();
    await inMemory(async (s) => {
      await applyMigrations(s, all.slice(0, 1), "pglite");
      const partial = await migrationState(s);
      expect(partial.pending.map((m) => m.name)).toEqual(all.slice(1).map((m) => m.name));
      expect(partial.fresh).toBe(false);
      await applyMigrations(s, partial.pending, "pglite");
      await s.exec(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
         VALUES ('00000000-0000-4000-8000-000000000000', 'x', '29991231000000_from_the_future', now(), 1)`,
      );
      const state = await migrationState(s);
      expect(state.pending).toEqual([]);
      expect(state.unknown).toEqual(["29991231000000_from_the_future"]);
      expect(refusal(state)).toMatch(/phiên bản mới hơn.*newer version/s);
    });
  }, 120_000);

  it("refuses a half-applied migration and a database that is not the product's", async () => {
    await inMemory(async (s) => {
      await applyMigrations(s, [], "pglite");
      await s.exec(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, applied_steps_count)
         VALUES ('00000000-0000-4000-8000-000000000001', 'x', '${bundledMigrations()[0]?.name}', 0)`,
      );
      expect(refusal(await migrationState(s))).toMatch(/không hoàn tất.*did not finish/s);
    });
    await inMemory(async (s) => {
      await s.exec("CREATE TABLE other_app (id int)");
      const state = await migrationState(s);
      expect(state.foreign).toBe(true);
      expect(refusal(state)).toMatch(/not this product's database/);
    });
  }, 120_000);
});
