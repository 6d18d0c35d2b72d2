import fs from "node:fs";
import path from "node:path";
import { migrateOrRefuse } from "../../db/migrate.ts";
import { connect } from "../../db/open.ts";
import type { Db } from "../../db.ts";
import type { Env } from "../../env.ts";
import { BackupError, type EndLine } from "./format.ts";
import { databaseIsEmpty, restoreBackup } from "./restore.ts";

/**
 * Where a restore writes, so that a failed one leaves the target as it was (issue 23, item 8).
 * The embedded database is restored into a fresh folder beside `pg` and swapped in only when the
 * load is complete; on PostgreSQL the load is one transaction, and what the migrations created in
 * a database that was empty is dropped again.
 */

const NOT_EMPTY =
  "Cơ sở dữ liệu đích đã có dữ liệu; không khôi phục đè lên (thêm --force để thay toàn bộ dữ liệu hiện có). " +
  "(The target database is not empty; nothing was changed. Add --force to replace everything in it.)";

/** The database's own words for a failure, which Prisma's raw-query error leaves out ("Message: undefined"). */
export function reasonOf(err: unknown): string {
  if (err instanceof BackupError) return err.message;
  const cause = (err as { meta?: { driverAdapterError?: { cause?: Record<string, unknown> } } })?.meta
    ?.driverAdapterError?.cause;
  const text = (v: unknown) => (typeof v === "string" && v ? v : undefined);
  if (cause) {
    const message = text(cause.originalMessage) ?? text(cause.message) ?? text(cause.kind) ?? "";
    const detail = text(cause.detail);
    return detail ? `${message} — ${detail}` : message;
  }
  return err instanceof Error ? err.message : String(err);
}

export class RestoreFailedError extends Error {
  constructor(reason: string) {
    super(
      `Khôi phục thất bại; cơ sở dữ liệu đích vẫn như trước khi khôi phục. Lý do: ${reason} ` +
        `(The restore failed; the target is as it was before. Reason: ${reason})`,
    );
  }
}

async function isEmpty(env: Env): Promise<boolean> {
  const probe = await connect(env);
  return databaseIsEmpty(probe.db).finally(() => probe.close());
}

async function migrateAndLoad(env: Env, file: string): Promise<EndLine> {
  const conn = await connect(env);
  try {
    const session = await conn.session();
    await migrateOrRefuse(session, conn.kind).finally(() => session.release());
    return await restoreBackup(conn.db, file);
  } finally {
    await conn.close();
  }
}

/** The embedded database: load into `$DATA_DIR/restoring/pg`, then swap it with `$DATA_DIR/pg`. */
export async function restorePglite(env: Env, file: string, opts: { force: boolean }): Promise<EndLine> {
  const live = path.join(env.dataDir, "pg");
  const staging = path.join(env.dataDir, "restoring");
  const replaced = path.join(env.dataDir, "pg.replaced");
  // A restore killed between the two renames below: the old database goes back.
  if (!fs.existsSync(live) && fs.existsSync(replaced)) fs.renameSync(replaced, live);
  fs.rmSync(replaced, { recursive: true, force: true });
  if (fs.existsSync(live) && !opts.force && !(await isEmpty(env))) throw new Error(NOT_EMPTY);
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    let end: EndLine;
    try {
      end = await migrateAndLoad({ ...env, dataDir: staging }, file);
    } catch (err) {
      throw new RestoreFailedError(reasonOf(err));
    }
    if (fs.existsSync(live)) fs.renameSync(live, replaced);
    fs.renameSync(path.join(staging, "pg"), live);
    fs.rmSync(replaced, { recursive: true, force: true });
    return end;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** The schema's own objects (relations, types, functions, extensions), by kind and oid. */
async function schemaObjects(db: Db): Promise<Set<string>> {
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT 'r' || c.oid AS id FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace
       AND c.relkind IN ('r', 'p', 'S')
     UNION ALL SELECT 't' || t.oid FROM pg_type t WHERE t.typnamespace = current_schema()::regnamespace
       AND t.typtype IN ('e', 'd')
     UNION ALL SELECT 'f' || p.oid FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace
     UNION ALL SELECT 'e' || e.oid FROM pg_extension e`,
  );
  return new Set(rows.map((r) => r.id));
}

/** Drops, in one transaction, what was created since `before` (a failed restore's migrations). */
async function dropCreatedSince(db: Db, before: Set<string>): Promise<void> {
  const fresh = [...(await schemaObjects(db))].filter((id) => !before.has(id));
  const oids = (kind: string) => fresh.filter((id) => id.startsWith(kind)).map((id) => id.slice(1));
  const names = async (sql: string, ids: string[]) =>
    ids.length === 0 ? [] : (await db.$queryRawUnsafe<{ n: string }[]>(sql, ids)).map((r) => r.n);
  const extensions = await names(
    "SELECT quote_ident(extname) AS n FROM pg_extension WHERE oid = ANY($1::oid[])",
    oids("e"),
  );
  const relations = await names(
    `SELECT c.oid::regclass::text AS n FROM pg_class c WHERE c.oid = ANY($1::oid[]) AND c.relkind <> 'S'
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')`,
    oids("r"),
  );
  const sequences = await names(
    `SELECT c.oid::regclass::text AS n FROM pg_class c WHERE c.oid = ANY($1::oid[]) AND c.relkind = 'S'
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('e', 'a', 'i'))`,
    oids("r"),
  );
  const types = await names(
    `SELECT t.oid::regtype::text AS n FROM pg_type t WHERE t.oid = ANY($1::oid[])
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')`,
    oids("t"),
  );
  const functions = await names(
    `SELECT p.oid::regprocedure::text AS n FROM pg_proc p WHERE p.oid = ANY($1::oid[])
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`,
    oids("f"),
  );
  await db.$transaction(async (tx) => {
    const drop = (what: string, list: string[]) =>
      list.length ? tx.$executeRawUnsafe(`DROP ${what} IF EXISTS ${list.join(", ")} CASCADE`) : Promise.resolve(0);
    await drop("TABLE", relations);
    await drop("SEQUENCE", sequences);
    await drop("TYPE", types);
    await drop("FUNCTION", functions);
    await drop("EXTENSION", extensions);
  });
}

/** PostgreSQL: the load is one transaction; a database that was empty is left empty again. */
export async function restorePostgres(env: Env, file: string, opts: { force: boolean }): Promise<EndLine> {
  const conn = await connect(env);
  let before: Set<string> | null = null;
  try {
    const empty = await databaseIsEmpty(conn.db);
    if (!empty && !opts.force) throw new Error(NOT_EMPTY);
    if (empty) before = await schemaObjects(conn.db);
    try {
      return await migrateAndLoad(env, file);
    } catch (err) {
      if (before) await dropCreatedSince(conn.db, before);
      throw new RestoreFailedError(reasonOf(err));
    }
  } finally {
    await conn.close();
  }
}
