#!/usr/bin/env node
// `pnpm test`: every check the project has, in order, with one total at the end.
//   1. typecheck (server, shared, prisma, tests; client)    2. lint (Biome)
//   3. vitest: server + client projects on PGlite           4. server project again on PostgreSQL
//   5. end-to-end in Chromium against the built app
// Locally a missing chromium or postgres is reported and skipped; with CI set it fails.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findPostgresBin, startPostgres } from "./support/postgres.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const CI = Boolean(process.env.CI);
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(cmd, args, env = {}) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return res.status === 0;
}

function check(name, ok) {
  totals[ok ? "passed" : "failed"]++;
  lines.push(`${ok ? "ok  " : "FAIL"} ${name}`);
}

function skip(name, why) {
  if (CI) {
    check(`${name} (${why})`, false);
    return;
  }
  totals.skipped++;
  lines.push(`skip ${name}: ${why}`);
}

function vitest(name, args, env = {}) {
  const out = path.join(os.tmpdir(), `qt-vitest-${process.pid}-${name.replace(/\W+/g, "-")}.json`);
  const ok = run(
    bin("vitest"),
    ["run", ...args, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`],
    env,
  );
  let report = null;
  try {
    report = JSON.parse(fs.readFileSync(out, "utf8"));
    fs.rmSync(out);
  } catch {
    // no report: count the whole step as one failure below
  }
  if (!report) return check(`${name}: vitest produced no report`, false);
  const failedSuites = report.testResults.filter(
    (f) => f.status === "failed" && f.assertionResults.length === 0,
  ).length;
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests + failedSuites;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  lines.push(
    `${ok ? "ok  " : "FAIL"} ${name}: ${report.numPassedTests} passed, ${report.numFailedTests + failedSuites} failed`,
  );
  if (!ok && report.numFailedTests + failedSuites === 0) check(`${name}: vitest exited with an error`, false);
}

console.log("\n== typecheck ==");
check("typecheck server, shared, prisma, tests", run(bin("tsc"), ["-p", "tsconfig.json"]));
check("typecheck client", run(bin("tsc"), ["-p", "client/tsconfig.json"]));

console.log("\n== lint ==");
check("biome check", run(bin("biome"), ["check", "."]));

console.log("\n== vitest on PGlite (server, client) ==");
vitest("server + client on PGlite", ["--project", "server", "--project", "client"]);

console.log("\n== vitest on PostgreSQL (server) ==");
if (!findPostgresBin()) {
  skip("server on PostgreSQL", "postgresql is not installed (apt-get install postgresql)");
} else {
  const pg = await startPostgres();
  try {
    const template = pg.url("qt_template");
    run("psql", [pg.url("postgres"), "-q", "-c", "CREATE DATABASE qt_template"]);
    // The real `prisma migrate deploy` on PostgreSQL, through @prisma/adapter-pg and its shims.
    const migrated = run(bin("prisma"), ["migrate", "deploy"], { DATABASE_URL: template });
    check("prisma migrate deploy on PostgreSQL", migrated);
    if (migrated) vitest("server on PostgreSQL", ["--project", "server"], { TEST_DATABASE_URL: template });
  } finally {
    pg.stop();
  }
}

console.log("\n== end-to-end in Chromium ==");
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(chromium)) {
  skip("end-to-end", `chromium not found at ${chromium} (apt-get install chromium)`);
} else {
  const built = run("pnpm", ["--filter", "@qt/client", "build"]);
  check("client build", built);
  if (built) vitest("end-to-end", ["--project", "e2e"]);
}

console.log("\n== summary ==");
for (const line of lines) console.log(line);
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : "";
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 ? 1 : 0);
