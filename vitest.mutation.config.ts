import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * The tests StrykerJS runs against each mutant of the figure code (`pnpm test:mutation`,
 * stryker.config.mjs): only the files that exercise coverage, filters, the record lifecycle and the
 * lock, so a run fits a shared 2-core machine. Not part of `pnpm test`.
 */
const SETS: Record<string, string[]> = {
  figures: [
    "tests/server/coverage-lists.test.ts",
    "tests/server/dashboard-aggregates.test.ts",
    "tests/server/coverage-headline.test.ts",
    "tests/server/approved-only.test.ts",
    "tests/server/approval-locking.test.ts",
    "tests/server/filter-district.test.ts",
    "tests/server/unit-year-locks.test.ts",
    "tests/server/filter-resolve.test.ts",
  ],
  records: [
    "tests/server/record-locks.test.ts",
    "tests/server/unchanged-save.test.ts",
    "tests/server/record-scope.test.ts",
    "tests/server/sites.test.ts",
    "tests/server/list-page.test.ts",
    "tests/server/cameras.test.ts",
    "tests/server/awards.test.ts",
    "tests/server/record-writes.test.ts",
  ],
  // One file of the figures half at a time (`--mutate`, decision 041): the tests that exercise it
  // directly, small enough for the initial run and each mutant to finish on a loaded machine.
  lock: [
    "tests/server/approval-locking.test.ts",
    "tests/server/record-locks.test.ts",
    "tests/server/unit-year-locks.test.ts",
  ],
  filter: ["tests/server/filter-resolve.test.ts", "tests/server/filter-district.test.ts"],
};
const set = process.env.MUTATION_SET;
const HALVES = ["figures", "records"];
const MUTATION_TESTS = set ? (SETS[set] ?? []) : HALVES.flatMap((h) => SETS[h] ?? []);

export default defineConfig({
  resolve: {
    // Stryker mutates a copy of the tree: @qt/shared must resolve to the copy's shared/, not follow
    // the workspace link back to the original files.
    alias: [{ find: /^@qt\/shared\/(.*)$/, replacement: path.join(import.meta.dirname, "shared/src/$1.ts") }],
  },
  test: {
    include: MUTATION_TESTS,
    environment: "node",
    globalSetup: ["tests/support/db-templates.ts"],
    setupFiles: ["tests/setup/fail-on-console-error.ts"],
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
