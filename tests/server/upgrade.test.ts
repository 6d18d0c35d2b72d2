import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, bundledMigrations } from "../../server/db/migrate.ts";
import { connect } from "../../server/db/open.ts";
import { upgradeDatabase } from "../../server/db/upgrade.ts";
import { readEnv } from "../../server/env.ts";
import { verifyBackup } from "../../server/services/backup/format.ts";
import { productVersion } from "../../server/version.ts";

// What a start does to an existing database (decision 014): back up before a new migration or a
// new version writes to it, refuse one written by a newer version. On embedded data directories.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "qt-upgrade-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function opened(name: string) {
  const env = readEnv({ DATA_DIR: path.join(tmp, name) });
  return { env, conn: await connect(env) };
}
const backupsOf = (dataDir: string) =>
  fs.existsSync(path.join(dataDir, "backups")) ? fs.readdirSync(path.join(dataDir, "backups")) : [];

describe("upgradeDatabase", () => {
  const all = bundledMigrations();
  const last = all[all.length - 1]?.name;

  it("backs up a database with pending migrations before applying them, then once per version", async () => {
    const { env, conn } = await opened("older");
    try {
      const s = await conn.session();
      await applyMigrations(s, all.slice(0, -1), conn.kind);
      s.release();

      const first = await upgradeDatabase(conn, env.dataDir, new Date("2026-11-29T10:00:00Z"));
      expect(first.applied).toEqual([last]);
      expect(path.basename(first.backup ?? "")).toBe(`pre-upgrade-${productVersion}-20261129-100000.jsonl.gz`);
      // The backup holds the database as it was before the new migration.
      const { header } = await verifyBackup(first.backup ?? "");
      expect(header.migrations).toEqual(all.slice(0, -1).map((m) => m.name));
      expect(fs.readFileSync(path.join(env.dataDir, "product-version"), "utf8")).toBe(`${productVersion}\n`);

      const again = await upgradeDatabase(conn, env.dataDir);
      expect(again).toEqual({ applied: [], backup: null, previousVersion: productVersion });

      fs.writeFileSync(path.join(env.dataDir, "product-version"), "0.9.0\n");
      const newVersion = await upgradeDatabase(conn, env.dataDir, new Date("2026-11-29T11:00:00Z"));
      expect(newVersion.previousVersion).toBe("0.9.0");
      expect(newVersion.applied).toEqual([]);
      expect(backupsOf(env.dataDir)).toEqual([
        `pre-upgrade-${productVersion}-20261129-100000.jsonl.gz`,
        `pre-upgrade-${productVersion}-20261129-110000.jsonl.gz`,
      ]);
    } finally {
      await conn.close();
    }
  }, 120_000);

  it("takes no backup of a new database, and refuses one a newer version wrote, changing nothing", async () => {
    const { env, conn } = await opened("fresh");
    try {
      const created = await upgradeDatabase(conn, env.dataDir);
      expect(created.applied).toEqual(all.map((m) => m.name));
      expect(created.backup).toBeNull();

      const s = await conn.session();
      await s.exec(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
         VALUES ('00000000-0000-4000-8000-000000000002', 'x', '29990101000000_newer', now(), 1)`,
      );
      s.release();
      fs.writeFileSync(path.join(env.dataDir, "product-version"), "2.0.0\n");
      await expect(upgradeDatabase(conn, env.dataDir)).rejects.toThrow(/29990101000000_newer.*newer version/s);
      expect(backupsOf(env.dataDir)).toEqual([]);
      expect(fs.readFileSync(path.join(env.dataDir, "product-version"), "utf8")).toBe("2.0.0\n");
    } finally {
      await conn.close();
    }
  }, 120_000);
});
