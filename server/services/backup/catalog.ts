import type { Prisma } from "../../generated/prisma/client.ts";

/** What backup and restore need to know of the schema, read from PostgreSQL's catalog. */
type Tx = Prisma.TransactionClient;

export const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Prisma's own bookkeeping: its level is recorded in the header, its rows are never restored. */
const MIGRATIONS_TABLE = "_prisma_migrations";

/** The product's tables, each after every table it references, so rows can be inserted in order. */
export async function tablesInOrder(tx: Tx): Promise<string[]> {
  const tables = await tx.$queryRawUnsafe<{ name: string }[]>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> $1 ORDER BY c.relname`,
    MIGRATIONS_TABLE,
  );
  const refs = await tx.$queryRawUnsafe<{ child: string; parent: string }[]>(
    `SELECT ch.relname AS child, pa.relname AS parent FROM pg_constraint k
     JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
     WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace AND ch.oid <> pa.oid`,
  );
  const ordered: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (t: string) => {
    if (state.get(t) === "done") return;
    if (state.get(t) === "visiting")
      throw new Error(`Vòng tham chiếu giữa các bảng (tables reference each other): ${t}`);
    state.set(t, "visiting");
    for (const r of refs) if (r.child === t) visit(r.parent);
    state.set(t, "done");
    ordered.push(t);
  };
  for (const { name } of tables) visit(name);
  return ordered;
}

/** Columns of `table` that reference its own primary key (a unit's parent), and that key. */
export async function selfReferences(tx: Tx, table: string): Promise<{ key: string; columns: string[] } | null> {
  const rows = await tx.$queryRawUnsafe<{ column: string; key: string }[]>(
    `SELECT a.attname AS column, ka.attname AS key FROM pg_constraint k
     JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
     JOIN pg_attribute ka ON ka.attrelid = k.confrelid AND ka.attnum = k.confkey[1]
     WHERE k.contype = 'f' AND k.conrelid = $1::regclass AND k.confrelid = k.conrelid AND cardinality(k.conkey) = 1`,
    quote(table),
  );
  const key = rows[0]?.key;
  return key ? { key, columns: rows.map((r) => r.column) } : null;
}

export async function columnsOf(tx: Tx, table: string): Promise<string[]> {
  const rows = await tx.$queryRawUnsafe<{ name: string }[]>(
    `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped
     ORDER BY attnum`,
    quote(table),
  );
  return rows.map((r) => r.name);
}

export async function sequences(tx: Tx): Promise<string[]> {
  const rows = await tx.$queryRawUnsafe<{ name: string }[]>(
    "SELECT sequencename AS name FROM pg_sequences WHERE schemaname = current_schema() ORDER BY sequencename",
  );
  return rows.map((r) => r.name);
}

/** The migrations applied to this database, or none when it was built without Prisma (tests). */
export async function appliedMigrations(tx: Tx): Promise<string[]> {
  const [exists] = await tx.$queryRawUnsafe<{ found: boolean }[]>(
    "SELECT to_regclass($1) IS NOT NULL AS found",
    quote(MIGRATIONS_TABLE),
  );
  if (!exists?.found) return [];
  const rows = await tx.$queryRawUnsafe<{ name: string }[]>(
    `SELECT migration_name AS name FROM ${quote(MIGRATIONS_TABLE)}
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.name);
}

/** The table's primary key when it is one column (its name and type), for keyset paging on its index. */
export async function singleKeyOf(tx: Tx, table: string): Promise<{ column: string; type: string } | null> {
  const rows = await tx.$queryRawUnsafe<{ column: string; type: string }[]>(
    `SELECT a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type FROM pg_constraint k
     JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
     WHERE k.contype = 'p' AND k.conrelid = $1::regclass AND cardinality(k.conkey) = 1`,
    quote(table),
  );
  return rows[0] ?? null;
}
