/**
 * The frame of a CLI that reads an existing database of this version (`pnpm audit:verify`,
 * `pnpm rollups:check`): no database in the folder → 2; takes the folder's lock (embedded
 * database), connects, refuses a database it must not read or one not upgraded yet (→ 2), runs
 * `body` and exits with its code; an error is printed as its message alone (→ 2).
 */
import fs from "node:fs";
import path from "node:path";
import { migrationState, refusal } from "../db/migrate.ts";
import { claimDataDir, connect } from "../db/open.ts";
import type { Db } from "../db.ts";
import { readEnv } from "../env.ts";

async function onDatabase(notUpgraded: string, body: (db: Db) => Promise<number>): Promise<number> {
  const env = readEnv();
  if (!env.DATABASE_URL && !fs.existsSync(path.join(env.dataDir, "pg", "PG_VERSION"))) {
    console.error(
      `Không có cơ sở dữ liệu trong ${env.dataDir} (no database in this folder; set DATA_DIR or DATABASE_URL).`,
    );
    return 2;
  }
  const claim = await claimDataDir(env);
  try {
    const conn = await connect(env);
    try {
      const session = await conn.session();
      const state = await migrationState(session).finally(() => session.release());
      const refused = refusal(state) ?? (state.pending.length > 0 ? notUpgraded : null);
      if (refused) {
        console.error(refused);
        return 2;
      }
      return await body(conn.db);
    } finally {
      await conn.close();
    }
  } finally {
    await claim.release();
  }
}

/** Runs the CLI: `notUpgraded` is what it says of a database with migrations still pending. */
export function runCli(notUpgraded: string, body: (db: Db) => Promise<number>): void {
  onDatabase(notUpgraded, body).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(2);
    },
  );
}
