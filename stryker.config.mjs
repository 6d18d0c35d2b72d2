// Mutation testing of the figure code (issue 24): `pnpm test:mutation`. Not in CI and not in
// `pnpm test`; its score and the mutants that survive are in docs/decisions/041-tests-that-check-and-mutation-run.md.
// MUTATION_SET=figures (coverage, filters, lock) or records (the record lifecycle) runs one half,
// each with its own tests (vitest.mutation.config.ts); unset, both. MUTATION_SET=lock or filter runs
// one file of the figures half with the few tests that exercise it directly.
const SETS = {
  figures: [
    "shared/src/coverage.ts",
    "server/services/dashboard/coverage.ts",
    "server/services/dashboard/filter.ts",
    "server/services/approvals/lock.ts",
  ],
  records: ["server/services/records/lifecycle.ts"],
  // One file of the figures half with its own tests (vitest.mutation.config.ts), for a loaded machine.
  lock: ["server/services/approvals/lock.ts"],
  filter: ["server/services/dashboard/filter.ts"],
};
const set = process.env.MUTATION_SET;
const name = set ?? "all";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { configFile: "vitest.mutation.config.ts", related: false },
  mutate: set ? SETS[set] : [...SETS.figures, ...SETS.records],
  coverageAnalysis: "perTest",
  // A mutant of a module-level constant would need every test again: skipped, listed as ignored.
  ignoreStatic: true,
  // One mutant at a time: the machine is shared, and each test file opens its own database.
  concurrency: 1,
  timeoutMS: 60_000,
  // event-recorder keeps each mutant's result as it comes, so a run stopped early still tells.
  reporters: ["clear-text", "progress-append-only", "html", "json", "event-recorder"],
  eventReporter: { baseDir: `reports/mutation/events-${name}` },
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  clearTextReporter: { allowColor: false, maxTestsToLog: 0 },
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
};
