// `pnpm bench:load --scenario national` (issue 26 item 5): the national install (PROVINCE=all,
// decision 050) behind a load balancer — `--servers` app servers (default 2) on one private
// PostgreSQL filled by `pnpm seed:national --sites N` (default 300 000), and users of several
// provinces (a province's editor and viewer each, a national viewer) reading dashboard.summary
// under various province filters, the maps, the record lists, and creating installations, each
// client on one server in turn. Closed loop: `--connections` clients for `--seconds` or until
// `--max-requests`, loopback only. Prints requests/s, latency p50/p95/p99 and errors per route and
// per server, with the dataset's size and the load average.
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { onServer, startPostgres } from "../tests/support/postgres.mjs";
import { login, startServer } from "../tests/support/server-process.mjs";

const root = path.resolve(import.meta.dirname, "..");
const PASSWORD = "bench-Admin-Passw0rd";
const USER_PASSWORD = "bench-User-Passw0rd-1";
const HEADERS = { "x-qt-client": "bench", "content-type": "application/json" };
/** Provinces of today whose staff sign in: Hà Nội, Quảng Trị, Đà Nẵng, TP Hồ Chí Minh. */
const PROVINCES = ["01", "44", "48", "79"];
const SEARCHES = ["dong ho", "an toan", "camera", "ha noi", "thon", "giao xu"];

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
const quantile = (sorted, q) => (sorted.length ? sorted[Math.floor(q * (sorted.length - 1))] : Number.NaN);

async function call(url, cookie, proc, input, method = "GET") {
  const res =
    method === "GET"
      ? await fetch(`${url}/api/trpc/${proc}?input=${encodeURIComponent(JSON.stringify(input))}`, {
          headers: { ...HEADERS, cookie },
        })
      : await fetch(`${url}/api/trpc/${proc}`, {
          method,
          headers: { ...HEADERS, cookie },
          body: JSON.stringify(input),
        });
  const text = await res.text();
  return { status: res.status, body: text };
}
async function must(url, cookie, proc, input, method) {
  const r = await call(url, cookie, proc, input, method);
  if (r.status !== 200) throw new Error(`${proc}: ${r.status} ${r.body.slice(0, 300)}`);
  return JSON.parse(r.body).result.data;
}

/** The province's users (editor, viewer) and a national viewer, created by admin, passwords set. */
async function makeUsers(url, adminCookie) {
  const specs = [
    ...PROVINCES.flatMap((p) => [
      { username: `bien-tap-${p}`, role: "editor", provinceCode: p },
      { username: `xem-${p}`, role: "viewer", provinceCode: p },
    ]),
    { username: "xem-toan-quoc", role: "viewer", provinceCode: null },
  ];
  const users = [];
  for (const s of specs) {
    await must(
      url,
      adminCookie,
      "users.create",
      { ...s, displayName: s.username, password: `${USER_PASSWORD}-tmp` },
      "POST",
    );
    // An account an admin made changes its password at first sign-in.
    const first = await login(url, s.username, `${USER_PASSWORD}-tmp`, { "x-qt-client": "bench" });
    await must(
      url,
      first,
      "auth.changePassword",
      { currentPassword: `${USER_PASSWORD}-tmp`, newPassword: USER_PASSWORD },
      "POST",
    );
    users.push({ ...s });
  }
  return users;
}

/** What a user asks for, by weight: the figures, the maps, the lists and (editors) new records. */
function requestsOf(user, communes) {
  const own = user.provinceCode;
  const pick = (xs, g) => xs[g % xs.length];
  const anyProvince = (g) => pick(["01", "44", "48", "79", "31", "25", "92", "66"], g);
  const filter = (g) => {
    const province = own ?? (g % 3 === 0 ? undefined : anyProvince(g));
    const years = g % 4 === 0 ? { fromYear: 2007 + (g % 10), toYear: 2018 + (g % 8) } : {};
    return { ...(province ? { provinceCode: province } : {}), ...years };
  };
  const list = [
    { route: "dashboard.summary", weight: 4, input: (g) => filter(g) },
    {
      route: "maps.measures",
      weight: 2,
      input: (g) => (own ? { level: "district", provinceCode: own } : { level: "province", ...filter(g) }),
    },
    // A province's staff see their province's records only (decision 051): the scope narrows the list.
    {
      route: "sites.list",
      weight: 3,
      input: (g) => ({ page: 1 + (g % 50), pageSize: 20, ...(g % 3 === 0 ? { search: pick(SEARCHES, g) } : {}) }),
    },
    { route: "cameras.list", weight: 1, input: (g) => ({ page: 1 + (g % 20), pageSize: 20 }) },
  ];
  if (user.role === "editor") {
    list.push({
      route: "cameras.create",
      method: "POST",
      weight: 2,
      input: (g) => ({
        areaCode: pick(communes, g),
        installedOn: `2026-${String(1 + (g % 11)).padStart(2, "0")}-${String(10 + (g % 18)).padStart(2, "0")}`,
        cameras: 1 + (g % 12),
        recorders: g % 3,
        memoryCards: g % 5,
        costVnd: 1_000_000 * (1 + (g % 90)),
        fundingSource: "mixed",
      }),
    });
  }
  const bag = list.flatMap((r) => Array(r.weight).fill(r));
  return (g) => bag[g % bag.length];
}

function table(samples, key, seconds) {
  const groups = new Map();
  for (const s of samples) {
    const k = s[key];
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(s);
  }
  const rows = {};
  for (const [k, xs] of [...groups].sort()) {
    const ms = xs.map((x) => x.ms).sort((a, b) => a - b);
    rows[k] = {
      requests: xs.length,
      "req/s": Number((xs.length / seconds).toFixed(1)),
      "p50 ms": Math.round(quantile(ms, 0.5)),
      "p95 ms": Math.round(quantile(ms, 0.95)),
      "p99 ms": Math.round(quantile(ms, 0.99)),
      "max ms": Math.round(ms.at(-1) ?? Number.NaN),
      errors: xs.filter((x) => x.status !== 200).length,
    };
  }
  return rows;
}

export async function benchNational({ sites, servers: serverCount, connections, seconds, maxRequests }) {
  console.log(
    `national scenario: ${serverCount} app servers, one PostgreSQL, ${sites.toLocaleString("en")} sites; ` +
      `${connections} clients for ${seconds} s (at most ${maxRequests} requests); ${os.cpus().length} cores, load ${load()}`,
  );
  const pg = await startPostgres();
  if (!pg) throw new Error("postgresql is not installed (apt-get install postgresql)");
  const dbUrl = pg.url("national");
  const servers = [];
  try {
    await onServer(dbUrl, "CREATE DATABASE national");
    const env = { DATABASE_URL: dbUrl, PROVINCE: "all", SEED_DEMO: "false", BACKUP_KEEP_DAYS: "0", LOG_LEVEL: "warn" };
    let t0 = Date.now();
    // The first sets the national install up (migrations, 10 000+ units); the others find it ready.
    servers.push(await startServer({ env, password: PASSWORD, prefix: "qt-national-a-", echo: "stderr" }));
    console.log(`server A up in ${((Date.now() - t0) / 1000).toFixed(1)} s (national install set up), load ${load()}`);
    t0 = Date.now();
    const seeded = spawnSync(
      process.execPath,
      ["--import", "tsx", "server/cli/seed-national.ts", "--database-url", dbUrl, "--sites", String(sites)],
      { cwd: root, encoding: "utf8", env: { ...process.env, LOG_LEVEL: "warn" } },
    );
    if (seeded.status !== 0) throw new Error(`seed:national failed: ${seeded.stderr}`);
    console.log(`${seeded.stdout.trim()} [wall ${((Date.now() - t0) / 1000).toFixed(1)} s, load ${load()}]`);
    for (let i = 1; i < serverCount; i++) {
      const letter = String.fromCharCode(65 + i);
      servers.push(
        await startServer({ env, password: PASSWORD, prefix: `qt-national-${letter.toLowerCase()}-`, echo: "stderr" }),
      );
      console.log(`server ${letter} up, load ${load()}`);
    }
    const adminCookie = await login(servers[0].url, "admin", PASSWORD, { "x-qt-client": "bench" });
    const users = await makeUsers(servers[0].url, adminCookie);
    // Each user signs in on a server of its own; its client moves to the next server every request.
    const sessions = [];
    for (const [i, u] of users.entries()) {
      const url = servers[i % servers.length].url;
      const cookie = await login(url, u.username, USER_PASSWORD, { "x-qt-client": "bench" });
      const tree = u.provinceCode
        ? await must(url, cookie, "units.tree", { on: "2026-01-01", provinceCode: u.provinceCode })
        : [];
      const communes = tree.flatMap((d) => d.areas.map((a) => a.code));
      sessions.push({ user: u, cookie, next: requestsOf(u, communes) });
    }
    // Warm each server's caches and code paths once, as after a deploy.
    for (const s of servers) await must(s.url, adminCookie, "dashboard.summary", {});

    const samples = [];
    const loads = [];
    const sampler = setInterval(() => loads.push(os.loadavg()[0]), 1000);
    const start = Date.now();
    const end = start + seconds * 1000;
    let sent = 0;
    await Promise.all(
      Array.from({ length: connections }, async (_, c) => {
        const session = sessions[c % sessions.length];
        for (let k = 0; Date.now() < end && sent < maxRequests; k++) {
          sent += 1;
          const g = c + k * connections;
          // The next server each request, as a round-robin balancer without stickiness would.
          const server = (c + k) % servers.length;
          const r = session.next(k + c);
          const t = performance.now();
          const input = r.input(g);
          let status;
          let body = "";
          try {
            ({ status, body } = await call(servers[server].url, session.cookie, r.route, input, r.method ?? "GET"));
          } catch (err) {
            status = 0;
            body = String(err);
          }
          samples.push({
            route: r.route,
            server: String.fromCharCode(65 + server),
            role: session.user.provinceCode ? `${session.user.role} of a province` : "national viewer",
            ms: performance.now() - t,
            status,
            ...(status === 200 ? {} : { input, body: body.slice(0, 300) }),
          });
        }
      }),
    );
    const elapsed = (Date.now() - start) / 1000;
    clearInterval(sampler);
    console.log(
      `\n${samples.length} requests in ${elapsed.toFixed(1)} s = ${(samples.length / elapsed).toFixed(1)} req/s; ` +
        `errors ${samples.filter((s) => s.status !== 200).length}; load average during the run ` +
        `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} (now ${load()})`,
    );
    console.log("\nper route:");
    console.table(table(samples, "route", elapsed));
    console.log("per server:");
    console.table(table(samples, "server", elapsed));
    console.log("per user kind:");
    console.table(table(samples, "role", elapsed));
    const firstError = samples.find((s) => s.status !== 200);
    if (firstError) console.log(`first error: ${JSON.stringify(firstError)}`);
    const check = spawnSync(process.execPath, ["--import", "tsx", "server/cli/rollups-check.ts"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: dbUrl, LOG_LEVEL: "warn" },
    });
    console.log(
      `rollups:check after the run: exit ${check.status} ${(check.stdout + check.stderr).trim().split("\n").at(-1)}`,
    );
    return samples.every((s) => s.status === 200) && check.status === 0;
  } finally {
    for (const s of servers) await s.stop();
    pg.stop();
  }
}
