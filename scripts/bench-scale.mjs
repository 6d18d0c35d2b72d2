#!/usr/bin/env node
// The benchmark issue 27's goals are judged by (decision 046), in one run on a private PostgreSQL:
// fill N sites and 30,000 camera installations with plain SQL, then print the raw by-type
// aggregate's time in psql, dashboard.summary right after a write and for filters never asked
// before (ratios to the raw aggregate; goals ≤ 0.25× and ≤ 0.5×; after an installation's write and
// after a site's), creates/s through the app with
// 20 and 50 writers against pgbench inserting the same rows with the same clients (goal ≥ 0.1×, no
// errors), the statements one create sends and runs (pg_stat_statements), the server's memory over
// an export of every site (CSV), `pnpm rollups:check` and `pnpm audit:verify`, and the same writers on the embedded database
// (PGlite). The last lines sum every figure up.
// Usage: pnpm bench:scale [--sites 300000|1000000] [--installations 30000] [--seconds 10]
//   [--db both|postgres|pglite] (--no-pglite: postgres)
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { findPostgresBin, onServer, startPostgres } from "../tests/support/postgres.mjs";
import { login, rssMb, startServer } from "../tests/support/server-process.mjs";

const root = path.resolve(import.meta.dirname, "..");
// pg is the server's dependency (and the test support's), not the root package's.
const pg = createRequire(path.join(root, "tests/support/postgres.mjs"))("pg");
const PASSWORD = "bench-Admin-Passw0rd";
const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const SITES = Number(arg("sites", "300000"));
const INSTALLATIONS = Number(arg("installations", "30000"));
const SECONDS = Number(arg("seconds", "10"));
const DB = process.argv.includes("--no-pglite") ? "postgres" : arg("db", "both");
if (!["both", "postgres", "pglite"].includes(DB)) throw new Error("--db takes both, postgres or pglite");
/** Every figure of the run, printed again together at its end. */
const summary = [];
const note = (line) => {
  console.log(line);
  summary.push(line.trim());
};
const CLIENTS = [20, 50];
const GOALS = { afterWrite: 0.25, newFilter: 0.5, creates: 0.1 };
const HEADERS = { "x-qt-client": "bench", "content-type": "application/json" };

if (!fs.existsSync(path.join(root, "client/dist/index.html"))) {
  const build = spawnSync("pnpm", ["--filter", "@qt/client", "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;
const ratio = (x, goal, better = "≤") =>
  `${x.toFixed(3)}× (goal ${better} ${goal}×: ${(better === "≤" ? x <= goal : x >= goal) ? "met" : "NOT met"})`;
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

/** Every area a record may lie in before 01/07/2025, and the model types. */
async function fill(client) {
  const t0 = Date.now();
  await client.query(`CREATE TEMP TABLE bench_area AS
    SELECT row_number() OVER (ORDER BY id) AS i, id FROM admin_unit WHERE catalog = 'three_level' AND level = 'commune'`);
  await client.query(`CREATE TEMP TABLE bench_type AS
    SELECT row_number() OVER (ORDER BY id) AS i, id, category FROM model_type`);
  const [{ areas }] = (await client.query("SELECT count(*)::int AS areas FROM bench_area")).rows;
  const [{ types }] = (await client.query("SELECT count(*)::int AS types FROM bench_type")).rows;
  for (let done = 0; done < SITES; done += 100_000) {
    const n = Math.min(100_000, SITES - done);
    await client.query(
      `INSERT INTO site (model_type_id, area_id, name, established_on, religion, search_text, updated_at)
       SELECT t.id, a.id, 'Điểm ' || g, DATE '2007-01-01' + (g * 7919 % 6570)::int,
         CASE WHEN t.category = 'religious' THEN (ARRAY['buddhism','catholicism','protestantism','other'])[(1 + g % 4)::int]::religion END,
         'diem ' || g, now()
       FROM generate_series($1::bigint, $2::bigint) g
       JOIN bench_area a ON a.i = 1 + (g * 31 % $3) JOIN bench_type t ON t.i = 1 + (g * 17 % $4)`,
      [done + 1, done + n, areas, types],
    );
  }
  await client.query(
    `INSERT INTO camera_installation (area_id, installed_on, cameras, recorders, memory_cards, cost_vnd,
       funding_source, updated_at)
     SELECT a.id, DATE '2007-01-01' + (g * 4007 % 6570)::int, (1 + g % 12)::int, (g % 3)::int, (g % 5)::int,
       1000000 * (g % 90),
       (ARRAY['state_budget','socialized','mixed'])[(1 + g % 3)::int]::funding_source, now()
     FROM generate_series(1, $1::bigint) g JOIN bench_area a ON a.i = 1 + (g * 13 % $2)`,
    [INSTALLATIONS, areas],
  );
  await client.query("ANALYZE");
  return { seconds: (Date.now() - t0) / 1000, areas, types };
}

/** The raw by-type aggregate, timed by psql itself (\timing), median of 5. */
function rawAggregate(bin, url) {
  const sql = `SELECT model_type_id, count(*), count(DISTINCT area_id) FROM site WHERE deleted_at IS NULL GROUP BY 1;`;
  const out = execFileSync(
    path.join(bin, "psql"),
    [url, "-X", "-q", "-c", "\\timing on", ...Array(5).fill(["-c", sql]).flat()],
    {
      encoding: "utf8",
    },
  );
  const times = [...out.matchAll(/Time: ([\d.]+) ms/g)].map((m) => Number(m[1]));
  return median(times);
}

const trpcGet = async (url, cookie, proc, input) => {
  const t0 = performance.now();
  const res = await fetch(`${url}/api/trpc/${proc}?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: { ...HEADERS, cookie },
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`${proc}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  return { ms: performance.now() - t0, data: body.result.data };
};
const trpcPost = async (url, cookie, proc, input) => {
  const res = await fetch(`${url}/api/trpc/${proc}`, {
    method: "POST",
    headers: { ...HEADERS, cookie },
    body: JSON.stringify(input),
  });
  if (!res.ok) throw new Error(`${proc}: ${res.status} ${(await res.text()).slice(0, 300)}`);
  return res.json();
};

const camera = (g, areaCode) => ({
  areaCode,
  installedOn: `20${String(10 + (g % 14)).padStart(2, "0")}-0${1 + (g % 9)}-1${g % 9}`,
  cameras: 1 + (g % 12),
  recorders: g % 3,
  memoryCards: g % 5,
  costVnd: 1_000_000 * (g % 90),
  fundingSource: "mixed",
});

/**
 * While writers run: how many connections, on average, are inside a transaction, and how many of
 * them wait on an audit chain's advisory lock (decisions 034, 061: one of 16 chains' locks), sampled
 * from pg_locks every 50 ms.
 */
function chainLockSampler(dbUrl) {
  const client = new pg.Client({ connectionString: dbUrl });
  let samples = 0;
  let inTx = 0;
  let waiting = 0;
  let stopped = false;
  const done = (async () => {
    await client.connect();
    while (!stopped) {
      const [row] = (
        await client.query(`SELECT
          (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND xact_start IS NOT NULL
             AND pid <> pg_backend_pid())::int AS in_tx,
          (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
             AND (objid = 2029290001 OR (classid = 2029290001 AND objsubid = 2)))::int AS waiting`)
      ).rows;
      samples += 1;
      inTx += row.in_tx;
      waiting += row.waiting;
      await new Promise((r) => setTimeout(r, 50));
    }
    await client.end();
  })();
  return async () => {
    stopped = true;
    await done;
    return { inTx: inTx / Math.max(1, samples), waiting: waiting / Math.max(1, samples) };
  };
}

/** `clients` writers creating installations through the app for SECONDS: creates/s and errors. */
async function appWriters(url, cookie, clients, areaCodes) {
  const end = Date.now() + SECONDS * 1000;
  let ok = 0;
  let errors = 0;
  let firstError = "";
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let g = c; Date.now() < end; g += clients) {
        try {
          await trpcPost(url, cookie, "cameras.create", camera(g, areaCodes[g % areaCodes.length]));
          ok += 1;
        } catch (err) {
          errors += 1;
          firstError ||= String(err).slice(0, 200);
        }
      }
    }),
  );
  return { perSecond: ok / SECONDS, errors, firstError };
}

/** pgbench inserting the same rows (an installation and its audit entry, one transaction) with `clients` clients. */
function pgbench(bin, url, clients, areaIds) {
  const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "qt-pgbench-")), "insert.sql");
  fs.writeFileSync(
    script,
    `\\set a random(1, ${areaIds.length})
\\set g random(1, 1000000)
BEGIN;
INSERT INTO camera_installation (area_id, installed_on, cameras, recorders, memory_cards, cost_vnd, funding_source, updated_at)
  VALUES ((ARRAY[${areaIds.join(",")}])[:a], DATE '2010-01-01' + (:g % 4000), 1 + :g % 12, :g % 3, :g % 5, 1000000 * (:g % 90), 'mixed', now());
INSERT INTO audit_entry (user_id, username, action, entity, entity_id, "after")
  VALUES (1, 'admin', 'create', 'camera_installation', currval(pg_get_serial_sequence('camera_installation', 'id'))::text, '{"bench": true}');
END;
`,
  );
  const out = execFileSync(
    path.join(bin, "pgbench"),
    ["-n", "-c", String(clients), "-j", "2", "-T", String(SECONDS), "-f", script, url],
    { encoding: "utf8" },
  );
  const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1]);
  if (!Number.isFinite(tps)) console.log(out);
  const failed = Number(/number of failed transactions: (\d+)/.exec(out)?.[1] ?? 0);
  return { perSecond: tps, errors: failed };
}

/**
 * The statements one create through the app costs, from pg_stat_statements over `n` creates one
 * after the other: those the server sends (round trips, BEGIN and COMMIT included) and those its
 * triggers run inside them (the roll-ups, the data version, the audit chain).
 */
async function statementsPerCreate(client, url, cookie, areaCodes, n = 20) {
  await client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
  await client.query("SELECT pg_stat_statements_reset()");
  for (let g = 0; g < n; g++) {
    await trpcPost(url, cookie, "cameras.create", camera(1_000_000 + g, areaCodes[g % areaCodes.length]));
  }
  const [row] = (
    await client.query(`SELECT coalesce(sum(calls) FILTER (WHERE toplevel), 0)::int AS sent,
        coalesce(sum(calls) FILTER (WHERE NOT toplevel), 0)::int AS nested
      FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND query NOT LIKE '%pg_stat_statements%'`)
  ).rows;
  return { sent: row.sent / n, nested: row.nested / n };
}

/** The server's resident memory while it sends every site as CSV (its start, its peak, the file's size). */
async function exportMemory(url, cookie, pid) {
  const start = rssMb(pid);
  let peak = start;
  let running = true;
  const sampler = (async () => {
    while (running) {
      peak = Math.max(peak, rssMb(pid));
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const t0 = Date.now();
  let bytes = 0;
  try {
    const res = await fetch(`${url}/api/reports/sites.csv?fromYear=2007&toYear=${new Date().getFullYear()}`, {
      headers: { cookie },
    });
    if (!res.ok || !res.body) throw new Error(`sites.csv: ${res.status}`);
    for await (const chunk of res.body) bytes += chunk.length;
  } finally {
    running = false;
    await sampler;
  }
  return { start, peak, mb: bytes / 1e6, seconds: (Date.now() - t0) / 1000 };
}

async function postgresPart() {
  const bin = findPostgresBin();
  if (!bin) throw new Error("PostgreSQL (Debian postgresql) is not installed");
  const pgServer = await startPostgres({
    settings: ["shared_preload_libraries=pg_stat_statements", "pg_stat_statements.track=all"],
  });
  const url = pgServer.url("scale");
  await onServer(url, "CREATE DATABASE scale");
  const server = await startServer({
    env: { DATABASE_URL: url, LOG_LEVEL: "error" },
    password: PASSWORD,
    prefix: "qt-scale-",
  });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const filled = await fill(client);
    console.log(
      `filled in ${filled.seconds.toFixed(1)} s (plain SQL; ${filled.areas} areas, ${filled.types} model types)`,
    );
    const cookie = await login(server.url, "admin", PASSWORD);
    const areas = (
      await client.query(`SELECT a.id, a.code FROM admin_unit a
      WHERE a.catalog = 'three_level' AND a.level = 'commune' AND (a.valid_to IS NULL OR a.valid_to >= DATE '2024-01-01')
      ORDER BY a.code`)
    ).rows;
    const districts = (
      await client.query(
        `SELECT code FROM admin_unit WHERE level = 'district' AND catalog = 'three_level' ORDER BY code`,
      )
    ).rows.map((r) => r.code);

    const raw = rawAggregate(bin, url);
    console.log("");
    note(`raw by-type aggregate in psql (count, count distinct area per type; median of 5): ${ms(raw)}`);

    await trpcGet(server.url, cookie, "dashboard.summary", {}); // the cache and the code paths warm
    const afterWrite = [];
    for (let i = 0; i < 7; i++) {
      await trpcPost(server.url, cookie, "cameras.create", camera(i, areas[i].code));
      afterWrite.push((await trpcGet(server.url, cookie, "dashboard.summary", {})).ms);
    }
    // The summary keeps the figures of the tables a write did not touch (decision 060): the
    // installation's write above recounts its camera figures only; a site's write its site figures.
    const afterSiteWrite = [];
    for (let i = 0; i < 7; i++) {
      await client.query("UPDATE site SET notes = notes WHERE id = $1", [1 + i]);
      afterSiteWrite.push((await trpcGet(server.url, cookie, "dashboard.summary", {})).ms);
    }
    const fresh = [];
    for (let i = 0; i < 7; i++) {
      const input = {
        from: `20${10 + i}-03-${String(2 + i).padStart(2, "0")}`,
        to: `20${18 + (i % 5)}-10-${String(11 + i).padStart(2, "0")}`,
        districtCode: districts[i % districts.length],
      };
      fresh.push((await trpcGet(server.url, cookie, "dashboard.summary", input)).ms);
    }
    const wholeFresh = [];
    for (let i = 0; i < 5; i++) {
      wholeFresh.push(
        (await trpcGet(server.url, cookie, "dashboard.summary", { fromYear: 2008 + i, toYear: 2020 + i })).ms,
      );
    }
    note(
      `dashboard.summary right after a write (median of 7): ${ms(median(afterWrite))} = ${ratio(median(afterWrite) / raw, GOALS.afterWrite)}`,
    );
    note(
      `dashboard.summary right after a site's write (SQL, median of 7): ${ms(median(afterSiteWrite))} = ${ratio(median(afterSiteWrite) / raw, GOALS.afterWrite)}`,
    );
    note(
      `dashboard.summary, a filter never asked (days + district, median of 7): ${ms(median(fresh))} = ${ratio(median(fresh) / raw, GOALS.newFilter)}`,
    );
    note(
      `dashboard.summary, whole years never asked (median of 5): ${ms(median(wholeFresh))} = ${ratio(median(wholeFresh) / raw, GOALS.newFilter)}`,
    );

    const codes = areas.map((a) => a.code);
    const per = await statementsPerCreate(client, server.url, cookie, codes);
    note(
      `statements per create (pg_stat_statements over 20 creates): ${per.sent.toFixed(1)} sent by the server (round trips, BEGIN and COMMIT included), ${per.nested.toFixed(1)} run by triggers`,
    );

    console.log(`\nwrites for ${SECONDS} s, an installation and its audit entry each (load ${load()}):`);
    for (const clients of CLIENTS) {
      const sampled = chainLockSampler(url);
      const app = await appWriters(server.url, cookie, clients, codes);
      const chain = await sampled();
      const bench = pgbench(
        bin,
        url,
        clients,
        areas.map((a) => a.id),
      );
      note(
        `  ${clients} clients: app ${app.perSecond.toFixed(1)}/s (${app.errors} errors${app.firstError ? `: ${app.firstError}` : ""}), ` +
          `pgbench ${bench.perSecond.toFixed(1)}/s (${bench.errors} failed) = ${ratio(app.perSecond / bench.perSecond, GOALS.creates, "≥")}`,
      );
      console.log(
        `    app's connections in a transaction: ${chain.inTx.toFixed(1)} on average, of which waiting on the audit chain's lock: ${chain.waiting.toFixed(1)} (load ${load()})`,
      );
    }

    const check = spawnSync("pnpm", ["-s", "rollups:check"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
    });
    console.log("");
    note(
      `rollups:check after all of it: exit ${check.status} — ${(check.stdout + check.stderr).trim().split("\n").slice(-2).join(" / ")}`,
    );
    const verify = spawnSync("pnpm", ["-s", "audit:verify"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
    });
    note(
      `audit:verify after all of it (decision 061): exit ${verify.status} — ${(verify.stdout + verify.stderr).trim().split("\n").slice(-1).join("")}`,
    );
    const [{ sites, installations }] = (
      await client.query(
        "SELECT (SELECT count(*) FROM site WHERE deleted_at IS NULL)::int AS sites, (SELECT count(*) FROM camera_installation WHERE deleted_at IS NULL)::int AS installations",
      )
    ).rows;
    const figures = (await trpcGet(server.url, cookie, "dashboard.summary", {})).data;
    note(
      `recount equals summary: sites ${figures.siteCount} = ${sites} ${figures.siteCount === sites ? "yes" : "NO"}; installations ${figures.cameras.installations} = ${installations} ${figures.cameras.installations === installations ? "yes" : "NO"}`,
    );
    const exported = await exportMemory(server.url, cookie, server.pid);
    note(
      `export of every site (CSV, ${exported.mb.toFixed(1)} MB in ${exported.seconds.toFixed(1)} s): server RSS ${exported.start} → peak ${exported.peak} MB = +${exported.peak - exported.start} MB (goal ≤ +300 MB: ${exported.peak - exported.start <= 300 ? "met" : "NOT met"}; backups: pnpm bench:memory)`,
    );
    const errors = server
      .output()
      .split("\n")
      .filter((l) => /"level":50/.test(l));
    if (errors.length) note(`server errors: ${errors.length}; first: ${errors[0]?.slice(0, 400)}`);
  } finally {
    await client.end();
    await server.stop();
    pgServer.stop();
  }
}

/** The same writers on the embedded database (reference data only: its start with demo data is slow). */
async function pglitePart() {
  console.log(`\nembedded database (PGlite), writes for ${SECONDS} s (load ${load()}):`);
  const embedded = await startServer({
    env: { LOG_LEVEL: "error", SEED_DEMO: "false" },
    password: PASSWORD,
    prefix: "qt-scale-pglite-",
  });
  try {
    const cookie = await login(embedded.url, "admin", PASSWORD);
    const tree = (await trpcGet(embedded.url, cookie, "units.tree", { on: "2020-01-01" })).data;
    const codes = tree.flatMap((d) => d.areas.map((a) => a.code)).slice(0, 100);
    for (const clients of CLIENTS) {
      const app = await appWriters(embedded.url, cookie, clients, codes);
      note(
        `  PGlite, ${clients} clients: app ${app.perSecond.toFixed(1)}/s (${app.errors} errors${app.firstError ? `: ${app.firstError}` : ""}) (load ${load()})`,
      );
    }
  } finally {
    await embedded.stop();
  }
}

async function main() {
  console.log(
    `bench:scale — ${SITES.toLocaleString("en")} sites, ${INSTALLATIONS.toLocaleString("en")} installations, ${SECONDS} s per write run, --db ${DB}; load ${load()}`,
  );
  const loads = [load()];
  if (DB !== "pglite") await postgresPart();
  loads.push(load());
  if (DB !== "postgres") await pglitePart();
  loads.push(load());
  console.log(
    `\n== summary: ${SITES.toLocaleString("en")} sites, one run; load average (1, 5, 15 min) at start / after PostgreSQL / at end: ${loads.join(" / ")} ==`,
  );
  for (const line of summary) console.log(line);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
