import { Blob } from "node:buffer";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pgliteExtensions } from "../../server/db/adapter.ts";

/**
 * One PGlite per worker, reset between test files instead of loaded again (decision 043, follow-up 2).
 *
 * Loading a template's 42 MB data directory into a new PGlite costs about 2.5 s of CPU; putting a
 * used one back in a template's state — TRUNCATE of every table, COPY of the template's rows, the
 * sequences set back — about 0.15 s. A used database is taken again only when nothing but rows and
 * sequences can differ from the template: its schema (tables, columns, constraints, indexes,
 * triggers, functions, types, roles, extensions…) must still have the template's fingerprint, and
 * DISCARD ALL ends what a session keeps (settings, temporary tables, prepared statements, advisory
 * locks, LISTEN). A database whose schema changed, or that does not answer, is closed and never
 * reused. After the reset, the rows and sequences are checked against the template's digest
 * (`contentDigest`), so a leak would fail the next file's set-up rather than pass silently.
 */

/** What a template holds besides its tarball: its rows (COPY, binary), its sequences, its digests. */
type Snapshot = {
  tables: string[];
  filled: string[];
  sequences: { name: string; last: string; called: boolean }[];
  schema: string;
  digest: string;
};

const snapshotDir = (dir: string, template: string) => path.join(dir, `${template}.rows`);

/** Everything a test could change in a database other than rows and sequence values, as one md5. */
const SCHEMA_FINGERPRINT = `
WITH ns AS (
  SELECT oid, nspname FROM pg_namespace
  WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
    AND nspname NOT LIKE 'pg\\_temp\\_%' AND nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
)
SELECT md5(string_agg(x, E'\\n' ORDER BY x)) AS fingerprint FROM (
  SELECT format('namespace %s', nspname) FROM ns
  UNION ALL SELECT format('class %s.%s %s %s %s', ns.nspname, c.relname, c.relkind, c.relpersistence, c.relrowsecurity)
    FROM pg_class c JOIN ns ON ns.oid = c.relnamespace
  UNION ALL SELECT format('column %s %s %s %s %s %s', a.attrelid::regclass, a.attname, a.atttypid::regtype, a.attnotnull, a.attisdropped, a.attgenerated)
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN ns ON ns.oid = c.relnamespace WHERE a.attnum > 0
  UNION ALL SELECT format('default %s %s', d.adrelid::regclass, pg_get_expr(d.adbin, d.adrelid))
    FROM pg_attrdef d JOIN pg_class c ON c.oid = d.adrelid JOIN ns ON ns.oid = c.relnamespace
  UNION ALL SELECT format('constraint %s %s %s', co.conrelid::regclass, co.conname, pg_get_constraintdef(co.oid))
    FROM pg_constraint co JOIN ns ON ns.oid = co.connamespace
  UNION ALL SELECT format('index %s', pg_get_indexdef(i.indexrelid))
    FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN ns ON ns.oid = c.relnamespace
  UNION ALL SELECT format('trigger %s %s %s %s', t.tgrelid::regclass, t.tgname, t.tgenabled, pg_get_triggerdef(t.oid))
    FROM pg_trigger t WHERE NOT t.tgisinternal
  UNION ALL SELECT format('function %s %s', p.oid::regprocedure, md5(p.prosrc))
    FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace
  UNION ALL SELECT format('type %s %s', t.oid::regtype, t.typtype) FROM pg_type t JOIN ns ON ns.oid = t.typnamespace
  UNION ALL SELECT format('enum %s %s %s', e.enumtypid::regtype, e.enumsortorder, e.enumlabel) FROM pg_enum e
  UNION ALL SELECT format('view %s %s', c.oid::regclass, pg_get_viewdef(c.oid))
    FROM pg_class c JOIN ns ON ns.oid = c.relnamespace WHERE c.relkind IN ('v', 'm')
  UNION ALL SELECT format('rule %s %s', r.ev_class::regclass, r.rulename) FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN ns ON ns.oid = c.relnamespace
  UNION ALL SELECT format('policy %s %s', pol.polrelid::regclass, pol.polname) FROM pg_policy pol
  UNION ALL SELECT format('extension %s %s', extname, extversion) FROM pg_extension
  UNION ALL SELECT format('role %s %s', rolname, rolsuper) FROM pg_roles
  UNION ALL SELECT format('event trigger %s', evtname) FROM pg_event_trigger
) AS s(x)`;

/** SQL returning rows, on a PGlite or (for the tests of this pool) through Prisma on either database. */
export type Rows = <T>(sql: string) => Promise<T[]>;
const onPglite =
  (pglite: PGlite): Rows =>
  async <T>(sql: string) =>
    (await pglite.query<T>(sql)).rows;

/** The ordinary tables of the database (every schema but the system's), quoted, in order. */
async function tablesOf(rows: Rows): Promise<string[]> {
  const found = await rows<{ name: string }>(
    `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
     WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
  );
  return found.map((r) => r.name);
}

async function sequencesOf(rows: Rows): Promise<Snapshot["sequences"]> {
  const names = await rows<{ name: string }>(
    "SELECT format('%I.%I', schemaname, sequencename) AS name FROM pg_sequences ORDER BY 1",
  );
  const out: Snapshot["sequences"] = [];
  for (const { name } of names) {
    const [s] = await rows<{ last: string; called: boolean }>(
      `SELECT last_value::text AS last, is_called AS called FROM ${name}`,
    );
    if (s) out.push({ name, ...s });
  }
  return out;
}

const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** The md5 of every table's rows (as text, sorted) and every sequence's state. */
export async function contentDigest(rows: Rows): Promise<string> {
  const parts = (await tablesOf(rows)).map(
    (t) => `SELECT ${literal(t)} || ' ' || coalesce(md5(string_agg(x::text, E'\\n' ORDER BY x::text)), '') FROM ${t} x`,
  );
  const [d] = await rows<{ d: string }>(
    `SELECT md5(string_agg(p, E'\\n' ORDER BY p)) AS d FROM (${parts.join(" UNION ALL ")}) AS s(p)`,
  );
  const seqs = (await sequencesOf(rows)).map((s) => `${s.name} ${s.last} ${s.called}`).join("\n");
  return `${d?.d}/${seqs}`;
}

/** The schema's fingerprint (SCHEMA_FINGERPRINT). */
export const schemaFingerprint = async (rows: Rows) =>
  (await rows<{ fingerprint: string }>(SCHEMA_FINGERPRINT))[0]?.fingerprint ?? "";

/**
 * globalSetup: writes what a reset to `template` needs beside its tarball — each non-empty table's
 * rows (binary COPY), the sequences, the schema's fingerprint and the content's digest.
 */
export async function writeSnapshot(pglite: PGlite, dir: string, template: string): Promise<void> {
  const out = snapshotDir(dir, template);
  fs.mkdirSync(out, { recursive: true });
  const rows = onPglite(pglite);
  const tables = await tablesOf(rows);
  const filled: string[] = [];
  for (const [i, table] of tables.entries()) {
    const [some] = await rows<{ any: boolean }>(`SELECT EXISTS (SELECT FROM ${table}) AS any`);
    if (!some?.any) continue;
    const res = await pglite.query(`COPY ${table} TO '/dev/blob' WITH (FORMAT binary)`);
    if (!res.blob) throw new Error(`COPY ${table} gave no rows`);
    fs.writeFileSync(path.join(out, `${i}.bin`), Buffer.from(await res.blob.arrayBuffer()));
    filled.push(table);
  }
  const snapshot: Snapshot = {
    tables,
    filled,
    sequences: await sequencesOf(rows),
    schema: await schemaFingerprint(rows),
    digest: await contentDigest(rows),
  };
  fs.writeFileSync(path.join(out, "snapshot.json"), JSON.stringify(snapshot));
}

type Loaded = Snapshot & { rows: Map<string, globalThis.Blob> };
const snapshots = new Map<string, Loaded>();
function snapshotFor(dir: string, template: string): Loaded | null {
  const key = snapshotDir(dir, template);
  const had = snapshots.get(key);
  if (had) return had;
  const file = path.join(key, "snapshot.json");
  if (!fs.existsSync(file)) return null;
  const snapshot = JSON.parse(fs.readFileSync(file, "utf8")) as Snapshot;
  const rows = new Map<string, globalThis.Blob>();
  for (const table of snapshot.filled) {
    const i = snapshot.tables.indexOf(table);
    rows.set(table, new Blob([fs.readFileSync(path.join(key, `${i}.bin`))]) as globalThis.Blob);
  }
  const loaded = { ...snapshot, rows };
  snapshots.set(key, loaded);
  return loaded;
}

/** PGlite in memory on a template's data directory (a tarball): about 2.5 s of CPU. */
export async function loadTarball(file: string): Promise<PGlite> {
  // Node's Blob, not the global one: under jsdom that is jsdom's, which PGlite cannot read.
  return PGlite.create({
    loadDataDir: new Blob([fs.readFileSync(file)]) as globalThis.Blob,
    extensions: pgliteExtensions,
  });
}

/** The worker's databases given back by closed test files, waiting to be reset and taken again. */
const idle: PGlite[] = [];
/** Counts for the tests of this pool (tests/server/test-db-reuse.test.ts). */
export const poolStats = { loaded: 0, reused: 0, discarded: 0, resetCpuMs: 0 };

const RESET_TIMEOUT_MS = 10_000;

async function reset(pglite: PGlite, snapshot: Loaded): Promise<void> {
  // Fails inside a transaction a test left open, and never answers while one still runs: either
  // way the database is closed instead (takePglite).
  await pglite.exec("DISCARD ALL");
  if ((await schemaFingerprint(onPglite(pglite))) !== snapshot.schema) throw new Error("the schema changed");
  // Replica mode: no trigger (audit, roll-ups, data version) and no foreign key check fires while
  // the template's own rows, roll-ups included, are put back as they were.
  await pglite.exec(`SET session_replication_role = replica; TRUNCATE ${snapshot.tables.join(", ")}`);
  for (const [table, blob] of snapshot.rows) {
    await pglite.query(`COPY ${table} FROM '/dev/blob' WITH (FORMAT binary)`, [], { blob });
  }
  if (snapshot.sequences.length) {
    const setval = snapshot.sequences.map((s) => `setval(${literal(s.name)}, ${s.last}, ${s.called})`);
    await pglite.query(`SELECT ${setval.join(", ")}`);
  }
  await pglite.exec("RESET ALL");
  if ((await contentDigest(onPglite(pglite))) !== snapshot.digest)
    throw new Error("the rows differ from the template's");
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/**
 * A PGlite in `template`'s state: a database a closed file gave back, reset, or else a new one
 * loaded from the tarball. `giveBack` is for when the file is done with it.
 */
export async function takePglite(dir: string, template: string, tarball: string): Promise<PGlite> {
  const taken = await take(dir, template, tarball);
  // QT_POOL_STATS=path: each worker writes its counts to path.PID (how decision 043 measured them).
  const statsTo = process.env.QT_POOL_STATS;
  if (statsTo) fs.writeFileSync(`${statsTo}.${process.pid}`, JSON.stringify(poolStats));
  return taken;
}

async function take(dir: string, template: string, tarball: string): Promise<PGlite> {
  const snapshot = snapshotFor(dir, template);
  while (snapshot && idle.length) {
    const pglite = idle.pop() as PGlite;
    const cpu = process.cpuUsage();
    try {
      await withTimeout(reset(pglite, snapshot), RESET_TIMEOUT_MS);
      const used = process.cpuUsage(cpu);
      poolStats.resetCpuMs += (used.user + used.system) / 1000;
      poolStats.reused++;
      return pglite;
    } catch {
      poolStats.discarded++;
      void pglite.close().catch(() => {});
    }
  }
  poolStats.loaded++;
  return loadTarball(tarball);
}

export function giveBack(pglite: PGlite): void {
  if (!pglite.closed) idle.push(pglite);
}

/**
 * The test file's view of a pooled database: PGlite itself until the file closes it, then every
 * query, script and transaction refused, as on a closed PGlite, so that nothing the file left
 * running (a timer, a request) reaches the next file's database.
 */
export function fileView(pglite: PGlite): { view: PGlite; end: () => void } {
  let ended = false;
  const refuse = () => Promise.reject(new Error("PGlite is closed (this test file's database was closed)"));
  const view = Object.create(pglite) as PGlite;
  Object.assign(view, {
    query: (...args: Parameters<PGlite["query"]>) => (ended ? refuse() : pglite.query(...args)),
    exec: (...args: Parameters<PGlite["exec"]>) => (ended ? refuse() : pglite.exec(...args)),
    transaction: (...args: Parameters<PGlite["transaction"]>) => (ended ? refuse() : pglite.transaction(...args)),
    close: async () => {
      ended = true;
    },
  });
  const end = () => {
    ended = true;
  };
  return { view, end };
}
