import fs from "node:fs";
import type { Reporter, SerializedError, TestCase, TestModule } from "vitest/node";

export type TestCounts = { passed: number; failed: number; skipped: number };

/**
 * Counts tests for the closing total of tests/run.mjs, written as JSON to $QT_TEST_COUNTS.
 * vitest reports the tests of a suite whose beforeAll threw as "skipped", the same as `it.skip`:
 * here a test skipped under a suite (or file) that has an error counts as failed, and a file that
 * failed with no failed test of its own (it could not load, an afterAll threw) counts as one failure.
 */
export default class CountReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>) {
    const counts: TestCounts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of modules) {
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") counts.passed++;
        else if (state === "failed" || underFailedSetup(test)) failedHere++;
        else counts.skipped++;
      }
      if (failedHere === 0 && !module.ok()) failedHere = 1;
      counts.failed += failedHere;
    }
    if (unhandledErrors.length > 0) counts.failed++;
    const out = process.env.QT_TEST_COUNTS;
    if (out) fs.writeFileSync(out, JSON.stringify(counts));
  }
}

function underFailedSetup(test: TestCase): boolean {
  for (let node = test.parent; ; node = node.parent) {
    if (node.errors().length > 0) return true;
    if (node.type === "module") return false;
  }
}
