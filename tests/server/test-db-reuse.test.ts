import { describe, expect, inject, it } from "vitest";
import type { Db } from "../../server/db.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, pgliteTemplateFile, type Template } from "../support/db.ts";
import { contentDigest, loadTarball, poolStats, type Rows, schemaFingerprint } from "../support/pglite-pool.ts";

// A test file's database is taken again by the next file of the worker once reset (PGlite), or is
// a new copy of the template (PostgreSQL): either way, nothing a file wrote reaches the next one
// (decision 043, follow-up 2). The template's state is read independently of the pool: on PGlite
// from its tarball, loaded anew; on PostgreSQL from a database just copied from it.

const rowsOf =
  (db: Db): Rows =>
  <T>(sql: string) =>
    db.$queryRawUnsafe<T[]>(sql);

async function templateState(template: Template) {
  const where = inject("dbTemplates");
  if (where.kind === "postgresql") {
    const fresh = await createTestDb(template);
    try {
      return { digest: await contentDigest(rowsOf(fresh.db)), schema: await schemaFingerprint(rowsOf(fresh.db)) };
    } finally {
      await fresh.close();
    }
  }
  const pglite = await loadTarball(pgliteTemplateFile(where.dir, template));
  try {
    const rows: Rows = async <T>(sql: string) => (await pglite.query<T>(sql)).rows;
    return { digest: await contentDigest(rows), schema: await schemaFingerprint(rows) };
  } finally {
    await pglite.close();
  }
}

describe("a test file's database after another file wrote to it", { timeout: 120_000 }, () => {
  it("holds the template's rows and sequences again, and none of the session's settings", async () => {
    const expected = await templateState("demo");
    const first = await createTestDb("demo");
    expect(await contentDigest(rowsOf(first.db))).toBe(expected.digest);
    const zone = (db: Db) => db.$queryRawUnsafe<{ TimeZone: string }[]>("SHOW TimeZone");
    const defaultZone = await zone(first.db);
    // Writes of every kind: through the services' tables, every table emptied, every sequence moved,
    // a session setting, a temporary table.
    await makeUser(first.db, { role: "admin" });
    await first.db.$executeRawUnsafe(`DO $$ DECLARE t text; BEGIN
      PERFORM set_config('session_replication_role', 'replica', true);
      FOR t IN SELECT format('%I.%I', schemaname, tablename) FROM pg_tables WHERE schemaname = 'public' LOOP
        EXECUTE 'DELETE FROM ' || t;
      END LOOP;
    END $$`);
    const sequences = await first.db.$queryRawUnsafe<{ name: string }[]>(
      "SELECT format('%I.%I', schemaname, sequencename) AS name FROM pg_sequences",
    );
    for (const { name } of sequences) await first.db.$queryRawUnsafe(`SELECT setval('${name}', 987654)::text`);
    await first.db.$executeRawUnsafe("SET TIME ZONE 'Asia/Tokyo'");
    await first.db.$executeRawUnsafe("CREATE TEMP TABLE left_behind (x int)");
    expect(await contentDigest(rowsOf(first.db))).not.toBe(expected.digest);
    const reusedBefore = poolStats.reused;
    await first.close();

    const next = await createTestDb("demo");
    try {
      if (next.kind === "pglite") expect(poolStats.reused).toBe(reusedBefore + 1);
      expect(await contentDigest(rowsOf(next.db))).toBe(expected.digest);
      expect(await zone(next.db)).toEqual(defaultZone);
      expect(await next.db.$queryRawUnsafe("SELECT to_regclass('pg_temp.left_behind')::text AS t")).toEqual([
        { t: null },
      ]);
      // The first file's handle reaches nothing any more.
      await expect(first.db.user.count()).rejects.toThrow();
    } finally {
      await next.close();
    }
  });

  it("is a new one when the file changed the schema", async () => {
    const expected = await templateState("reference");
    const first = await createTestDb("reference");
    await first.db.$executeRawUnsafe('ALTER TABLE "site" ADD COLUMN left_behind int');
    await first.db.$executeRawUnsafe("CREATE FUNCTION left_behind() RETURNS int AS 'SELECT 1' LANGUAGE sql");
    const discardedBefore = poolStats.discarded;
    await first.close();

    const next = await createTestDb("reference");
    try {
      // At least this one: a reset that timed out under load elsewhere in the worker may add another.
      if (next.kind === "pglite") expect(poolStats.discarded).toBeGreaterThan(discardedBefore);
      expect(await schemaFingerprint(rowsOf(next.db))).toBe(expected.schema);
      const columns = await next.db.$queryRawUnsafe<{ n: number }[]>(
        "SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'site' AND column_name = 'left_behind'",
      );
      expect(columns).toEqual([{ n: 0 }]);
      expect(await contentDigest(rowsOf(next.db))).toBe(expected.digest);
    } finally {
      await next.close();
    }
  });

  it("holds another template's rows when the next file starts from another template", async () => {
    const expected = await templateState("migrated");
    const first = await createTestDb("demo");
    await makeUser(first.db, { role: "viewer" });
    await first.close();
    const next = await createTestDb("migrated");
    try {
      expect(await contentDigest(rowsOf(next.db))).toBe(expected.digest);
      expect(await next.db.site.count()).toBe(0);
      expect(await next.db.adminUnit.count()).toBe(0);
    } finally {
      await next.close();
    }
  });
});
