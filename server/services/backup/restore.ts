import type { Db } from "../../db.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { rebuildRollups } from "../dashboard/rollups.ts";
import { columnsOf, quote, selfReferences, tablesInOrder } from "./catalog.ts";
import { BackupError, type EndLine, readBackup, readHeader, type TableLine } from "./format.ts";

type Tx = Prisma.TransactionClient;
/** Rows go to PostgreSQL as one JSON array per statement, about this many characters at a time. */
const CHUNK_CHARS = 1_000_000;

/** True when the database has no tables at all: never started, never migrated. */
export async function databaseIsEmpty(db: Db): Promise<boolean> {
  const [r] = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
     WHERE ns.nspname = current_schema() AND c.relkind IN ('r', 'p')`,
  );
  return r?.n === 0;
}

/**
 * Replaces everything in `db` (migrated to this product's level) with the backup in `file`, in one
 * transaction: on any error nothing has changed. Triggers are off while loading so the rows,
 * audit entries and the dashboard's data version arrive exactly as they were; foreign keys are
 * still checked. Columns a newer migration added and the backup lacks get their defaults.
 */
export async function restoreBackup(db: Db, file: string): Promise<EndLine> {
  await readHeader(file);
  return db.$transaction(
    async (tx) => {
      const tables = await tablesInOrder(tx);
      for (const t of tables) await tx.$executeRawUnsafe(`ALTER TABLE ${quote(t)} DISABLE TRIGGER USER`);
      if (tables.length > 0) await tx.$executeRawUnsafe(`TRUNCATE TABLE ${tables.map(quote).join(", ")}`);
      let current: Loading | null = null;
      let end: EndLine | null = null;
      let rows = 0;
      for await (const l of readBackup(file)) {
        if (l.kind === "R") {
          if (!current) throw new BackupError(`${file}: dòng dữ liệu ngoài bảng (a row outside a table).`);
          current.rows.push(l.row);
          current.chars += l.row.length;
          rows += 1;
          // A table whose rows reference each other is kept whole until its end (see finish).
          if (!current.self && current.chars > CHUNK_CHARS) {
            await insertRows(tx, current, current.rows.splice(0));
            current.chars = 0;
          }
          continue;
        }
        if (current) await finish(tx, current);
        current = null;
        if (l.kind === "T") {
          await checkTable(tx, tables, l.value);
          current = { ...l.value, rows: [], chars: 0, self: await selfReferences(tx, l.value.table) };
        } else if (l.kind === "S") {
          const { name, value, isCalled } = l.value;
          await tx.$queryRawUnsafe("SELECT setval($1::regclass, $2::bigint, $3)", quote(name), value, isCalled);
        } else if (l.kind === "E") {
          end = l.value;
        }
      }
      if (!end || end.rows !== rows) throw new BackupError(`${file}: số dòng không khớp (row count mismatch).`);
      for (const t of tables) await tx.$executeRawUnsafe(`ALTER TABLE ${quote(t)} ENABLE TRIGGER USER`);
      // The roll-ups follow the rows loaded (a backup of an older version has none; decision 046).
      await rebuildRollups(tx);
      return end;
    },
    { maxWait: 60_000, timeout: 60 * 60_000 },
  );
}

type Loading = TableLine & { rows: string[]; chars: number; self: Awaited<ReturnType<typeof selfReferences>> };

/**
 * A table whose rows reference each other (a commune's district, a unit's successor, which may
 * reference back) is loaded in two steps, as foreign keys are checked row by row: the rows without
 * those references, then the references.
 */
async function finish(tx: Tx, t: Loading): Promise<void> {
  for (let i = 0; i < t.rows.length; i += 2000) {
    const chunk = t.rows.slice(i, i + 2000);
    await insertRows(tx, t, chunk, t.self?.columns ?? []);
  }
  if (!t.self) return;
  const refs = t.self.columns.filter((c) => t.columns.includes(c));
  const set = refs.map((c) => `${quote(c)} = src.${quote(c)}`).join(", ");
  for (let i = 0; i < t.rows.length && set; i += 2000) {
    await tx.$executeRawUnsafe(
      `UPDATE ${quote(t.table)} SET ${set} FROM json_populate_recordset(NULL::${quote(t.table)}, $1::json) src
       WHERE ${quote(t.table)}.${quote(t.self.key)} = src.${quote(t.self.key)}`,
      `[${t.rows.slice(i, i + 2000).join(",")}]`,
    );
  }
}

/** Inserts rows given as row_to_json text; `later` columns are left NULL for now. */
async function insertRows(tx: Tx, t: TableLine, rows: string[], later: string[] = []): Promise<void> {
  const cols = t.columns.map(quote).join(", ");
  const values = t.columns.map((c) => (later.includes(c) ? "NULL" : quote(c))).join(", ");
  await tx.$executeRawUnsafe(
    `INSERT INTO ${quote(t.table)} (${cols}) SELECT ${values} FROM json_populate_recordset(NULL::${quote(t.table)}, $1::json)`,
    `[${rows.join(",")}]`,
  );
}

/** A backup's table must exist in the target with every column it carries (same or older schema). */
async function checkTable(tx: Tx, tables: string[], t: TableLine): Promise<void> {
  if (!tables.includes(t.table)) {
    throw new BackupError(`Bảng ${t.table} không có trong cơ sở dữ liệu đích (table missing in the target).`);
  }
  const target = new Set(await columnsOf(tx, t.table));
  const missing = t.columns.filter((c) => !target.has(c));
  if (missing.length > 0) {
    throw new BackupError(`Bảng ${t.table} thiếu cột ${missing.join(", ")} (columns missing in the target).`);
  }
}
