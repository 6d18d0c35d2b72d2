import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { AdapterChoice } from "../../../server/db/adapter.ts";
import { chooseAdapter, pgliteExtensions } from "../../../server/db/adapter.ts";
import { createDb, type Db } from "../../../server/db.ts";

// import.meta.dirname, not .url: under jsdom the URL is not a file: URL.
const migrationsDir = path.resolve(import.meta.dirname, "../../../prisma/migrations");

/** The SQL of every migration, in order, as `prisma migrate deploy` would apply them. */
export function migrationSql(): string[] {
  return fs
    .readdirSync(migrationsDir)
    .filter((d) => fs.existsSync(path.join(migrationsDir, d, "migration.sql")))
    .sort()
    .map((d) => fs.readFileSync(path.join(migrationsDir, d, "migration.sql"), "utf8"));
}

export type TestDb = { db: Db; kind: AdapterChoice["kind"]; close: () => Promise<void> };

/**
 * A fresh, migrated database for one test file. With TEST_DATABASE_URL (set by tests/run.mjs for
 * the PostgreSQL run) a new database is cloned from the template that `prisma migrate deploy`
 * built; otherwise an in-memory PGlite gets the migration SQL.
 */
export async function createTestDb(): Promise<TestDb> {
  const template = process.env.TEST_DATABASE_URL;
  if (template) {
    const name = `t_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const admin = new pg.Client({ connectionString: template.replace(/\/[^/]+$/, "/postgres") });
    await admin.connect();
    const templateName = new URL(template).pathname.slice(1);
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName}"`);
    await admin.end();
    const adapter = await chooseAdapter({ databaseUrl: template.replace(/\/[^/]+$/, `/${name}`), dataDir: "" });
    const db = createDb(adapter);
    return {
      db,
      kind: adapter.kind,
      close: async () => {
        await db.$disconnect();
        await adapter.close();
        const drop = new pg.Client({ connectionString: template.replace(/\/[^/]+$/, "/postgres") });
        await drop.connect();
        await drop.query(`DROP DATABASE IF EXISTS "${name}"`);
        await drop.end();
      },
    };
  }
  const pglite = await PGlite.create({ extensions: pgliteExtensions });
  for (const sql of migrationSql()) await pglite.exec(sql);
  const db = createDb({ kind: "pglite", factory: new PrismaPGlite(pglite), close: () => pglite.close() });
  return {
    db,
    kind: "pglite",
    close: async () => {
      await db.$disconnect();
      await pglite.close();
    },
  };
}
