#!/usr/bin/env tsx
// Memory of the big outputs (issue 27, item 3; decision 047), measured (not a timed test): fills a
// fresh database with plain SQL (`--rows` sites, default 1,000,000, plus a tenth as many camera
// installations and as many awards), starts the real server on it and, one after the other, asks
// for the whole Excel report, the sites CSV and a backup, sampling the server's RSS every 100 ms and
// timing /api/health every 200 ms meanwhile. Prints, per output, RSS at its start, peak, delta, the
// slowest health answer and the file's size.
// On the embedded database the backup is the server's (`pnpm backup` asks it through the control
// socket); on PostgreSQL `pnpm backup` reads the database itself, so its own process is measured too.
// Usage: pnpm bench:memory [--rows 1000000] [--db pglite|postgres]
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadable } from "node:stream/web";
import { parseArgs } from "node:util";
import { openDatabase } from "../server/db/open.ts";
import { readEnv } from "../server/env.ts";
import { onServer, startPostgres } from "../tests/support/postgres.mjs";
import { login, startServer } from "../tests/support/server-process.mjs";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: { rows: { type: "string", default: "1000000" }, db: { type: "string", default: "pglite" } },
});
const ROWS = Number(values.rows);
if (!Number.isInteger(ROWS) || ROWS < 10 || ROWS > 3_000_000) throw new Error("--rows takes 10 to 3,000,000");
if (values.db !== "pglite" && values.db !== "postgres") throw new Error("--db takes pglite or postgres");
const PASSWORD = "bench-Admin-Passw0rd";
const YEARS = `fromYear=2007&toYear=${new Date().getFullYear()}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A process's resident set now, in MB (Linux /proc); 0 once it is gone. */
function rssMb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** Sites, installations and awards by plain SQL, in areas of the old list dated 2010–2020 (no lock). */
async function fill(dataDir: string, databaseUrl: string) {
  const t0 = Date.now();
  const env = readEnv({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl, SEED_DEMO: "false" });
  const db = await openDatabase(env);
  const areas = `(SELECT array_agg(id ORDER BY id) AS ids FROM admin_unit WHERE catalog = 'three_level' AND level = 'commune')`;
  const tenth = Math.max(1, Math.floor(ROWS / 10));
  const sql = [
    `INSERT INTO site (model_type_id, area_id, name, host, established_on, search_text, updated_at)
     SELECT (SELECT min(id) FROM model_type), ids[1 + i % cardinality(ids)], 'Điểm thử ' || i, 'Dòng họ ' || i,
       date '2010-01-01' + (i % 4000), 'diem thu ' || i, now()
     FROM generate_series(1, ${ROWS}) i, ${areas} u`,
    `INSERT INTO camera_installation (area_id, installed_on, cameras, recorders, memory_cards, cost_vnd, funding_source, updated_at)
     SELECT ids[1 + i % cardinality(ids)], date '2010-01-01' + (i % 4000), 1 + i % 4, 1, 1, 1000000, 'socialized', now()
     FROM generate_series(1, ${tenth}) i, ${areas} u`,
    `INSERT INTO award (year, issuer, form, recipient_kind, recipient_name, area_id, search_text, updated_at)
     SELECT 2010 + i % 11, 'ministry', 'certificate', 'individual', 'Người nhận ' || i, ids[1 + i % cardinality(ids)],
       'nguoi nhan ' || i, now()
     FROM generate_series(1, ${tenth}) i, ${areas} u`,
  ];
  for (const q of sql) await db.db.$executeRawUnsafe(q);
  await db.close();
  console.log(`filled ${ROWS.toLocaleString("en")} sites + 2 × ${tenth.toLocaleString("en")} in ${s(t0)} s`);
}

const s = (t0: number) => ((Date.now() - t0) / 1000).toFixed(1);

/** Times one request, in ms; a failure or a 10-second wait counts as 10 s. */
async function timed(url: string): Promise<number> {
  const t0 = performance.now();
  const ok = await fetch(url, { signal: AbortSignal.timeout(10_000) }).then(
    async (r) => {
      await r.arrayBuffer();
      return r.ok;
    },
    () => false,
  );
  return ok ? performance.now() - t0 : 10_000;
}

/** The server's child processes (the embedded database's backup reader), in MB together. */
function childrenMb(pid: number): number {
  try {
    const kids = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    return kids.reduce((sum, k) => sum + rssMb(Number(k)), 0);
  } catch {
    return 0;
  }
}

const row = (p: Phase) =>
  `${p.name.padEnd(30)}${p.startMb.toFixed(0).padStart(8)}${p.peakMb.toFixed(0).padStart(9)}${(p.peakMb - p.startMb).toFixed(0).padStart(10)}${Math.round(p.maxHealthMs).toString().padStart(20)}  ${p.otherPeakMb ? p.otherPeakMb.toFixed(0) : ""}  ${p.note}`;

type Phase = { name: string; startMb: number; peakMb: number; otherPeakMb?: number; maxHealthMs: number; note: string };

/**
 * Runs `work` while sampling `pid`'s RSS (and `other()`'s, a helper process) every 100 ms and timing
 * /api/health every 200 ms.
 */
async function measure(
  name: string,
  url: string,
  pid: number,
  work: () => Promise<string>,
  /** The resident set of the helper processes, in MB (`pnpm backup`, the server's backup reader). */
  other?: () => number,
): Promise<Phase> {
  await sleep(3000); // let the previous phase's garbage settle a little
  const startMb = rssMb(pid);
  let peakMb = startMb;
  let otherPeakMb = 0;
  let maxHealthMs = 0;
  let running = true;
  const t0 = Date.now();
  const sampler = (async () => {
    while (running) {
      peakMb = Math.max(peakMb, rssMb(pid));
      if (other) otherPeakMb = Math.max(otherPeakMb, other());
      await sleep(100);
    }
  })();
  const prober = (async () => {
    while (running) {
      const started = Date.now();
      maxHealthMs = Math.max(maxHealthMs, await timed(`${url}/api/health`));
      await sleep(Math.max(0, 200 - (Date.now() - started)));
    }
  })();
  try {
    const note = await work();
    const phase = {
      name,
      startMb,
      peakMb,
      maxHealthMs,
      note: `${note}, ${s(t0)} s`,
      ...(other ? { otherPeakMb } : {}),
    };
    console.log(row(phase)); // as it comes: a long run cut short still says something
    return phase;
  } finally {
    running = false;
    await Promise.all([sampler, prober]);
  }
}

/** Downloads `path` into a file (streamed, so this process's memory does not count). */
async function download(url: string, cookie: string, file: string): Promise<string> {
  const res = await fetch(url, { headers: { cookie } });
  if (!res.ok || !res.body) throw new Error(`${url}: ${res.status}`);
  await pipeline(Readable.fromWeb(res.body as WebReadable), fs.createWriteStream(file));
  return `${(fs.statSync(file).size / 1e6).toFixed(1)} MB file`;
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "qt-bench-memory-"));
  const pg = values.db === "postgres" ? await startPostgres() : null;
  if (values.db === "postgres" && !pg) throw new Error("no PostgreSQL found on this machine");
  const databaseUrl = pg ? pg.url("bench") : "";
  if (pg) await onServer(databaseUrl, "CREATE DATABASE bench");
  try {
    await fill(dataDir, databaseUrl);
    const server = await startServer({
      dataDir,
      password: PASSWORD,
      echo: "stderr",
      timeoutMs: 900_000, // a million rows on a busy shared machine
      env: { NODE_ENV: "development", SEED_DEMO: "false", BACKUP_KEEP_DAYS: "0", DATABASE_URL: databaseUrl },
    });
    const phases: Phase[] = [];
    try {
      const cookie = await login(server.url, "admin", PASSWORD, { "x-qt-client": "bench" });
      const started = rssMb(server.pid);
      for (const [name, file] of [
        ["Excel report (summary.xlsx)", "summary.xlsx"],
        ["sites CSV", "sites.csv"],
      ] as const) {
        phases.push(
          await measure(name, server.url, server.pid, () =>
            download(`${server.url}/api/reports/${file}?${YEARS}`, cookie, path.join(dataDir, file)),
          ),
        );
      }
      const out = path.join(dataDir, "bench.jsonl.gz");
      let cliPid = 0;
      phases.push(
        await measure(
          "backup",
          server.url,
          server.pid,
          async () => {
            const cli = spawn(process.execPath, ["--import", "tsx", "server/cli/backup.ts", "--out", out], {
              cwd: root,
              env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" },
              stdio: ["ignore", "inherit", "inherit"],
            });
            cliPid = cli.pid ?? 0;
            const code = await new Promise<number>((r) => cli.once("exit", (c) => r(c ?? 1)));
            if (code !== 0) throw new Error(`pnpm backup exited ${code}`);
            return `${(fs.statSync(out).size / 1e6).toFixed(1)} MB gzip'd`;
          },
          () => rssMb(cliPid) + childrenMb(server.pid),
        ),
      );
      console.log(
        `\n${values.db}, ${ROWS.toLocaleString("en")} sites; server RSS after start ${started.toFixed(0)} MB`,
      );
      console.log(
        "output                        start MB  peak MB  delta MB  max /api/health ms  (pnpm backup + reader peak MB)",
      );
      for (const p of phases) console.log(row(p));
      const peak = Math.max(...phases.map((p) => p.peakMb));
      console.log(
        `server peak over every output ${peak.toFixed(0)} MB: +${(peak - started).toFixed(0)} MB over its start`,
      );
    } finally {
      await server.stop();
    }
  } finally {
    pg?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
