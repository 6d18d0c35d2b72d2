import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { SqlSession } from "./adapter.ts";

/**
 * Applies prisma/migrations the way `prisma migrate deploy` does, in the server's own process, so
 * an installed copy needs neither the Prisma CLI (51 MB, plus its config loader) nor a second
 * process on the data directory (decision 014). The bookkeeping is Prisma's, row for row: the same
 * `_prisma_migrations` table, a row inserted before a script runs (id, SHA-256 of the file,
 * started_at), `applied_steps_count` and `finished_at` set after it succeeds, the error in `logs`
 * when it fails; scripts run whole and outside a transaction, as Prisma runs them. A dev machine's
 * `prisma migrate deploy` or `migrate status` therefore agrees with what this wrote
 * (tests/server/migrate.test.ts checks it against the CLI).
 */
const migrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");

/** The prisma-engines PostgreSQL DDL of the bookkeeping table. */
const CREATE_TABLE = `CREATE TABLE "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
);`;
/** The advisory lock key prisma-engines takes on PostgreSQL, so a CLI and a server never migrate at once. */
const ADVISORY_LOCK = 72707369;

export type Migration = { name: string; script: string };
export type MigrationState = {
  /** Applied here, unknown to this version: the database was written by a newer one. */
  unknown: string[];
  /** Started and never finished (a failed migration): Prisma's P3009. */
  failed: string[];
  pending: Migration[];
  /** Tables exist but no migration was ever recorded: not this product's database (Prisma's P3005). */
  foreign: boolean;
  /** Nothing applied yet: a new database. */
  fresh: boolean;
};

/** The migrations this version of the product carries, in order. */
export function bundledMigrations(dir = migrationsDir): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((d) => fs.existsSync(path.join(dir, d, "migration.sql")))
    .sort()
    .map((name) => ({ name, script: fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

type Row = { migration_name: string; finished_at: Date | null; rolled_back_at: Date | null };

/** Compares the database's applied migrations with `known`; changes nothing. */
export async function migrationState(s: SqlSession, known = bundledMigrations()): Promise<MigrationState> {
  const [table] = await s.rows<{ found: boolean }>("SELECT to_regclass('\"_prisma_migrations\"') IS NOT NULL AS found");
  if (!table?.found) {
    const [tables] = await s.rows<{ n: number }>(
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema()",
    );
    return { unknown: [], failed: [], pending: known, foreign: (tables?.n ?? 0) > 0, fresh: true };
  }
  const rows = await s.rows<Row>('SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations"');
  const live = rows.filter((r) => r.rolled_back_at === null);
  const applied = new Set(live.filter((r) => r.finished_at !== null).map((r) => r.migration_name));
  const names = new Set(known.map((m) => m.name));
  return {
    unknown: [...applied].filter((n) => !names.has(n)).sort(),
    failed: live.filter((r) => r.finished_at === null).map((r) => r.migration_name),
    pending: known.filter((m) => !applied.has(m.name)),
    foreign: false,
    fresh: applied.size === 0,
  };
}

/** Why the database must not be opened by this version, or null. Vietnamese first, then English. */
export function refusal(state: MigrationState): string | null {
  if (state.unknown.length > 0) {
    return (
      `Cơ sở dữ liệu do một phiên bản mới hơn ghi (migration không biết: ${state.unknown.join(", ")}); ` +
      "phiên bản này không mở nó. Hãy chạy phiên bản mới hơn, hoặc khôi phục bản sao lưu trước khi nâng cấp. " +
      "(The database was written by a newer version of the product; this version will not open it. " +
      "Run the newer version, or restore the pre-upgrade backup. Nothing was changed.)"
    );
  }
  if (state.failed.length > 0) {
    return (
      `Migration ${state.failed.join(", ")} đã bắt đầu nhưng không hoàn tất; hãy khôi phục bản sao lưu trước khi nâng cấp. ` +
      "(A migration started and did not finish; restore the pre-upgrade backup. Nothing was changed.)"
    );
  }
  if (state.foreign) {
    return (
      "Cơ sở dữ liệu đã có bảng nhưng không phải của phần mềm này (không có _prisma_migrations); không ghi vào. " +
      "(The database has tables but no migration history: not this product's database. Nothing was changed.)"
    );
  }
  return null;
}

/** Applies `pending` in order, recording each exactly as `prisma migrate deploy` does. */
export async function applyMigrations(s: SqlSession, pending: Migration[], kind: "pglite" | "postgresql") {
  if (kind === "postgresql") await s.rows("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK]);
  try {
    await s.exec(`DO $$ BEGIN IF to_regclass('"_prisma_migrations"') IS NULL THEN ${CREATE_TABLE} END IF; END $$;`);
    for (const m of pending) {
      const id = randomUUID();
      const checksum = createHash("sha256").update(m.script).digest("hex");
      await s.rows(
        'INSERT INTO "_prisma_migrations" (id, checksum, started_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 0)',
        [id, checksum, m.name],
      );
      try {
        await s.exec(m.script);
      } catch (err) {
        const logs = err instanceof Error ? err.message : String(err);
        await s.rows('UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1', [id, logs]);
        throw new Error(`Migration ${m.name} thất bại (failed): ${logs}`);
      }
      await s.rows(
        'UPDATE "_prisma_migrations" SET applied_steps_count = applied_steps_count + 1, finished_at = now() WHERE id = $1',
        [id],
      );
    }
  } finally {
    if (kind === "postgresql") await s.rows("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK]);
  }
}

/**
 * Brings the database to this version's schema: refuses (throws, nothing changed) one this version
 * must not write to, otherwise runs `beforeApply` (the pre-upgrade backup) and applies what is pending.
 */
export async function migrateOrRefuse(
  s: SqlSession,
  kind: "pglite" | "postgresql",
  beforeApply: (state: MigrationState) => Promise<void> = async () => {},
): Promise<MigrationState> {
  const state = await migrationState(s);
  const refused = refusal(state);
  if (refused) throw new Error(refused);
  await beforeApply(state);
  await applyMigrations(s, state.pending, kind);
  return state;
}

/** Hides credentials in any postgresql:// URL an error may echo: secrets never reach a log. */
export function redactUrls(text: string): string {
  return text.replace(/(postgres(?:ql)?:\/\/)[^@\s/]*@/g, "$1***@");
}
