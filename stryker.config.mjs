// Mutation testing of the figure code (issue 24): `pnpm test:mutation`. Not in CI and not in
// `pnpm test`; its score and the mutants that survive are in docs/decisions/036-mutation-testing.md.
// MUTATION_SET=figures (coverage, filters, lock) or records (the record lifecycle) runs one half,
// each with its own tests (vitest.mutation.config.ts); unset, both.
const SETS = {
  figures: [
    "shared/src/coverage.ts",
    "server/services/dashboard/coverage.ts",
    "server/services/dashboard/filter.ts",
    "server/services/approvals/lock.ts",
  ],
  records: ["server/services/records/lifecycle.ts"],
};
const set = process.env.MUTATION_SET;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { configFile: "vitest.mutation.config.ts", related: false },
  mutate: set ? SETS[set] : Object.values(SETS).flat(),
  coverageAnalysis: "perTest",
  // A mutant of a module-level constant would need every test again: skipped, listed as ignored.
  ignoreStatic: true,
  // One mutant at a time: the machine is shared, and each test file opens its own database.
  concurrency: 1,
  timeoutMS: 60_000,
  // event-recorder keeps each mutant's result as it comes, so a run stopped early still tells.
  reporters: ["clear-text", "progress-append-only", "html", "json", "event-recorder"],
  eventReporter: { baseDir: `reports/mutation/events-${set ?? "all"}` },
  htmlReporter: { fileName: `reports/mutation/${set ?? "all"}.html` },
  jsonReporter: { fileName: `reports/mutation/${set ?? "all"}.json` },
  clearTextReporter: { allowColor: false, maxTestsToLog: 0 },
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
};
