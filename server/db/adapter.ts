import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { catchUp, copyAll } from "./copy-files.ts";
import { createTurns, type Turns } from "./turns.ts";

export type DatabaseKind = "pglite" | "postgresql";

/**
 * Works around prisma/prisma issue 27403 ("Column type 'name' could not be deserialized"):
 * @prisma/adapter-pg 6.19 has no mapping for PostgreSQL's internal `name` type (oid 19), which the
 * migration engine's catalog queries return. `name` is text on the wire, so report it as text (25).
 * The same holds for the one-byte `"char"` (oid 18) that `prisma migrate diff` reads from the
 * catalogs when it describes a schema. Used as the pool's client class so that both pool queries
 * and transactions are covered.
 */
const CATALOG_TEXT_OIDS = new Set([18, 19]);
const TEXT_OID = 25;
function nameAsText<T>(result: T): T {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const f of (r as pg.QueryResult | undefined)?.fields ?? []) {
      if (CATALOG_TEXT_OIDS.has(f.dataTypeID)) f.dataTypeID = TEXT_OID;
    }
  }
  return result;
}
class NameAsTextClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query has many overloads; we only post-process results.
  override query(...args: any[]): any {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (err: Error, res: unknown) => last(err, res && nameAsText(res));
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const out = (super.query as (...a: unknown[]) => unknown)(...args);
    return out instanceof Promise ? out.then(nameAsText) : out;
  }
}

/**
 * @prisma/adapter-pg 6.19 runs a migration script by splitting it on ";", which breaks
 * dollar-quoted function bodies (the audit trigger of the first migration). PostgreSQL's simple
 * query protocol runs a whole multi-statement script in one call, so send it as it is.
 */
class PrismaPgWholeScripts extends PrismaPg {
  constructor(
    pool: pg.Pool,
    private readonly url: string,
  ) {
    super(pool);
  }
  override async connect() {
    return wholeScripts(await super.connect());
  }
  /**
   * PrismaPg 6.19 points its shadow pool at the new database with `database`, which the pool's
   * connection string overrides: the "shadow" would be the main database, and `prisma migrate diff
   * --from-migrations` (tests/run.mjs: do the schema and the migrations agree?) would replay the
   * migrations onto it. Here the shadow database gets a URL of its own, and is dropped after use.
   */
  override async connectToShadowDb() {
    const main = await this.connect();
    const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
    await main.executeScript(`CREATE DATABASE "${name}"`);
    const url = new URL(this.url);
    url.pathname = `/${name}`;
    const pool = new pg.Pool({ connectionString: url.toString(), Client: NameAsTextClient, max: 2 });
    const shadow = wholeScripts(await new PrismaPg(pool, { disposeExternalPool: true }).connect());
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await main.executeScript(`DROP DATABASE "${name}"`);
      await main.dispose();
    };
    return shadow;
  }
}
function wholeScripts<A extends Awaited<ReturnType<PrismaPg["connect"]>>>(adapter: A): A {
  adapter.executeScript = async (script: string) => {
    await adapter.underlyingDriver().query(script);
  };
  return adapter;
}

/**
 * The PostgreSQL extensions the schema uses (the `extensions` of prisma/schema.prisma), which PGlite
 * loads only when asked: every PGlite that opens the product's database (server, CLI, tests, backup)
 * must be created with these, or a write to an indexed table fails.
 */
export const pgliteExtensions = { pg_trgm };

/**
 * Prisma on a PGlite whose queries and transactions take turns with the event loop (turns.ts):
 * the one way the product and the tests put Prisma on PGlite. The adapter calls only `query`,
 * `exec` and `transaction` on it; everything else is PGlite's own.
 */
export function prismaOnPGlite(pglite: PGlite, turns: Turns = createTurns()): PrismaPGlite {
  const taking: Pick<PGlite, "query" | "exec" | "transaction"> = {
    query: (...args) => turns.run(() => pglite.query(...args)),
    exec: (...args) => turns.run(() => pglite.exec(...args)),
    transaction: (...args) => turns.run(() => pglite.transaction(...args)),
  };
  return new PrismaPGlite(Object.assign(Object.create(pglite) as PGlite, taking));
}

/** Raw SQL on one database session: what the migrator needs (whole scripts, a session-held lock). */
export type SqlSession = {
  exec: (script: string) => Promise<void>;
  rows: <T>(sql: string, params?: unknown[]) => Promise<T[]>;
  release: () => void;
};

export type AdapterChoice = {
  kind: DatabaseKind;
  factory: PrismaPg | PrismaPGlite;
  session: () => Promise<SqlSession>;
  close: () => Promise<void>;
  /** The embedded database only: copies its files, as of one moment, into `into` (a backup's snapshot). */
  snapshot?: (into: string) => Promise<void>;
};

/**
 * A copy of the embedded database's files at one moment (decision 030): a first copy while the
 * server runs, then, in the database's turn (no query runs meanwhile), a CHECKPOINT — the data
 * files then hold every committed change — and a second copy of only what changed since the first
 * began (copy-files.ts). Database requests wait for that second pass only; the copy's I/O is
 * asynchronous, so the event loop serves everything else meanwhile.
 */
function snapshotOf(pglite: PGlite, dir: string, turns: Turns) {
  return async (into: string) => {
    const first = await copyAll(dir, into);
    await turns.run(async () => {
      await pglite.exec("CHECKPOINT");
      await catchUp(dir, into, first);
    });
  };
}

/** PostgreSQL when a postgresql:// URL is given, otherwise the embedded PGlite in `$DATA_DIR/pg`. */
export async function chooseAdapter(opts: { databaseUrl?: string; dataDir: string }): Promise<AdapterChoice> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, Client: NameAsTextClient, max: 10 });
    const session = async (): Promise<SqlSession> => {
      const client = await pool.connect();
      return {
        exec: async (script) => void (await client.query(script)),
        rows: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
        release: () => client.release(),
      };
    };
    return {
      kind: "postgresql",
      factory: new PrismaPgWholeScripts(pool, opts.databaseUrl),
      session,
      close: () => pool.end(),
    };
  }
  const dir = path.join(opts.dataDir, "pg");
  fs.mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(dir, { extensions: pgliteExtensions });
  const session = async (): Promise<SqlSession> => ({
    exec: async (script) => void (await pglite.exec(script)),
    rows: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
    release: () => {},
  });
  const turns = createTurns();
  return {
    kind: "pglite",
    factory: prismaOnPGlite(pglite, turns),
    session,
    close: () => pglite.close(),
    snapshot: snapshotOf(pglite, dir, turns),
  };
}

/**
 * For the Prisma CLI process only. PGlite arms PostgreSQL's internal timers (setitimer, emulated
 * with setTimeout) and pglite-prisma-adapter 0.6's dispose() does not close the database, so an
 * open PGlite would keep `prisma migrate deploy` running forever after it has applied the
 * migrations, and the schema engine's own 10 s guard timers add 10 s more. Timers armed from
 * WebAssembly are unref'd, and the database is closed cleanly once the CLI has nothing left to do.
 */
export function releaseWhenCliIsDone(choice: AdapterChoice): void {
  if (choice.kind !== "pglite") return;
  const original = globalThis.setTimeout;
  globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => {
    const timer = original(...args);
    const stack = new Error().stack ?? "";
    // PGlite's emulated setitimer, and the Prisma schema engine's 10 s guard timer around its calls.
    if (stack.includes("__setitimer_js") || stack.includes("wasm://")) timer.unref();
    return timer;
  }) as typeof setTimeout;
  process.once("beforeExit", () => void choice.close());
}
