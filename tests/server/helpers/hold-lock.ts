// A process that takes the data-directory lock as the server does, at a given moment, then holds
// it until killed: lets a test start several at once. Prints "locked" or "refused <message>".
import { acquireLock } from "../../../server/db/lock.ts";

const [dataDir, startAt] = process.argv.slice(2);
if (!dataDir || !startAt) throw new Error("usage: hold-lock.ts <dataDir> <epoch ms to start at>");
// Busy-wait to the shared moment: a timer would add milliseconds of jitter between processes.
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
