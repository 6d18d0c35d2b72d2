import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { hasChromium, launchBrowser } from "./browser.ts";
import { type RunningServer, startServer } from "./server.ts";

/** describe for e2e files: locally a missing chromium skips them; in CI it fails (tests/run.mjs too). */
export const describeE2E: ReturnType<typeof describe.skipIf> = describe.skipIf(!hasChromium && !process.env.CI);

/**
 * For the enclosing describe block: the real server on a fresh embedded database (a copy of the
 * run's prepared data directory, tests/e2e/helpers/global-setup.ts) and the run's Chromium,
 * started before its tests and stopped after them. Read `app.server` and `app.browser` inside
 * hooks and tests.
 */
export function useServerAndBrowser(): { server: RunningServer; browser: Browser } {
  const app = {} as { server: RunningServer; browser: Browser };
  let copy = "";
  beforeAll(async () => {
    const prepared = inject("e2eDataDir");
    if (prepared) {
      copy = fs.mkdtempSync(path.join(os.tmpdir(), "qt-e2e-"));
      fs.cpSync(prepared, copy, { recursive: true });
    }
    [app.server, app.browser] = await Promise.all([startServer({}, copy ? { dataDir: copy } : {}), launchBrowser()]);
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.stop();
    if (copy) fs.rmSync(copy, { recursive: true, force: true });
  });
  return app;
}
