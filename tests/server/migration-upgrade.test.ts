import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../../server/generated/prisma/client.ts";
import { createEmptyDb, createTestDb, migrationNames, migrationSql, type RawSql, type TestDb } from "../support/db.ts";

/**
 * Upgrading a database that already holds data, whatever the last migration is: a database is
 * migrated up to the one before the last, filled with the demo data (every column that schema
 * has, copied from the demo template), then the last migration runs; every row must still be
 * there with the same values, and the Prisma client of today must read every model.
 */
type Upgraded = Awaited<ReturnType<typeof createEmptyDb>>;
let source: TestDb;
let target: Upgraded;
const tablesOf = async (sql: RawSql) =>
  (
    await sql.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
       ORDER BY 1`,
    )
  ).map((t) => t.name);

/** Every row of every table, as JSON text sorted, keyed by table. */
async function snapshot(sql: RawSql, tables: string[]) {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const table of tables) {
    const rows = await sql.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM "${table}" t`);
    out[table] = rows.map((r) => JSON.parse(r.row)).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  }
  return out;
}

/** Model name → table name, from the @@map lines of prisma/schema.prisma. */
const tableOfModel = Object.fromEntries(
  [
    ...fs
      .readFileSync(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8")
      // A model's block ends at the first "}" alone on its line (its comments may hold braces).
      .matchAll(/^model (\w+) \{\n(?:(?!\}\n)[^\n]*\n)*?\s*@@map\("(\w+)"\)/gm),
  ].map((m) => [m[1], m[2]]),
);

const project = (row: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, row[k]]));

beforeAll(async () => {
  source = await createTestDb("demo");
  target = await createEmptyDb();
}, 120_000);
afterAll(async () => {
  await target?.close();
  await source?.close();
});

describe(`upgrading a database with data through the last migration (${migrationNames().at(-1)})`, () => {
  let before: Record<string, Record<string, unknown>[]>;

  it("fills the schema before the last migration with the demo data", async () => {
    const scripts = migrationSql();
    for (const script of scripts.slice(0, -1)) await target.exec(script);
    const tables = await tablesOf(target);
    // Foreign keys and triggers (audit, data version) off while copying: rows go in as they are.
    await target.exec("SET session_replication_role = replica");
    for (const table of tables) {
      const [{ rows } = { rows: null }] = await source.db.$queryRawUnsafe<{ rows: string | null }[]>(
        `SELECT json_agg(t)::text AS rows FROM "${table}" t`,
      );
      if (!rows) continue;
      // Columns the older schema lacks are dropped by json_populate_recordset; rows that clash with
      // an older unique constraint (a newer key) are left out.
      await target.query(
        `INSERT INTO "${table}" SELECT * FROM json_populate_recordset(null::"${table}", $1::json) ON CONFLICT DO NOTHING`,
        [rows],
      );
    }
    await target.exec("SET session_replication_role = DEFAULT");
    before = await snapshot(target, tables);
    const filled = Object.values(before).filter((rows) => rows.length > 0).length;
    expect(filled, "tables holding data before the upgrade").toBeGreaterThanOrEqual(5);
  });

  it("applies the last migration and keeps every row and every value", async () => {
    const last = migrationSql().at(-1) as string;
    await target.exec(last);
    const tables = Object.keys(before);
    const after = await snapshot(target, await tablesOf(target));
    for (const table of tables) {
      const keys = Object.keys(before[table]?.[0] ?? {});
      const kept = (after[table] ?? []).map((row) => project(row, keys));
      const sort = (rows: Record<string, unknown>[]) =>
        rows.map((r) => JSON.stringify(r)).sort((a, b) => (a < b ? -1 : 1));
      expect(sort(kept), `rows of ${table}`).toEqual(sort(before[table] ?? []));
    }
  });

  it("is read by today's Prisma client, model by model", async () => {
    expect(Object.keys(tableOfModel).sort()).toEqual(Object.values(Prisma.ModelName).sort());
    const db = await target.prisma();
    for (const model of Object.values(Prisma.ModelName)) {
      const table = tableOfModel[model] ?? model;
      const delegate = (db as unknown as Record<string, { findMany: (a: object) => Promise<unknown[]> }>)[
        model.charAt(0).toLowerCase() + model.slice(1)
      ];
      const rows = await delegate?.findMany({});
      // A table the last migration made holds what it wrote (a roll-up filled from the data), counted by SQL.
      const made = before[table]
        ? null
        : await target.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
      expect(rows?.length, `rows of ${model}`).toBe(before[table]?.length ?? made?.[0]?.n);
    }
  });
});
