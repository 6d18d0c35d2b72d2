#!/usr/bin/env node
// Load and memory of issue 14 (finding 9), measured (not a timed test): the real server, as
// `pnpm start` runs it, on the embedded database with the demo data and on a private PostgreSQL
// (SEED_DEMO=true); `--connections` clients for `--seconds` each on the dashboard's summary, a paged
// site list and a site search; the server's RSS after start, at peak and `--settle` seconds after.
// Loopback only; every run is bounded by its seconds.
// Usage: pnpm bench:load [--seconds 30] [--connections 50] [--settle 60] [--db pglite|postgresql|both]
//                        [--no-build]
//        pnpm bench:load --scenario national [--servers 2] [--sites 300000] [--seconds 30]
//                        [--connections 50] [--max-requests 20000] [--no-build]   (bench-load-national.mjs)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { startPostgres } from "../tests/support/postgres.mjs";
import { login, rssMb, startServer as startServerProcess } from "../tests/support/server-process.mjs";

const root = path.resolve(import.meta.dirname, "..");
const PASSWORD = "bench-Admin-Passw0rd";
const SLOW_MS = 2000;
const GOALS = { p99PostgresMs: 500, memoryBackWithinMb: 100 };

function arg(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
}
const SECONDS = Number(arg("seconds", "30"));
const CONNECTIONS = Number(arg("connections", "50"));
const SETTLE = Number(arg("settle", "60"));
const DBS = { pglite: ["pglite"], postgresql: ["postgresql"], both: ["pglite", "postgresql"] }[arg("db", "both")];
for (const [name, v] of [
  ["seconds", SECONDS],
  ["connections", CONNECTIONS],
  ["settle", SETTLE],
]) {
  const min = name === "settle" ? 0 : 1;
  if (!Number.isInteger(v) || v < min || v > 600) throw new Error(`--${name} takes a whole number from ${min} to 600`);
}
if (!DBS) throw new Error("--db takes pglite, postgresql or both");
const SCENARIO = arg("scenario", "province");
if (!["province", "national"].includes(SCENARIO)) throw new Error("--scenario takes province or national");

if (!process.argv.includes("--no-build")) {
  const build = spawnSync("pnpm", ["--filter", "@qt/client", "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** CPU time (user + system) a process has used, in ms: a figure the other loads on the host do not inflate. */
function cpuMs(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in 1/100 s (USER_HZ)
}

/**
 * The server (tests/support/server-process.mjs) with the demo data and the daily backup, as in
 * production, every request logged with its time in the server, read here.
 */
async function startServer(env) {
  // The time each request spent in the server, from when Fastify read it to the response: the
  // rest of what the client sees is waiting for the server's event loop (or for the CPU).
  const served = [];
  // The longest the event loop went without a turn, per half second (bench-load-probe.mjs).
  const loopDelays = [];
  // BENCH_NODE_FLAGS: V8 flags for the server, e.g. "--trace-gc" to see the heap behind the RSS.
  const flags = process.env.BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? [];
  const probe = path.join(import.meta.dirname, "bench-load-probe.mjs");
  const onStdout = (line) => {
    if (line.includes('"msg":"loop delay"')) {
      loopDelays.push(JSON.parse(line));
      return;
    }
    if (!line.includes('"msg":"request"')) {
      // Warnings and errors, whatever is not the logger's (e.g. NODE_OPTIONS=--trace-gc), and
      // the server's own work that competes with the load (the daily backup).
      if (!line.startsWith("{") || !line.includes('"level":30') || line.includes("backup")) {
        console.log(`  [${new Date().toISOString()}] ${line}`);
      }
      return;
    }
    const { time, ms } = JSON.parse(line);
    served.push({ time, ms });
  };
  const server = await startServerProcess({
    prefix: "qt-bench-load-",
    password: PASSWORD,
    nodeArgs: [...flags, "--import", probe],
    // Every request is logged with its time in the server (the app's one "request" line, `ms`).
    env: { LOG_LEVEL: "info", ...env },
    onStdout,
    echo: "stderr",
  });
  return { ...server, served, loopDelays };
}

const trpcGet = (proc, input) => `/api/trpc/${proc}?input=${encodeURIComponent(JSON.stringify(input))}`;

/** Words a district officer types: places, model names, people; folded or not, one or two words. */
const SEARCHES = [
  "hai lang",
  "dòng họ",
  "camera",
  "gio linh",
  "thôn",
  "an toàn",
  "Triệu Phong",
  "giáo xứ",
  "le",
  "cam",
];

async function scenarios(url, cookie) {
  const first = await fetch(`${url}${trpcGet("sites.list", { page: 1, pageSize: 20 })}`, { headers: { cookie } });
  if (!first.ok) throw new Error(`sites.list failed: ${first.status}`);
  const { total } = (await first.json()).result.data;
  const pages = Math.max(1, Math.ceil(total / 20));
  console.log(`  ${total} sites, ${pages} pages of 20`);
  let n = 0;
  return [
    { name: "dashboard.summary", path: () => trpcGet("dashboard.summary", {}) },
    {
      name: `sites.list page 1..${pages}`,
      path: () => trpcGet("sites.list", { page: 1 + (n++ % pages), pageSize: 20 }),
    },
    {
      name: "sites.list search",
      path: () => trpcGet("sites.list", { page: 1, pageSize: 20, search: SEARCHES[n++ % SEARCHES.length] }),
    },
  ];
}

/** One scenario: `CONNECTIONS` clients for `SECONDS`, sampling the server's RSS meanwhile. */
async function run(url, cookie, scenario, { pid, served, loopDelays }) {
  let slow = 0;
  let peak = rssMb(pid);
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(pid));
  }, 250);
  const instance = autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    timeout: 10,
    headers: { cookie },
    requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: scenario.path() }) }],
  });
  instance.on("response", (_client, _status, _bytes, ms) => {
    if (ms > SLOW_MS) slow++;
  });
  const cpu0 = cpuMs(pid);
  const t0 = Date.now();
  const r = await instance;
  const t1 = Date.now();
  const cpu = cpuMs(pid) - cpu0;
  const inServer = served
    .filter((s) => s.time >= t0)
    .map((s) => s.ms)
    .sort((a, b) => a - b);
  const at = (q) => Math.round(inServer[Math.floor(q * (inServer.length - 1))] ?? Number.NaN);
  const loopHeld = Math.max(0, ...loopDelays.filter((d) => d.time >= t0 && d.time <= t1).map((d) => d.maxMs));
  clearInterval(sampler);
  return {
    scenario: scenario.name,
    "req/s": Math.round(r.requests.average),
    requests: r.requests.total,
    "p50 ms": r.latency.p50,
    "p99 ms": r.latency.p99,
    "max ms": r.latency.max,
    [`>${SLOW_MS / 1000}s`]: slow,
    // autocannon's `errors` include its timeouts (10 s); non-2xx answers are errors too.
    errors: r.errors + r.non2xx,
    timeouts: r.timeouts,
    "in server p50/p99/max": `${at(0.5)}/${at(0.99)}/${at(1)}`,
    // Includes time the server waited for a CPU on a busy host, as every wall-clock figure does.
    "loop held max ms": Math.round(loopHeld),
    "server CPU ms/req": r.requests.total ? Number((cpu / r.requests.total).toFixed(1)) : null,
    "peak RSS MB": peak,
    load: load(),
  };
}

async function bench(kind) {
  console.log(`\n== ${kind} == [${new Date().toISOString()}] load average ${load()}`);
  const pg = kind === "postgresql" ? await startPostgres() : null;
  if (kind === "postgresql" && !pg) throw new Error("postgresql is not installed (apt-get install postgresql)");
  let server;
  try {
    server = await startServer(pg ? { DATABASE_URL: pg.url("postgres"), SEED_DEMO: "true" } : {});
    console.log(`  server up in ${server.startMs} ms (pid ${server.pid})`);
    const cookie = await login(server.url, "admin", PASSWORD, { "x-qt-client": "bench" });
    const list = await scenarios(server.url, cookie);
    // The dashboard cache warms in the background after listen: let it finish before "after start".
    await sleep(3000);
    const afterStart = rssMb(server.pid);
    console.log(`  RSS after start: ${afterStart} MB`);
    const rows = [];
    for (const s of list) {
      rows.push(await run(server.url, cookie, s, server));
      console.log(`  ${s.name}: done [${new Date().toISOString()}], load average ${load()}`);
    }
    const peak = Math.max(...rows.map((r) => r["peak RSS MB"]));
    const afterLoad = rssMb(server.pid);
    await sleep(SETTLE * 1000);
    const settled = rssMb(server.pid);
    console.table(rows);
    console.log(
      `  RSS: after start ${afterStart} MB, peak ${peak} MB, at end of load ${afterLoad} MB, ${SETTLE} s later ${settled} MB`,
    );
    const verdicts = [
      [
        "no errors, no request over 2 s",
        rows.every((r) => r.errors === 0 && r[`>${SLOW_MS / 1000}s`] === 0 && r["max ms"] <= SLOW_MS),
      ],
      [`memory back within ${GOALS.memoryBackWithinMb} MB`, settled - afterStart <= GOALS.memoryBackWithinMb],
    ];
    if (kind === "postgresql") {
      verdicts.push([`p99 ≤ ${GOALS.p99PostgresMs} ms`, rows.every((r) => r["p99 ms"] <= GOALS.p99PostgresMs)]);
    }
    for (const [goal, ok] of verdicts) console.log(`  ${ok ? "OK  " : "MISS"} ${goal}`);
    return verdicts.every(([, ok]) => ok);
  } finally {
    await server?.stop();
    pg?.stop();
  }
}

if (SCENARIO === "national") {
  const { benchNational } = await import("./bench-load-national.mjs");
  const sites = Number(arg("sites", "300000"));
  const servers = Number(arg("servers", "2"));
  const maxRequests = Number(arg("max-requests", "20000"));
  if (!Number.isInteger(sites) || sites < 0 || sites > 1_000_000) throw new Error("--sites takes 0 to 1000000");
  if (!Number.isInteger(servers) || servers < 1 || servers > 4) throw new Error("--servers takes 1 to 4");
  if (!Number.isInteger(maxRequests) || maxRequests < 1) throw new Error("--max-requests takes a whole number");
  const ok = await benchNational({ sites, servers, connections: CONNECTIONS, seconds: SECONDS, maxRequests });
  console.log(ok ? "\nNo errors; roll-ups equal a recount." : "\nErrors above.");
  process.exit(ok ? 0 : 1);
}
console.log(
  `${CONNECTIONS} connections, ${SECONDS} s per scenario, memory ${SETTLE} s after; ${os.cpus().length} cores`,
);
let allOk = true;
for (const kind of DBS) allOk = (await bench(kind)) && allOk;
console.log(allOk ? "\nAll goals met." : "\nSome goals missed (MISS above).");
