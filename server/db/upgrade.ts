import fs from "node:fs";
import path from "node:path";
import type { Db } from "../db.ts";
import { backupFileName, backupToFile } from "../services/backup/dump.ts";
import { backupsDir } from "../services/backup/schedule.ts";
import { productVersion } from "../version.ts";
import type { AdapterChoice, SqlSession } from "./adapter.ts";
import { migrateOrRefuse } from "./migrate.ts";

/**
 * Brings the database to this version's schema without risking its data (decision 014): refuses,
 * changing nothing, a database written by a newer version (or half-migrated, or not ours); backs
 * up an existing database before a different version first writes to it (new migrations, or a
 * new product version in `$DATA_DIR/product-version`); then applies the pending migrations.
 */
export type UpgradeResult = { applied: string[]; backup: string | null; previousVersion: string | null };

const versionFile = (dataDir: string) => path.join(dataDir, "product-version");

/** What an upgrade needs of an open connection (open.ts `Connection`, named here to keep the import one-way). */
type UpgradeConnection = { db: Db; kind: AdapterChoice["kind"]; session: () => Promise<SqlSession> };

export async function upgradeDatabase(
  conn: UpgradeConnection,
  dataDir: string,
  now = new Date(),
): Promise<UpgradeResult> {
  const session = await conn.session();
  try {
    const file = versionFile(dataDir);
    const previousVersion = fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : null;
    let backup: string | null = null;
    const state = await migrateOrRefuse(session, conn.kind, async (found) => {
      const changed = found.pending.length > 0 || (previousVersion !== null && previousVersion !== productVersion);
      if (found.fresh || !changed) return;
      // The daily backups' name and time stamp, marked as the one taken before this version wrote.
      const name = backupFileName(now).replace(/^qt-backup-/, `pre-upgrade-${productVersion}-`);
      backup = path.join(backupsDir(dataDir), name);
      await backupToFile(conn.db, conn.kind, backup);
    });
    fs.writeFileSync(file, `${productVersion}\n`, { mode: 0o600 });
    return { applied: state.pending.map((m) => m.name), backup, previousVersion };
  } finally {
    session.release();
  }
}
