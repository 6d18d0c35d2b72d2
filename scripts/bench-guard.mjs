#!/usr/bin/env node
// Uploads by strangers (issue 23, finding 5), measured: the real server on a fresh embedded database,
// then 30 parallel unauthenticated 19 MB posts to the map upload (and to the import upload); prints
// the server's RSS before, at its peak and after, each answer's status, and how much of each body
// was sent before the answer came (a guard that answers at the headers leaves most of it unsent).
// Goal: peak within +100 MB of the base. Loopback only, bounded: each client stops at its answer.
// Usage: node scripts/bench-guard.mjs [--parallel 30] [--mb 19]
import http from "node:http";
import { rssMb, sleep, startServer } from "./bench-server.mjs";

const arg = (name, dflt) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : dflt;
};
const PARALLEL = arg("--parallel", 30);
const BYTES = arg("--mb", 19) * 1024 * 1024;
const GOAL_MB = 100;
const CHUNK = Buffer.alloc(64 * 1024, 0x20);

/** One post of BYTES, written a chunk at a time until the server answers (or the socket closes). */
function post(url, path) {
  return new Promise((resolve) => {
    const u = new URL(path, url);
    let sent = 0;
    let answered = null;
    const req = http.request(u, {
      method: "POST",
      headers: { "x-qt-client": "bench", "content-type": "application/octet-stream", "content-length": BYTES },
    });
    const done = (status) => {
      req.destroy();
      resolve({ status, sentMb: sent / 1024 / 1024 });
    };
    req.on("response", (res) => {
      answered = res.statusCode;
      res.resume();
      res.on("end", () => done(answered));
    });
    req.on("error", () => done(answered ?? "closed"));
    const write = () => {
      while (answered === null && sent < BYTES) {
        const n = Math.min(CHUNK.length, BYTES - sent);
        sent += n;
        if (!req.write(n === CHUNK.length ? CHUNK : CHUNK.subarray(0, n))) return void req.once("drain", write);
      }
      if (sent >= BYTES) req.end();
    };
    write();
  });
}

const server = await startServer("qt-bench-guard-");
try {
  await sleep(2000);
  const base = rssMb(server.pid);
  let peak = base;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(server.pid));
  }, 50);
  const t0 = Date.now();
  const targets = ["/api/maps/communes/two_level?fileName=a.json&attribution=abc", "/api/imports"];
  const results = await Promise.all(
    Array.from({ length: PARALLEL }, (_, i) => post(server.url, targets[i % targets.length])),
  );
  const ms = Date.now() - t0;
  await sleep(2000);
  clearInterval(sampler);
  const after = rssMb(server.pid);
  const statuses = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  const sent = results.map((r) => r.sentMb);
  console.log(`${PARALLEL} unauthenticated posts of ${BYTES / 1024 / 1024} MB, answered in ${ms} ms`);
  console.log(`answers: ${JSON.stringify(statuses)}`);
  console.log(
    `sent before the answer: max ${Math.max(...sent).toFixed(1)} MB, total ${sent.reduce((a, b) => a + b, 0).toFixed(1)} MB`,
  );
  console.log(`server RSS: before ${base} MB, peak ${peak} MB (+${peak - base}), after ${after} MB (+${after - base})`);
  console.log(`goal peak ≤ +${GOAL_MB} MB: ${peak - base <= GOAL_MB ? "met" : "NOT met"}`);
} finally {
  await server.stop();
}
