#!/usr/bin/env node
// `pnpm test`: every check the project has, in order, with one total of tests at the end.
//   1. typecheck (server, shared, prisma, tests; client)    2. lint (Biome)
//   3. vitest: server + client projects on PGlite
//   4. on a private PostgreSQL server: `prisma migrate deploy`, the schema agrees with the
//      migrations, the server project again (less what touches no database: the files of
//      noTestDatabase in vitest.config.ts, tests of processes on the embedded one), and the
//      dashboard end-to-end file
//   5. end-to-end in Chromium against the built app (on PGlite): one Chromium, each file's server
//      on a copy of one prepared data directory (decision 040)
//   6. survival: the slow tests of processes killed or replaced (kill -9 under write load, the
//      offline bundle, an upload cut by SIGKILL), once, on the embedded database
// The last line counts tests only: `N passed, N failed[, N skipped]`. A step that is not a test
// (typecheck, lint, migrate, schema check, build) is listed above it and, when it fails, adds one
// failure so the run cannot pass. Locally a missing chromium or postgres is reported and skipped;
// with CI set it fails.
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
  const started = Date.now();
  const res = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return { ok: res.status === 0, status: res.status, seconds: (Date.now() - started) / 1000 };
}

/** A step that is not a test: listed, and one failure in the total when it fails. */
function step(name, res) {
  if (!res.ok) totals.failed++;
  lines.push(`${res.ok ? "ok  " : "FAIL"} ${name} (${res.seconds.toFixed(1)} s)`);
  return res.ok;
}

function skip(name, why) {
  if (CI) return step(`${name} (${why})`, { ok: false, seconds: 0 });
  lines.push(`skip ${name}: ${why}`);
}

/** A vitest run: its tests go into the total, counted by tests/support/count-reporter.ts. */
function vitest(name, args, env = {}) {
  const out = path.join(os.tmpdir(), `qt-counts-${process.pid}-${name.replace(/\W+/g, "-")}.json`);
  const reporters = ["--reporter=default", "--reporter=./tests/support/count-reporter.ts"];
  const res = run(bin("vitest"), ["run", ...args, ...reporters], { ...env, QT_TEST_COUNTS: out });
  let counts = null;
  try {
    counts = JSON.parse(fs.readFileSync(out, "utf8"));
    fs.rmSync(out);
  } catch {
    // no counts: vitest did not get to the end of the run
  }
  if (!counts) return step(`${name}: vitest reported no tests (exit ${res.status})`, { ...res, ok: false });
  // vitest failing without a failed test (e.g. an unhandled error) must still fail the run.
  if (!res.ok && counts.failed === 0) counts.failed = 1;
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  const skipped = counts.skipped ? `, ${counts.skipped} skipped` : "";
  lines.push(
    `${counts.failed ? "FAIL" : "ok  "} ${name}: ${counts.passed} passed, ${counts.failed} failed${skipped} (${res.seconds.toFixed(1)} s)`,
  );
}

console.log("\n== typecheck ==");
step("typecheck (project references: shared, server, client, tests)", run(bin("tsc"), ["-b"]));

console.log("\n== lint ==");
step("biome check", run(bin("biome"), ["check", "."]));

console.log("\n== vitest on PGlite (server, client) ==");
vitest("server + client on PGlite", ["--project", "server", "--project", "client"]);

console.log("\n== PostgreSQL ==");
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasChromium = fs.existsSync(chromium);
let built = null;
const build = () => {
  built ??= step("client build", run("pnpm", ["--filter", "@qt/client", "build"]));
  return built;
};
if (!findPostgresBin()) {
  skip("PostgreSQL steps", "postgresql is not installed (apt-get install postgresql)");
} else {
  const pg = await startPostgres();
  try {
    const template = pg.url("qt_template");
    run("psql", [pg.url("postgres"), "-q", "-c", "CREATE DATABASE qt_template"]);
    // The real `prisma migrate deploy` on PostgreSQL, through @prisma/adapter-pg and its shims.
    const migrated = step(
      "prisma migrate deploy on PostgreSQL",
      run(bin("prisma"), ["migrate", "deploy"], { DATABASE_URL: template }),
    );
    // The migrations replayed on a shadow database of this server must build exactly the schema
    // of prisma/schema.prisma (exit code 2 = they differ).
    step(
      "prisma/schema.prisma agrees with prisma/migrations",
      run(
        bin("prisma"),
        [
          "migrate",
          "diff",
          "--from-migrations",
          "prisma/migrations",
          "--to-schema-datamodel",
          "prisma/schema.prisma",
          "--exit-code",
        ],
        { DATABASE_URL: pg.url("postgres") },
      ),
    );
    if (migrated) vitest("server on PostgreSQL", ["--project", "server"], { TEST_DATABASE_URL: template });
    if (!hasChromium) skip("end-to-end on PostgreSQL", `chromium not found at ${chromium}`);
    else if (build()) {
      vitest(
        "end-to-end on PostgreSQL",
        ["--project", "e2e", "tests/e2e/dashboard.test.ts", "tests/e2e/two-servers.test.ts"],
        {
          E2E_DATABASE_URL: pg.url("postgres"),
        },
      );
    }
  } finally {
    pg.stop();
  }
}

console.log("\n== end-to-end in Chromium ==");
if (!hasChromium) skip("end-to-end", `chromium not found at ${chromium} (apt-get install chromium)`);
else if (build()) vitest("end-to-end", ["--project", "e2e"]);

console.log("\n== survival (kill -9, offline bundle, upload cut short) ==");
if (build()) vitest("survival", ["--project", "survival"]);

console.log("\n== summary ==");
for (const line of lines) console.log(line);
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : "";
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 ? 1 : 0);
