/**
 * Time and peak memory (RSS) of each report export, on the demo data and on a generated large
 * database (`pnpm bench:reports [--rows 1000000] [--skip-demo] [--skip-large]`; BENCH_EXPORTS=xlsx,sites.csv
 * to run only some). Not a test: it prints figures.
 * Each export runs in its own child process, so its peak RSS is its own (process.resourceUsage's
 * maxRSS), and the embedded database is opened by one process at a time (PGlite is single-process).
 * The RSS includes PGlite itself (PostgreSQL in WebAssembly, in the same process); "base" is the RSS
 * once the database is open, before the export starts.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { ZReportOptions } from "@qt/shared/schemas/reports";
import { seed } from "../prisma/seed/index.ts";
import { seedReference } from "../prisma/seed/reference.ts";
import { chooseAdapter } from "../server/db/adapter.ts";
import { createDb, type Db } from "../server/db.ts";
import { exportCsv, exportReport } from "../server/services/reports/export.ts";
import { startPostgres } from "../tests/support/postgres.mjs";

const root = path.resolve(import.meta.dirname, "..");
const EXPORTS = (process.env.BENCH_EXPORTS?.split(",") ?? [
  "docx",
  "pdf",
  "xlsx",
  "sites.csv",
  "cameras.csv",
]) as string[];

function migrations(): string[] {
  const dir = path.join(root, "prisma/migrations");
  return fs
    .readdirSync(dir)
    .filter((d) => fs.existsSync(path.join(dir, d, "migration.sql")))
    .sort()
    .map((d) => fs.readFileSync(path.join(dir, d, "migration.sql"), "utf8"));
}

type Script = (sql: string) => Promise<void>;
/** The embedded database in a directory, or a PostgreSQL server. */
type Target = { dataDir: string; databaseUrl?: string };

/** A fresh embedded database in `dataDir`, filled by `fill`, then closed for the children. */
async function prepare(target: Target, fill: (db: Db, script: Script) => Promise<void>) {
  const adapter = await chooseAdapter(target);
  // The driver adapter runs a multi-statement script in one call (as `prisma migrate deploy` does).
  const conn = await adapter.factory.connect();
  const script: Script = (sql) => conn.executeScript(sql);
  for (const sql of migrations()) await script(sql);
  const db = createDb(adapter);
  await fill(db, script);
  await db.$disconnect();
  await adapter.close();
}

async function fillDemo(db: Db) {
  await seed(db, { demo: true });
}

/** `rows` sites spread over every area and model type, one camera installation per 10 sites. */
function fillLarge(rows: number) {
  return async (db: Db, script: Script) => {
    await seedReference(db);
    await script(`
      CREATE TEMP TABLE areas AS SELECT row_number() OVER (ORDER BY id) - 1 AS i, id FROM admin_unit
        WHERE level = 'commune' OR (level = 'district' AND NOT EXISTS (SELECT 1 FROM admin_unit c WHERE c.parent_id = admin_unit.id));
      CREATE TEMP TABLE types AS SELECT row_number() OVER (ORDER BY id) - 1 AS i, id FROM model_type;
      INSERT INTO site (model_type_id, area_id, name, host, established_on, updated_at, households, members)
      SELECT t.id, a.id, 'Điểm mô hình số ' || g, 'Ban Công tác Mặt trận', DATE '2007-01-01' + (g % 5800), now(), g % 90, g % 300
      FROM generate_series(1, ${rows}) g
      JOIN areas a ON a.i = g % (SELECT count(*) FROM areas)
      JOIN types t ON t.i = g % (SELECT count(*) FROM types);
      INSERT INTO camera_installation (area_id, installed_on, cameras, recorders, memory_cards, cost_vnd, funding_source, updated_at)
      SELECT a.id, DATE '2010-01-01' + (g % 4700), 1 + g % 20, g % 2, g % 3, 1000000 * (1 + g % 90), 'socialized', now()
      FROM generate_series(1, ${Math.ceil(rows / 10)}) g JOIN areas a ON a.i = g % (SELECT count(*) FROM areas);
      ANALYZE;`);
  };
}

type Result = { what: string; ms: number; baseMb: number; peakMb: number; bytes: number };

/** Child process: open the database, run one export to a file, print the figures as JSON. */
async function child(target: Target, what: string, out: string) {
  const adapter = await chooseAdapter(target);
  const db = createDb(adapter);
  await db.$queryRaw`SELECT 1`;
  const baseMb = process.memoryUsage().rss / 2 ** 20;
  const options = ZReportOptions.parse({ fromYear: 2007, toYear: 2022 });
  const by = { user: null, via: "cli" } as const;
  const start = performance.now();
  const file = what.endsWith(".csv")
    ? await exportCsv(db, by, options, what.replace(".csv", "") as "sites" | "cameras")
    : await exportReport(db, by, options, what as "docx" | "pdf" | "xlsx");
  if (Buffer.isBuffer(file.body)) fs.writeFileSync(out, file.body);
  else {
    const { pipeline } = await import("node:stream/promises");
    await pipeline(file.body, fs.createWriteStream(out));
  }
  const ms = performance.now() - start;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  await db.$disconnect();
  await adapter.close();
  const result: Result = { what, ms, baseMb, peakMb, bytes: fs.statSync(out).size };
  console.log(`RESULT ${JSON.stringify(result)}`);
}

function runChild(target: Target, what: string): Result {
  const out = path.join(target.dataDir, `out-${what.replace(/\W/g, "-")}`);
  const db = target.databaseUrl ? ["--url", target.databaseUrl] : [];
  const r = spawnSync(
    path.join(root, "node_modules/.bin/tsx"),
    [path.join(root, "scripts/bench-reports.ts"), "--child", what, "--dir", target.dataDir, "--out", out, ...db],
    { encoding: "utf8", env: { ...process.env, LOG_LEVEL: "warn" }, timeout: 20 * 60_000, maxBuffer: 16 * 2 ** 20 },
  );
  const line = r.stdout.split("\n").find((l) => l.startsWith("RESULT "));
  if (!line) throw new Error(`${what} failed:\n${r.stdout}\n${r.stderr}`);
  return JSON.parse(line.slice(7)) as Result;
}

function print(label: string, results: Result[]) {
  console.log(`\n${label}`);
  console.log("export        time (s)   base RSS (MB)   peak RSS (MB)   file (MB)");
  for (const r of results) {
    console.log(
      `${r.what.padEnd(12)} ${(r.ms / 1000).toFixed(1).padStart(9)} ${r.baseMb.toFixed(0).padStart(15)} ${r.peakMb
        .toFixed(0)
        .padStart(15)} ${(r.bytes / 2 ** 20).toFixed(2).padStart(11)}`,
    );
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      child: { type: "string" },
      dir: { type: "string" },
      url: { type: "string" },
      out: { type: "string" },
      rows: { type: "string", default: "1000000" },
      "skip-large": { type: "boolean", default: false },
      "skip-demo": { type: "boolean", default: false },
    },
  });
  if (values.child && values.dir && values.out) {
    return child({ dataDir: values.dir, databaseUrl: values.url }, values.child, values.out);
  }

  let pgServer: { url: (db: string) => string; stop: () => void } | null = null;
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "qt-bench-"));
  try {
    if (!values["skip-demo"]) {
      const demo = { dataDir: path.join(base, "demo") };
      await prepare(demo, fillDemo);
      print(
        "Demo data on PGlite (588 sites, 85 installations)",
        EXPORTS.map((w) => runChild(demo, w)),
      );
    }
    if (!values["skip-large"]) {
      const rows = Number(values.rows);
      // A national-scale database lives on a PostgreSQL server; PGlite's own memory (about 400 MB
      // of RSS once open) would hide the export's. Falls back to PGlite where PostgreSQL is absent.
      pgServer = await startPostgres();
      const large: Target = { dataDir: path.join(base, "large"), databaseUrl: pgServer?.url("postgres") };
      fs.mkdirSync(large.dataDir, { recursive: true });
      const t0 = performance.now();
      await prepare(large, fillLarge(rows));
      const where = large.databaseUrl ? "PostgreSQL" : "PGlite";
      console.log(
        `\nGenerated ${rows.toLocaleString("vi-VN")} sites on ${where} in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
      );
      print(
        `Large database on ${where} (${rows.toLocaleString("vi-VN")} sites)`,
        EXPORTS.map((w) => runChild(large, w)),
      );
    }
  } finally {
    pgServer?.stop();
    fs.rmSync(base, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
