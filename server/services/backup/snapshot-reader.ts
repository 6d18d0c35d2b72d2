import { PGlite } from "@electric-sql/pglite";
import { pgliteExtensions, prismaOnPGlite } from "../../db/adapter.ts";
import { createDb } from "../../db.ts";
import { writeBackup } from "./dump.ts";

/**
 * The process that reads a snapshot of the embedded database (decisions 030, 047): its own PGlite
 * opens the copy in the directory named by its last argument and writes the gzip'd backup to
 * stdout; an error goes to stderr with exit code 1. A process rather than a worker thread: the
 * second PGlite, its Prisma client and the loader cost some 300 MB, which a worker added to the
 * server's own memory (and kept in its allocator after the worker ended). The pipe to the server
 * carries the backpressure: a slow destination stops this process's writes, not fills memory.
 */
const dir = process.argv.at(-1) ?? "";
// stdout is the backup: anything a library prints goes to stderr instead.
console.log = console.info = console.warn = console.debug = console.error;
try {
  const pglite = await PGlite.create(dir, { extensions: pgliteExtensions });
  const db = createDb({ kind: "pglite", factory: prismaOnPGlite(pglite), close: () => pglite.close() });
  try {
    await writeBackup(db, "pglite", process.stdout);
  } finally {
    await db.$disconnect();
    await pglite.close();
  }
  process.exitCode = 0;
} catch (err) {
  process.stderr.write(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
}
