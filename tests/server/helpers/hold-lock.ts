// A process that takes the data-directory lock as the server does, at a given moment, then holds
// it until killed: lets a test start several at once. Prints "locked" or "refused <message>".
import { acquireLock } from "../../../server/db/lock.ts";

const [dataDir, startAt] = process.argv.slice(2);
if (!dataDir || !startAt) throw new Error("usage: hold-lock.ts <dataDir> <epoch ms to start at>");
// Sleep until just before the shared moment, then spin to it: a timer alone would add
// milliseconds of jitter between processes, spinning all the way would burn the shared cores.
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now() - 30)));
while (Date.now() < Number(startAt)) {
  // spin
}
try {
  await acquireLock(dataDir);
  process.stdout.write("locked\n");
  setInterval(() => {}, 60_000);
} catch (err) {
  process.stdout.write(`refused ${(err as Error).message}\n`);
  process.exit(3);
}
