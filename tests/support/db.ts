import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { inject } from "vitest";
import type { AdapterChoice } from "../../server/db/adapter.ts";
import { chooseAdapter, pgliteExtensions, prismaOnPGlite } from "../../server/db/adapter.ts";
import { createDb, type Db } from "../../server/db.ts";
import { PrismaClient } from "../../server/generated/prisma/client.ts";
import { fileView, giveBack, loadTarball, takePglite } from "./pglite-pool.ts";
import { onServer } from "./postgres.mjs";

// import.meta.dirname, not .url: under jsdom the URL is not a file: URL.
const migrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");

/** The migration folders, in the order `prisma migrate deploy` applies them. */
export function migrationNames(): string[] {
  return fs
    .readdirSync(migrationsDir)
    .filter((d) => fs.existsSync(path.join(migrationsDir, d, "migration.sql")))
    .sort();
}

/** The SQL of every migration, in order, as `prisma migrate deploy` would apply them. */
export function migrationSql(): string[] {
  return migrationNames().map((d) => fs.readFileSync(path.join(migrationsDir, d, "migration.sql"), "utf8"));
}

/**
 * What a test file starts from: the migrated schema only, plus the reference data (units and the
 * model-type catalogue, `seed(db, { demo: false })`), plus the demo records (`seed(db, { demo: true })`).
 */
export type Template = "migrated" | "reference" | "demo";
export const TEMPLATES: readonly Template[] = ["migrated", "reference", "demo"];

/** Where tests/support/db-templates.ts (vitest globalSetup) left the templates of this run. */
export type TemplateLocation = { kind: "pglite"; dir: string } | { kind: "postgresql"; urls: Record<Template, string> };

declare module "vitest" {
  interface ProvidedContext {
    dbTemplates: TemplateLocation;
  }
}

export const pgliteTemplateFile = (dir: string, template: Template | "empty") => path.join(dir, `${template}.tar`);

export type TestDb = { db: Db; kind: AdapterChoice["kind"]; close: () => Promise<void> };

/**
 * A fresh database for one test file, copied from a template built once per run, so that no file
 * replays the migrations or the seed: PGlite loads the template's data directory (a tarball),
 * PostgreSQL creates the database `TEMPLATE` the template database.
 */
export async function createTestDb(
  template: Template = "migrated",
  opts: { onQuery?: (sql: string) => void } = {},
): Promise<TestDb> {
  const where = inject("dbTemplates");
  if (where.kind === "postgresql") return clonePostgres(where.urls[template], opts.onQuery);
  // In memory, not on a copy of the directory on disk (which opens in 0.9 s of CPU instead of 2 s):
  // on a directory each query costs about twice the CPU (decision 043). A database a closed file
  // gave back is reset to the template and taken again (tests/support/pglite-pool.ts).
  const pglite = await takePglite(where.dir, template, pgliteTemplateFile(where.dir, template));
  const { view, end } = fileView(pglite);
  const db = clientOf(prismaOnPGlite(view), opts.onQuery);
  let closed = false;
  return {
    db,
    kind: "pglite",
    close: async () => {
      if (closed) return;
      closed = true;
      end();
      await db.$disconnect();
      giveBack(pglite);
    },
  };
}

/**
 * A new PGlite database, as initdb leaves it (no migration applied), for tests of migrations:
 * loaded from the `empty` template (2 s of CPU; initdb takes 7 s). The PostgreSQL run makes no
 * PGlite template, so there it runs initdb.
 */
export async function emptyPglite(): Promise<PGlite> {
  const where = inject("dbTemplates");
  if (where.kind === "pglite") return loadTarball(pgliteTemplateFile(where.dir, "empty"));
  return PGlite.create({ extensions: pgliteExtensions });
}

/**
 * The Prisma client of a test database; with `onQuery`, every statement Prisma sends is passed to it
 * (Prisma's query log: COMMIT is logged, BEGIN is not), for tests that count a write's statements.
 */
function clientOf(factory: AdapterChoice["factory"], onQuery?: (sql: string) => void): Db {
  if (!onQuery) return createDb({ kind: "pglite", factory, close: async () => {} });
  const db = new PrismaClient({ adapter: factory, log: [{ emit: "event", level: "query" }] });
  db.$on("query", (e) => onQuery(e.query));
  // The same client as createDb's; its type only differs by the log option.
  return db as unknown as Db;
}

async function clonePostgres(templateUrl: string, onQuery?: (sql: string) => void): Promise<TestDb> {
  const name = `t_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const templateName = new URL(templateUrl).pathname.slice(1);
  // FILE_COPY copies the template's files instead of writing each page to the WAL (PostgreSQL 15's
  // default, WAL_LOG): 0.2 s of the server's CPU a copy and its drop instead of 0.33 (decision 043).
  await onServer(templateUrl, `CREATE DATABASE "${name}" TEMPLATE "${templateName}" STRATEGY FILE_COPY`);
  const adapter = await chooseAdapter({ databaseUrl: templateUrl.replace(/\/[^/]+$/, `/${name}`), dataDir: "" });
  const db = clientOf(adapter.factory, onQuery);
  return {
    db,
    kind: adapter.kind,
    close: async () => {
      await db.$disconnect();
      await adapter.close();
      await onServer(templateUrl, `DROP DATABASE IF EXISTS "${name}"`);
    },
  };
}

/** SQL on one connection: scripts of several statements, and queries with parameters. */
export type RawSql = {
  exec: (script: string) => Promise<void>;
  query: <T>(sql: string, params?: unknown[]) => Promise<T[]>;
};

/**
 * An empty database (no migration applied) for tests of the migrations themselves, reached through
 * one connection, and through Prisma once the schema is there.
 */
export async function createEmptyDb(): Promise<RawSql & { prisma: () => Promise<Db>; close: () => Promise<void> }> {
  const where = inject("dbTemplates");
  if (where.kind === "pglite") {
    const pglite = await emptyPglite();
    let db: Db | undefined;
    return {
      exec: async (script) => void (await pglite.exec(script)),
      query: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
      prisma: async () => {
        db ??= createDb({ kind: "pglite", factory: prismaOnPGlite(pglite), close: () => pglite.close() });
        return db;
      },
      close: async () => {
        await db?.$disconnect();
        await pglite.close();
      },
    };
  }
  const server = where.urls.migrated;
  const name = `e_${process.pid}_${Date.now()}`;
  await onServer(server, `CREATE DATABASE "${name}"`);
  const url = server.replace(/\/[^/]+$/, `/${name}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let prisma: TestDb | undefined;
  return {
    exec: async (script) => void (await client.query(script)),
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    prisma: async () => {
      if (!prisma) {
        const adapter = await chooseAdapter({ databaseUrl: url, dataDir: "" });
        const db = createDb(adapter);
        prisma = { db, kind: adapter.kind, close: () => db.$disconnect().then(adapter.close) };
      }
      return prisma.db;
    },
    close: async () => {
      await prisma?.close();
      await client.end();
      await onServer(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
