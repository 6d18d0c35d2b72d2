import fs from "node:fs";
import path from "node:path";
import { DataDirBusyError } from "../../db/lock.ts";
import { claimDataDir, connect } from "../../db/open.ts";
import type { Env } from "../../env.ts";
import { requestBackup } from "./control.ts";
import { backupToFile } from "./dump.ts";
import { type EndLine, verifyBackup } from "./format.ts";
import { restorePglite, restorePostgres } from "./restore-target.ts";

/**
 * A consistent backup of the configured database into `file` (0600), whether or not the server
 * runs: PostgreSQL is read directly; the embedded database is read under its lock when the server
 * is stopped, or by the running server through its control socket. For `pnpm backup` and for
 * whatever must back up before changing the data (upgrades).
 */
export async function backupDatabase(env: Env, file: string): Promise<EndLine> {
  if (!env.DATABASE_URL && !fs.existsSync(path.join(env.dataDir, "pg"))) {
    throw new Error(`Chưa có cơ sở dữ liệu trong ${env.dataDir} (no database to back up there).`);
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  let claim: Awaited<ReturnType<typeof claimDataDir>>;
  try {
    claim = await claimDataDir(env);
  } catch (err) {
    if (err instanceof DataDirBusyError) return requestBackup(env.dataDir, file);
    throw err;
  }
  try {
    const conn = await connect(env);
    try {
      await backupToFile(conn.db, conn.kind, file);
    } finally {
      await conn.close();
    }
  } finally {
    await claim.release();
  }
  return (await verifyBackup(file)).end;
}

/**
 * Restores `file` into the configured database: an empty one (a new data directory, a database
 * without tables), or with `force` any one, whose content is replaced. The file is read in full
 * first; a bad file, a refusal or a failed load changes nothing (restore-target.ts). The embedded
 * database must not be in use (its lock); stop PostgreSQL app servers before forcing.
 */
export async function restoreDatabase(env: Env, file: string, opts: { force: boolean }): Promise<EndLine> {
  await verifyBackup(file);
  const claim = await claimDataDir(env);
  try {
    return env.DATABASE_URL ? await restorePostgres(env, file, opts) : await restorePglite(env, file, opts);
  } finally {
    await claim.release();
  }
}
