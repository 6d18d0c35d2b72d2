import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { seedDemo } from "../../prisma/seed/demo.ts";
import { seedReference } from "../../prisma/seed/reference.ts";
import { chooseAdapter, pgliteExtensions, prismaOnPGlite } from "../../server/db/adapter.ts";
import { createDb, type Db } from "../../server/db.ts";
import { prepareDataDirs } from "./data-dirs.ts";
import { migrationSql, pgliteTemplateFile, type Template, type TemplateLocation } from "./db.ts";
import { writeSnapshot } from "./pglite-pool.ts";
import { onServer } from "./postgres.mjs";

/**
 * vitest globalSetup of the server and client projects: builds the three templates of
 * tests/support/db.ts once per run — migrated, + reference data, + demo records — each from the
 * previous one, so the migrations and the seed run once instead of once per test file.
 * With TEST_DATABASE_URL (the database `prisma migrate deploy` migrated, from tests/run.mjs) the
 * templates are PostgreSQL databases; otherwise PGlite data directories dumped to a temp dir, with
 * one more before the migrations (`empty`, initdb's result), and, in a process of their own, the
 * prepared data directories of the process tests (tests/support/data-dirs.ts).
 * vitest runs a globalSetup once per project, and the server and client projects both list this
 * one: the templates are built by the first and shared with the second (one build instead of two,
 * about 20 s of CPU on one core at the start of the step), and removed after the last project.
 */
export default async function setup(project: TestProject) {
  const holder = globalThis as { __qtDbTemplates?: Shared };
  holder.__qtDbTemplates ??= { users: 0, built: build() };
  const shared = holder.__qtDbTemplates;
  shared.users++;
  const built = await shared.built;
  project.provide("dbTemplates", built.where);
  project.provide("preparedDataDirs", built.preparedDataDirs);
  return async () => {
    if (--shared.users > 0) return;
    holder.__qtDbTemplates = undefined;
    await (await shared.built).remove();
  };
}

type Built = { where: TemplateLocation; preparedDataDirs: string; remove: () => Promise<void> };
type Shared = { users: number; built: Promise<Built> };

async function build(): Promise<Built> {
  const migrated = process.env.TEST_DATABASE_URL;
  if (migrated) {
    const urls = await postgresTemplates(migrated);
    return {
      where: { kind: "postgresql", urls },
      // The one file that would use them there (backup-cli's server) would not win back their making.
      preparedDataDirs: "",
      remove: async () => {
        await onServer(migrated, `DROP DATABASE IF EXISTS "${dbName(urls.demo)}"`);
        await onServer(migrated, `DROP DATABASE IF EXISTS "${dbName(urls.reference)}"`);
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qt-db-templates-"));
  // The prepared data directories (tests/support/data-dirs.ts) in a process of their own, on the
  // core this one's template building leaves free.
  const [, prepared] = await Promise.all([pgliteTemplates(dir), prepareDataDirs()]);
  return {
    where: { kind: "pglite", dir },
    preparedDataDirs: prepared.dir,
    remove: async () => {
      fs.rmSync(dir, { recursive: true, force: true });
      prepared.remove();
    },
  };
}

const dbName = (url: string) => new URL(url).pathname.slice(1);
const withDb = (url: string, name: string) => url.replace(/\/[^/]+$/, `/${name}`);

/** Each seeding step after the migrated schema: the template it makes and what it adds. */
const STEPS: [Template, (db: Db) => Promise<unknown>][] = [
  ["reference", seedReference],
  ["demo", seedDemo],
];

async function pgliteTemplates(dir: string) {
  const pglite = await PGlite.create({ extensions: pgliteExtensions });
  try {
    const dump = async (t: Template | "empty") => {
      // A checkpoint first: the dump then opens without replaying the WAL, which would move every
      // sequence up to 32 values on (sequences log ahead), and its state is the live one that the
      // worker's databases are reset to (pglite-pool.ts).
      await pglite.exec("CHECKPOINT");
      fs.writeFileSync(pgliteTemplateFile(dir, t), Buffer.from(await (await pglite.dumpDataDir("none")).arrayBuffer()));
    };
    // initdb's result, for the tests of the migrations themselves (createEmptyDb, emptyPglite).
    await dump("empty");
    for (const sql of migrationSql()) await pglite.exec(sql);
    await dump("migrated");
    // What a worker's database needs to be reset to a template between files (pglite-pool.ts).
    await writeSnapshot(pglite, dir, "migrated");
    const db = createDb({ kind: "pglite", factory: prismaOnPGlite(pglite), close: () => pglite.close() });
    for (const [template, step] of STEPS) {
      await step(db);
      await dump(template);
      await writeSnapshot(pglite, dir, template);
    }
    await db.$disconnect();
  } finally {
    await pglite.close();
  }
}

async function postgresTemplates(migrated: string): Promise<Record<Template, string>> {
  const urls: Record<Template, string> = { migrated, reference: "", demo: "" };
  let from = migrated;
  for (const [template, step] of STEPS) {
    const url = withDb(migrated, `${dbName(migrated)}_${template}`);
    await onServer(migrated, `DROP DATABASE IF EXISTS "${dbName(url)}"`);
    await onServer(migrated, `CREATE DATABASE "${dbName(url)}" TEMPLATE "${dbName(from)}"`);
    // Every connection to a template must be gone before the next CREATE DATABASE … TEMPLATE.
    const adapter = await chooseAdapter({ databaseUrl: url, dataDir: "" });
    const db = createDb(adapter);
    await step(db);
    await db.$disconnect();
    await adapter.close();
    urls[template] = url;
    from = url;
  }
  return urls;
}
