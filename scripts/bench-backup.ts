#!/usr/bin/env tsx
// Backups do not hold the server (issue 23, item 9; decision 030), measured (not a timed test):
// fills a fresh embedded database with `--rows` records (sites, camera installations and awards,
// a third each; default 270,000), starts the real server on it (loopback), runs `pnpm backup`
// against it and meanwhile probes /api/health and dashboard.summary every 100 ms, then prints the
// longest answer, the backup's time and the peak RSS of the server and of the backup command.
// Bounded: every wait has a limit; the data directory is removed at the end.
// Usage: pnpm bench:backup [--rows 270000]
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../server/db/open.ts";
import { readEnv } from "../server/env.ts";
import { login, startServer } from "../tests/support/server-process.mjs";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { rows: { type: "string", default: "270000" } } });
const ROWS = Number(values.rows);
if (!Number.isInteger(ROWS) || ROWS < 3 || ROWS > 3_000_000) throw new Error("--rows takes 3 to 3,000,000");
const PASSWORD = "bench-Admin-Passw0rd";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (kb: number) => Math.round(kb / 1024);

/** A process's current and peak resident set, in kB (Linux /proc). */
function rss(pid: number): { now: number; peak: number } {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    return { now: Number(/VmRSS:\s+(\d+)/.exec(s)?.[1] ?? 0), peak: Number(/VmHWM:\s+(\d+)/.exec(s)?.[1] ?? 0) };
  } catch {
    return { now: 0, peak: 0 };
  }
}

async function fill(dataDir: string) {
  const t0 = Date.now();
  const env = readEnv({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", SEED_DEMO: "false", LOG_LEVEL: "warn" });
  const db = await openDatabase(env);
  const third = Math.floor(ROWS / 3);
  // Areas of the list before 01/07/2025, dated 2010–2022: no approved unit-year locks them.
  const areas = `(SELECT array_agg(id ORDER BY id) AS ids FROM admin_unit WHERE catalog = 'three_level' AND level = 'commune')`;
  await db.db.$executeRawUnsafe(
    `INSERT INTO site (model_type_id, area_id, name, host, established_on, search_text, updated_at)
     SELECT (SELECT min(id) FROM model_type), ids[1 + i % cardinality(ids)], 'Điểm thử ' || i, 'Dòng họ ' || i,
       date '2010-01-01' + (i % 4000), 'diem thu ' || i, now()
     FROM generate_series(1, ${third}) i, ${areas} u`,
  );
  await db.db.$executeRawUnsafe(
    `INSERT INTO camera_installation (area_id, installed_on, cameras, recorders, memory_cards, cost_vnd, funding_source, updated_at)
     SELECT ids[1 + i % cardinality(ids)], date '2010-01-01' + (i % 4000), 1 + i % 4, 1, 1, 1000000, 'socialized', now()
     FROM generate_series(1, ${third}) i, ${areas} u`,
  );
  await db.db.$executeRawUnsafe(
    `INSERT INTO award (year, issuer, form, recipient_kind, recipient_name, area_id, search_text, updated_at)
     SELECT 2010 + i % 13, 'ministry', 'certificate', 'individual', 'Người nhận ' || i, ids[1 + i % cardinality(ids)],
       'nguoi nhan ' || i, now()
     FROM generate_series(1, ${ROWS - 2 * third}) i, ${areas} u`,
  );
  await db.close();
  console.log(`filled ${ROWS.toLocaleString("en")} records in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/** Times one request, in ms; a failure or a 5-second wait counts as 5 s. */
async function timed(url: string, headers: Record<string, string> = {}): Promise<number> {
  const t0 = performance.now();
  const ok = await fetch(url, { headers, signal: AbortSignal.timeout(5000) }).then(
    async (r) => {
      await r.arrayBuffer();
      return r.ok;
    },
    () => false,
  );
  return ok ? performance.now() - t0 : 5000;
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "qt-bench-backup-"));
  try {
    await fill(dataDir);
    // NODE_ENV=development: the server does not serve the client, so no build is needed.
    const server = await startServer({
      dataDir,
      password: PASSWORD,
      echo: true,
      env: { NODE_ENV: "development", SEED_DEMO: "false", BACKUP_KEEP_DAYS: "0" },
    });
    try {
      const cookie = await login(server.url, "admin", PASSWORD, { "x-qt-client": "bench" });
      const summary = `${server.url}/api/trpc/dashboard.summary?input=${encodeURIComponent("{}")}`;
      await timed(summary, { cookie });
      const before = rss(server.pid);
      const out = path.join(dataDir, "bench.jsonl.gz");
      const t0 = Date.now();
      const cli = spawn(process.execPath, ["--import", "tsx", "server/cli/backup.ts", "--out", out], {
        cwd: root,
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "warn" },
        stdio: ["ignore", "inherit", "inherit"],
      });
      const done = new Promise<number>((r) => cli.once("exit", (code) => r(code ?? 1)));
      let exited = false;
      void done.then(() => {
        exited = true;
      });
      const health: number[] = [];
      const dashboard: number[] = [];
      let serverPeak = before.now;
      let cliPeak = 0;
      while (!exited && Date.now() - t0 < 600_000) {
        const [h, d] = await Promise.all([timed(`${server.url}/api/health`), timed(summary, { cookie })]);
        health.push(h);
        dashboard.push(d);
        serverPeak = Math.max(serverPeak, rss(server.pid).now);
        cliPeak = Math.max(cliPeak, rss(cli.pid ?? 0).peak);
        await sleep(100);
      }
      if (!exited) cli.kill("SIGKILL");
      const code = exited ? await done : -1;
      const seconds = (Date.now() - t0) / 1000;
      const max = (l: number[]) => Math.round(Math.max(0, ...l));
      const p = (l: number[], q: number) =>
        Math.round([...l].sort((a, b) => a - b)[Math.floor((l.length - 1) * q)] ?? 0);
      console.log(
        [
          `backup: exit ${code}, ${seconds.toFixed(1)} s, ${(fs.existsSync(out) ? fs.statSync(out).size / 1e6 : 0).toFixed(1)} MB gzip'd`,
          `probes during the backup: ${health.length} of each`,
          `  /api/health        max ${max(health)} ms, p50 ${p(health, 0.5)} ms, p99 ${p(health, 0.99)} ms`,
          `  dashboard.summary  max ${max(dashboard)} ms, p50 ${p(dashboard, 0.5)} ms, p99 ${p(dashboard, 0.99)} ms`,
          `server RSS: ${mb(before.now)} MB before, ${mb(serverPeak)} MB peak during the backup`,
          `pnpm backup process peak RSS: ${mb(cliPeak)} MB`,
        ].join("\n"),
      );
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
