import { Writable } from "node:stream";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { pgliteExtensions, prismaOnPGlite } from "../../db/adapter.ts";
import { createDb } from "../../db.ts";
import { writeBackup } from "./dump.ts";
import type { ReaderMessage } from "./snapshot.ts";

/**
 * The worker thread that reads a snapshot of the embedded database (decision 030): its PGlite's
 * start and every query run here, off the server's event loop. The gzip'd backup goes to the
 * server's thread in chunks, one at a time: the next is sent when the server says "more", so a
 * slow destination slows the read instead of filling memory.
 */

const port = parentPort;
if (!port) throw new Error("snapshot-reader runs as a worker thread");
const { dir } = workerData as { dir: string };
const send = (m: ReaderMessage) => port.postMessage(m);

let more: (() => void) | null = null;
port.on("message", (m) => {
  if (m !== "more") return;
  const next = more;
  more = null;
  next?.();
});
const toServer = new Writable({
  write(chunk: Buffer, _encoding, callback) {
    more = () => callback();
    send({ chunk });
  },
});

try {
  const pglite = await PGlite.create(dir, { extensions: pgliteExtensions });
  const db = createDb({ kind: "pglite", factory: prismaOnPGlite(pglite), close: () => pglite.close() });
  try {
    await writeBackup(db, "pglite", toServer);
  } finally {
    await db.$disconnect();
    await pglite.close();
  }
  send({ done: true });
} catch (err) {
  send({ error: err instanceof Error ? err.message : String(err) });
}
