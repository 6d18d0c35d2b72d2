import fs from "node:fs";
import path from "node:path";
import { backupToFile } from "../services/backup/dump.ts";
import { backupsDir } from "../services/backup/schedule.ts";
import { productVersion } from "../version.ts";
import { applyMigrations, migrationState, refusal } from "./migrate.ts";
import type { Connection } from "./open.ts";

/**
 * Brings the database to this version's schema without risking its data (decision 014): refuses,
 * changing nothing, a database written by a newer version (or half-migrated, or not ours); backs
 * up an existing database before a different version first writes to it (new migrations, or a
 * new product version in `$DATA_DIR/product-version`); then applies the pending migrations.
 */
export type UpgradeResult = { applied: string[]; backup: string | null; previousVersion: string | null };

const versionFile = (dataDir: string) => path.join(dataDir, "product-version");

export async function upgradeDatabase(conn: Connection, dataDir: string, now = new Date()): Promise<UpgradeResult> {
  const session = await conn.session();
  try {
    const state = await migrationState(session);
    const refused = refusal(state);
    if (refused) throw new Error(refused);
    const file = versionFile(dataDir);
    const previousVersion = fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : null;
    const changed = state.pending.length > 0 || (previousVersion !== null && previousVersion !== productVersion);
    let backup: string | null = null;
    if (!state.fresh && changed) {
      const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
      backup = path.join(backupsDir(dataDir), `pre-upgrade-${productVersion}-${stamp}.jsonl.gz`);
      await backupToFile(conn.db, conn.kind, backup);
    }
    await applyMigrations(session, state.pending, conn.kind);
    fs.writeFileSync(file, `${productVersion}\n`, { mode: 0o600 });
    return { applied: state.pending.map((m) => m.name), backup, previousVersion };
  } finally {
    session.release();
  }
}
