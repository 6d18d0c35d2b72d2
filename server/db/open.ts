import { seed } from "../../prisma/seed/index.ts";
import { createDb, type Db } from "../db.ts";
import type { Env } from "../env.ts";
import { logger } from "../logger.ts";
import { DEFAULT_PROVINCE, provinceLabel, provinceOfDatabase } from "../services/units/province.ts";
import { type AdapterChoice, chooseAdapter, type SqlSession } from "./adapter.ts";
import { secureDataDir } from "./data-dir.ts";
import { acquireLock } from "./lock.ts";
import { type UpgradeResult, upgradeDatabase } from "./upgrade.ts";

export type Connection = {
  db: Db;
  kind: AdapterChoice["kind"];
  /** Raw SQL on one session of the same database, for migrations. */
  session: () => Promise<SqlSession>;
  /** The embedded database's snapshot for backups (adapter.ts); none on PostgreSQL. */
  snapshot?: AdapterChoice["snapshot"];
  close: () => Promise<void>;
};

export type OpenDatabase = Connection & {
  demoLoaded: boolean;
  upgrade: UpgradeResult;
  /** Disconnects, closes PGlite and releases the data directory. */
  close: () => Promise<void>;
};

/**
 * The first step of every process that uses the data directory: make it private, and on the
 * embedded database take its lock (PGlite is single-process; PostgreSQL needs none). Refuses,
 * changing nothing, when another process holds it.
 */
export async function claimDataDir(env: Env): Promise<{ release: () => Promise<void> }> {
  const lock = env.DATABASE_URL ? null : await acquireLock(env.dataDir);
  const check = secureDataDir(env.dataDir);
  if (check.wasOpen) {
    logger.warn(
      { dataDir: env.dataDir, fixed: check.fixed },
      "thư mục dữ liệu đã mở cho người dùng khác; đã đặt lại quyền 0700/0600 (data directory was group/world accessible; made private)",
    );
  }
  return {
    release: async () => {
      secureDataDir(env.dataDir);
      await lock?.release();
    },
  };
}

/** Connects to the configured database as it is: no migration, no seed. The caller claimed the directory. */
export async function connect(env: Env): Promise<Connection> {
  const adapter = await chooseAdapter({ databaseUrl: env.DATABASE_URL, dataDir: env.dataDir });
  const db = createDb(adapter);
  return {
    db,
    kind: adapter.kind,
    session: adapter.session,
    ...(adapter.snapshot ? { snapshot: adapter.snapshot } : {}),
    close: async () => {
      await db.$disconnect();
      await adapter.close();
    },
  };
}

/**
 * Opens the database the way the server, `pnpm user` and `pnpm report` do: claim the data
 * directory, connect, refuse a newer version's database, back up before an upgrade, apply the
 * migrations, and seed — reference data always, demo records by
 * default on the embedded database only. Seeding is idempotent, so whichever process opens a fresh
 * database first leaves it the same.
 */
export async function openDatabase(env: Env): Promise<OpenDatabase> {
  const claim = await claimDataDir(env);
  try {
    const conn = await connect(env);
    try {
      const province = await checkProvince(conn.db, env);
      const upgrade = await upgradeDatabase(conn, env.dataDir);
      // Another province than the default has no demo unless asked for (decision 044).
      const demo = env.SEED_DEMO ? env.SEED_DEMO === "true" : conn.kind === "pglite" && province === DEFAULT_PROVINCE;
      const { demoLoaded } = await seed(conn.db, { demo, province });
      // The files PGlite created on a first start (initdb) are private too.
      secureDataDir(env.dataDir);
      return {
        ...conn,
        demoLoaded,
        upgrade,
        close: async () => {
          try {
            await conn.close();
          } finally {
            await claim.release();
          }
        },
      };
    } catch (err) {
      await conn.close();
      throw err;
    }
  } catch (err) {
    await claim.release();
    throw err;
  }
}

/**
 * The province to set the database up for (decision 044): PROVINCE, else the one the database
 * already serves, else the default. A database set up for another province than PROVINCE names is
 * refused before anything is migrated or written.
 */
async function checkProvince(db: Db, env: Env): Promise<string> {
  const stored = await provinceOfDatabase(db);
  const wanted = env.PROVINCE ?? stored ?? DEFAULT_PROVINCE;
  if (stored && stored !== wanted) {
    const [has, asked] = await Promise.all([provinceLabel(stored), provinceLabel(wanted)]);
    throw new Error(
      `Dữ liệu này đã cài cho tỉnh/thành phố ${has}; không thể chạy với PROVINCE=${asked}. ` +
        `Đặt PROVINCE=${stored} hoặc dùng một thư mục dữ liệu (cơ sở dữ liệu) mới.\n` +
        `This data is set up for province ${has}; it cannot run with PROVINCE=${asked}. ` +
        `Set PROVINCE=${stored} or use a new data folder (database).`,
    );
  }
  return wanted;
}
