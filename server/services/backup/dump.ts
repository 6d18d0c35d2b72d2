import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import type { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import type { Db } from "../../db.ts";
import { appliedMigrations, columnsOf, quote, sequences, singleKeyOf, tablesInOrder } from "./catalog.ts";
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupHeader, line } from "./format.ts";
import { type BackupSource, backupFrom } from "./snapshot.ts";

const PAGE = 1000;

/**
 * Writes a backup of the whole database to `out` (gzip'd). Everything is read in one REPEATABLE
 * READ transaction, so the backup is one consistent moment even while the server keeps writing,
 * in pages of PAGE rows with a turn of the event loop between pages (requests are served between
 * them). A running server on the embedded database reads a snapshot, in a process of its own (snapshot.ts).
 */
export async function writeBackup(db: Db, kind: BackupHeader["database"], out: Writable): Promise<void> {
  const gzip = createGzip();
  const piped = pipeline(gzip, out);
  // A reader gone half-way (a killed `pnpm backup`) destroys the stream with an error, which ends
  // the transaction at once: on PGlite every other query waits for it.
  const write = async (text: string) => {
    if (gzip.destroyed) throw new Error("backup destination closed");
    if (!gzip.write(text)) await once(gzip, "drain");
  };
  try {
    await db.$transaction(
      async (tx) => {
        // Set here rather than through Prisma's isolationLevel option: pglite-prisma-adapter 0.6
        // sends that before BEGIN, where it does nothing (the header below showed "read committed").
        await tx.$executeRawUnsafe("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        const [isolation] = await tx.$queryRawUnsafe<{ level: string }[]>(
          "SELECT current_setting('transaction_isolation') AS level",
        );
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_FORMAT_VERSION,
          createdAt: new Date().toISOString(),
          database: kind,
          isolation: isolation?.level ?? "",
          migrations: await appliedMigrations(tx),
        };
        await write(line("H", header));
        let rows = 0;
        const tables = await tablesInOrder(tx);
        for (const table of tables) {
          await write(line("T", { table, columns: await columnsOf(tx, table) }));
          // Keyset paging on the primary key's index (a physical address, ctid, for a table without
          // a one-column key): each page is one short index scan, so the read takes turns with requests.
          const key = await singleKeyOf(tx, table);
          const at = key ? quote(key.column) : "ctid";
          const cast = key ? key.type : "tid";
          let after: string | null = null;
          for (;;) {
            const page: { at: string; row: string }[] = await tx.$queryRawUnsafe(
              `SELECT ${at}::text AS at, row_to_json(t)::text AS row FROM ${quote(table)} t
               ${after === null ? "" : `WHERE ${at} > $1::${cast}`} ORDER BY ${at} LIMIT ${PAGE}`,
              ...(after === null ? [] : [after]),
            );
            for (const r of page) await write(`R\t${r.row}\n`);
            rows += page.length;
            // PGlite answers without a macrotask: without this, one turn of the loop is the whole read.
            await new Promise((resolve) => setImmediate(resolve));
            if (page.length < PAGE) break;
            after = page[page.length - 1]?.at ?? after;
          }
        }
        for (const name of await sequences(tx)) {
          const [s] = await tx.$queryRawUnsafe<{ value: string; isCalled: boolean }[]>(
            `SELECT last_value::text AS value, is_called AS "isCalled" FROM ${quote(name)}`,
          );
          if (s) await write(line("S", { name, ...s }));
        }
        await write(line("E", { tables: tables.length, rows }));
      },
      { maxWait: 60_000, timeout: 60 * 60_000 },
    );
    gzip.end();
  } catch (err) {
    gzip.destroy(err as Error);
    await piped.catch(() => {});
    throw err;
  }
  await piped;
}

/**
 * Writes a backup to `file`, readable by its owner only (it holds password and session hashes).
 * Written beside it first and renamed when complete: a crash leaves no half backup under the name.
 */
export async function backupToFile(
  db: Db,
  kind: BackupHeader["database"],
  file: string,
  snapshot?: BackupSource["snapshot"],
): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const partial = `${file}.partial`;
  try {
    const out = fs.createWriteStream(partial, { mode: 0o600 });
    await backupFrom({ db, kind, ...(snapshot ? { snapshot } : {}) }, out, writeBackup);
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/** `qt-backup-20261129-194500.jsonl.gz`: sorts by time, and pruning recognises it. */
export function backupFileName(at = new Date()): string {
  const stamp = at.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return `qt-backup-${stamp}.jsonl.gz`;
}
