import { availableParallelism } from "node:os";
import react from "@vitejs/plugin-react";
import { configDefaults, defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const failOnConsoleError = "tests/setup/fail-on-console-error.ts";
// QT_FILE_CPU=path: each file's CPU and wall, one JSON line per file (tests/support/file-cpu.ts).
const fileCpu = process.env.QT_FILE_CPU ? ["tests/support/file-cpu.ts"] : [];
// Migrates and seeds the database templates once per run; each test file gets a copy (tests/support/db.ts).
const dbTemplates = "tests/support/db-templates.ts";
// Files that open no test database (processes on an embedded data directory, pure functions): the
// same on either database, so the PostgreSQL run of the server project (TEST_DATABASE_URL) skips them.
const noTestDatabase = [
  "tests/server/audit-verify-cli.test.ts",
  "tests/server/backup-availability.test.ts",
  "tests/server/copy-files.test.ts",
  "tests/server/data-dir-lock.test.ts",
  "tests/server/data-dir-modes.test.ts",
  "tests/server/env.test.ts",
  "tests/server/format.test.ts",
  "tests/server/import-read-limits.test.ts",
  "tests/server/maps-national.test.ts",
  "tests/server/maps-scale.test.ts",
  "tests/server/message-catalogue.test.ts",
  "tests/server/palette.test.ts",
  "tests/server/reports-cli.test.ts",
  "tests/server/upgrade.test.ts",
  "tests/server/vocabulary.test.ts",
];

// The slow survival tests (kill -9 under write load, the offline bundle, an upload while the server
// is killed): their own project and their own step of tests/run.mjs (decision 040).
const survival = [
  "tests/e2e/bundle.test.ts",
  "tests/e2e/kill-9.test.ts",
  "tests/server/import-upload-survival.test.ts",
];

// Files that take long for their size (processes they start and wait for, thousands of calls),
// longest first. Without a cache of durations (a clean clone, CI) vitest runs a project's larger
// files first, so these small ones came last: one worker still on a 40 s file while the other
// core had nothing left to do. Run first, the short files fill in at the end (decision 043).
const longFiles = [
  "tests/server/backup-cli.test.ts",
  "tests/server/reports-cli.test.ts",
  "tests/server/fuzz.test.ts",
  "tests/server/backup-availability.test.ts",
  "tests/server/migrate.test.ts",
  "tests/server/restore-failure.test.ts",
  "tests/server/audit-verify-cli.test.ts",
  "tests/server/authz-matrix.test.ts",
  "tests/server/national.test.ts",
  "tests/server/provinces.test.ts",
  "tests/server/exchange.test.ts",
  "tests/server/province-restart.test.ts",
  "tests/server/upgrade.test.ts",
  "tests/server/data-dir-lock.test.ts",
  "tests/server/seed-national.test.ts",
  "tests/server/data-dir-modes.test.ts",
  "tests/server/tls.test.ts",
];

/** vitest's order, with each project's long files (longFiles) moved to the front, longest first. */
class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = longFiles.findIndex((l) => f.moduleId.endsWith(l));
      return i < 0 ? longFiles.length : i;
    };
    // super.sort keeps each project's files together; the order of the projects is kept.
    const projects = new Map<string, TestSpecification[]>();
    for (const f of sorted) projects.set(f.project.name, [...(projects.get(f.project.name) ?? []), f]);
    return [...projects.values()].flatMap((group) =>
      group
        .map((f, i) => ({ f, i }))
        .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
        .map(({ f }) => f),
    );
  }
}

export default defineConfig({
  test: {
    sequence: { sequencer: LongFilesFirst },
    // One worker per core. vitest's own default is one less than the cores (it keeps one for
    // itself), which on the 2-core machine ran the server and client projects in a single worker
    // and left a core idle: the orchestrating process is mostly waiting (decision 043).
    maxWorkers: availableParallelism(),
    projects: [
      {
        // Procedures through createCaller on a real database (PGlite, or PostgreSQL when
        // TEST_DATABASE_URL is set by tests/run.mjs).
        test: {
          name: "server",
          include: ["tests/server/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...survival, ...(process.env.TEST_DATABASE_URL ? noTestDatabase : [])],
          environment: "node",
          globalSetup: [dbTemplates],
          setupFiles: [failOnConsoleError, ...fileCpu],
          // Files share a worker's loaded modules (server, Prisma client, PGlite) instead of loading
          // them again for each file: 43 % less CPU for this project (decision 016). Each file
          // still has its own database, and module state keyed by database (dashboard cache) stays apart.
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: "client",
          include: ["tests/client/**/*.test.tsx"],
          environment: "jsdom",
          globalSetup: [dbTemplates],
          setupFiles: [failOnConsoleError, "tests/setup/client.ts", ...fileCpu],
          // As for the server project; testing-library's cleanup after each test unmounts every
          // screen, and each render builds its own query client.
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...survival],
          environment: "node",
          // One Chromium and one prepared data directory for the run (decision 040).
          globalSetup: ["tests/e2e/helpers/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          // Two files at a time (one per core): each has its own server on its own copy of the
          // data directory and its own browser contexts, and much of a file's time is spent
          // waiting on its server and the browser (decision 043).
        },
      },
      {
        test: {
          name: "survival",
          include: survival,
          environment: "node",
          setupFiles: [failOnConsoleError],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
