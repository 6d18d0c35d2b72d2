import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pgliteExtensions, prismaOnPGlite } from "../../db/adapter.ts";
import { createDb, type Db } from "../../db.ts";
import type { BackupHeader } from "./format.ts";

/**
 * What a backup reads (decision 030). PostgreSQL: the live database, in one REPEATABLE READ READ
 * ONLY transaction on one connection of the pool — its snapshot is consistent and other requests
 * use the other connections. The embedded database has one connection, which a transaction would
 * hold for the whole backup (48 s for 270,000 rows): the backup reads a copy of its files taken in
 * one turn (adapter.ts `snapshot`), opened as a second, private PGlite, and removed afterwards.
 */
export type BackupSource = {
  db: Db;
  kind: BackupHeader["database"];
  /** Set for a running server on the embedded database: where snapshots go, and how to take one. */
  snapshot?: { dataDir: string; take: (into: string) => Promise<void> };
};

export const snapshotsDir = (dataDir: string) => path.join(dataDir, "snapshots");

/** Snapshots left by a crash are only copies: removed at start-up. */
export function removeSnapshots(dataDir: string): void {
  fs.rmSync(snapshotsDir(dataDir), { recursive: true, force: true });
}

/** Runs `read` on the database the backup should read: the live one, or a snapshot of it. */
export async function readingSnapshot<T>(source: BackupSource, read: (db: Db) => Promise<T>): Promise<T> {
  if (!source.snapshot) return read(source.db);
  const dir = path.join(snapshotsDir(source.snapshot.dataDir), randomUUID());
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    await source.snapshot.take(path.join(dir, "pg"));
    const pglite = await PGlite.create(path.join(dir, "pg"), { extensions: pgliteExtensions });
    const db = createDb({ kind: "pglite", factory: prismaOnPGlite(pglite), close: () => pglite.close() });
    try {
      return await read(db);
    } finally {
      await db.$disconnect();
      await pglite.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
