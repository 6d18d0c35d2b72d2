#!/usr/bin/env node
// `pnpm test`: every check the project has, in order, with one total of tests at the end.
//   1. typecheck (server, shared, prisma, tests; client)    2. lint (Biome)
//      (side by side with 1: lint, the client build, and on a private PostgreSQL server
//      `prisma migrate deploy` and the schema check of step 4; their output is printed as each ends)
//   3. vitest: server + client projects on PGlite, one worker per core (decision 043)
//   4. on a private PostgreSQL server: `prisma migrate deploy`, the schema agrees with the
//      migrations, the server project again (less what touches no database: the files of
//      noTestDatabase in vitest.config.ts, tests of processes on the embedded one), and the
//      dashboard end-to-end file
//   5. end-to-end in Chromium against the built app (on PGlite): one Chromium, each file's server
//      on a copy of one prepared data directory (decision 040), two files at a time (decision 043)
//   6. survival: the slow tests of processes killed or replaced (kill -9 under write load, the
//      offline bundle, an upload cut by SIGKILL), once, on the embedded database, beside step 5
// The last line counts tests only: `N passed, N failed[, N skipped]`. A step that is not a test
// (typecheck, lint, migrate, schema check, build) is listed above it and, when it fails, adds one
// failure so the run cannot pass. Locally a missing chromium or postgres is reported and skipped;
// with CI set it fails.
import { spawn, spawnSync } from "node:child_process";
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

/**
 * As run(), without waiting: for the steps that are not tests, run side by side at the start. The
 * output is kept and printed, under its heading, when the step ends, so that two steps' lines do
 * not mix.
 */
function runQuiet(title, cmd, args, env = {}) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (c) => {
      output += c;
    });
    child.stderr.on("data", (c) => {
      output += c;
    });
    child.on("close", (status) => {
      console.log(`\n== ${title} ==`);
      if (output) process.stdout.write(output);
      resolve({ ok: status === 0, status, seconds: (Date.now() - started) / 1000 });
    });
  });
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
  const [cmd, argv, withCounts, out] = vitestCommand(name, args, env);
  return counted(name, run(cmd, argv, withCounts), out);
}

/**
 * As vitest(), started without waiting, for a step run beside another: its output goes to a file
 * (not a pipe, which the other step's spawnSync would leave undrained) and is printed under its
 * heading by the function the promise gives, which then counts its tests.
 */
function vitestBeside(name, args, env = {}) {
  const [cmd, argv, withCounts, out] = vitestCommand(name, args, env);
  const log = `${out}.log`;
  const fd = fs.openSync(log, "w");
  const started = Date.now();
  const child = spawn(cmd, argv, { cwd: root, env: { ...process.env, ...withCounts }, stdio: ["ignore", fd, fd] });
  fs.closeSync(fd);
  return new Promise((resolve) => {
    // "close" also follows a failed spawn's "error" (status null: the step fails).
    child.on("error", (err) => fs.appendFileSync(log, `${err}\n`));
    child.on("close", (status) => {
      const res = { ok: status === 0, status, seconds: (Date.now() - started) / 1000 };
      resolve(() => {
        console.log(`\n== ${name} ==`);
        process.stdout.write(fs.readFileSync(log, "utf8"));
        fs.rmSync(log, { force: true });
        counted(name, res, out);
      });
    });
  });
}

function vitestCommand(name, args, env) {
  const out = path.join(os.tmpdir(), `qt-counts-${process.pid}-${name.replace(/\W+/g, "-")}.json`);
  const reporters = ["--reporter=default", "--reporter=./tests/support/count-reporter.ts"];
  return [bin("vitest"), ["run", ...args, ...reporters], { ...env, QT_TEST_COUNTS: out }, out];
}

function counted(name, res, out) {
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

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasChromium = fs.existsSync(chromium);
const hasPostgres = Boolean(findPostgresBin());

// Steps 1 and 2 and what the later steps need, side by side (decision 043): the typecheck keeps one
// core busy for about a minute, while lint, the client build and, on a private PostgreSQL server,
// `prisma migrate deploy` and the schema check take their turns on the other.
let pg = null;
const stopPostgres = () => {
  pg?.stop();
  pg = null;
};
process.on("exit", stopPostgres);
const [typechecked, prepared] = await Promise.all([
  runQuiet("typecheck", bin("tsc"), ["-b"]),
  (async () => {
    const lint = await runQuiet("lint", bin("biome"), ["check", "."]);
    const build = await runQuiet("client build", "pnpm", ["--filter", "@qt/client", "build"]);
    if (!hasPostgres) return { lint, build };
    // Its data is thrown away after the run: no WAL flush waited for at commit, no full pages in
    // the WAL after each checkpoint (fsync is already off, tests/support/postgres.mjs).
    pg = await startPostgres({ settings: ["synchronous_commit=off", "full_page_writes=off"] });
    run("psql", [pg.url("postgres"), "-q", "-c", "CREATE DATABASE qt_template"]);
    // The real `prisma migrate deploy` on PostgreSQL, through @prisma/adapter-pg and its shims.
    const migrate = await runQuiet("prisma migrate deploy on PostgreSQL", bin("prisma"), ["migrate", "deploy"], {
      DATABASE_URL: pg.url("qt_template"),
    });
    // The migrations replayed on a shadow database of this server must build exactly the schema
    // of prisma/schema.prisma (exit code 2 = they differ).
    const agrees = await runQuiet(
      "schema check",
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
    );
    return { lint, build, migrate, agrees };
  })(),
]);
step("typecheck (project references: shared, server, client, tests)", typechecked);
step("biome check", prepared.lint);
const built = step("client build", prepared.build);
const migrated = prepared.migrate && step("prisma migrate deploy on PostgreSQL", prepared.migrate);
if (prepared.agrees) step("prisma/schema.prisma agrees with prisma/migrations", prepared.agrees);

console.log("\n== vitest on PGlite (server, client) ==");
vitest("server + client on PGlite", ["--project", "server", "--project", "client"]);

console.log("\n== PostgreSQL ==");
if (!pg) {
  skip("PostgreSQL steps", "postgresql is not installed (apt-get install postgresql)");
} else {
  try {
    if (migrated) vitest("server on PostgreSQL", ["--project", "server"], { TEST_DATABASE_URL: pg.url("qt_template") });
    if (!hasChromium) skip("end-to-end on PostgreSQL", `chromium not found at ${chromium}`);
    else if (built) {
      vitest(
        "end-to-end on PostgreSQL",
        ["--project", "e2e", "tests/e2e/dashboard.test.ts", "tests/e2e/two-servers.test.ts"],
        { E2E_DATABASE_URL: pg.url("postgres") },
      );
    }
  } finally {
    stopPostgres();
  }
}

// Steps 5 and 6 side by side (decision 043, follow-up 3): the survival files wait on servers that
// start, die and start again, the e2e files on their servers and the browser; one step alone left a
// core idle for much of its time. The survival step's output is printed under its heading when it
// ends; its line stays after the e2e one in the summary.
console.log("\n== end-to-end in Chromium (survival beside it: kill -9, offline bundle, upload cut short) ==");
const survival = built ? vitestBeside("survival", ["--project", "survival"]) : null;
if (!hasChromium) skip("end-to-end", `chromium not found at ${chromium} (apt-get install chromium)`);
else if (built) vitest("end-to-end", ["--project", "e2e"]);
if (survival) (await survival)();

console.log("\n== summary ==");
for (const line of lines) console.log(line);
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : "";
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 ? 1 : 0);
