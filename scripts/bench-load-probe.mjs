// Loaded into the server by bench-load.mjs (`--import`), never by the product: how long the event
// loop went without a turn, each half second, as a line bench-load reads from the server's stdout.
// A turn held long delays everything not yet read, new connections first (Node accepts one a turn).
import { monitorEventLoopDelay } from "node:perf_hooks";

const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
setInterval(() => {
  process.stdout.write(`${JSON.stringify({ msg: "loop delay", time: Date.now(), maxMs: delay.max / 1e6 })}\n`);
  delay.reset();
}, 500).unref();
