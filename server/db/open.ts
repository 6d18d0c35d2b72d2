import { seed } from "../../prisma/seed/index.ts";
import { createDb, type Db } from "../db.ts";
import type { Env } from "../env.ts";
import { type AdapterChoice, chooseAdapter } from "./adapter.ts";
import { acquireLock } from "./lock.ts";
import { migrateDeploy } from "./migrate.ts";

export type OpenDatabase = {
  db: Db;
  kind: AdapterChoice["kind"];
  demoLoaded: boolean;
  /** Disconnects, closes PGlite and releases the data directory. */
  close: () => Promise<void>;
};

/**
 * Opens the database the way every process of the product does (server, `pnpm user`,
 * `pnpm report`): take the data-directory lock (PGlite is single-process), apply the migrations,
 * connect, and seed — reference data always, demo records by default on the embedded database only.
 * Seeding is idempotent, so whichever process opens a fresh database first leaves it the same.
 */
export async function openDatabase(env: Env): Promise<OpenDatabase> {
  const release = env.DATABASE_URL ? () => {} : acquireLock(env.dataDir);
  try {
    await migrateDeploy(env);
    const adapter = await chooseAdapter({ databaseUrl: env.DATABASE_URL, dataDir: env.dataDir });
    const db = createDb(adapter);
    const demo = env.SEED_DEMO ? env.SEED_DEMO === "true" : adapter.kind === "pglite";
    const { demoLoaded } = await seed(db, { demo });
    return {
      db,
      kind: adapter.kind,
      demoLoaded,
      close: async () => {
        try {
          await db.$disconnect();
          await adapter.close();
        } finally {
          release();
        }
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
