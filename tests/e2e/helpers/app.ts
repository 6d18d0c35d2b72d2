import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe } from "vitest";
import { hasChromium, launchBrowser } from "./browser.ts";
import { type RunningServer, startServer } from "./server.ts";

/** describe for e2e files: locally a missing chromium skips them; in CI it fails (tests/run.mjs too). */
export const describeE2E: ReturnType<typeof describe.skipIf> = describe.skipIf(!hasChromium && !process.env.CI);

/**
 * For the enclosing describe block: the real server on a fresh embedded database and a headless
 * Chromium, started before its tests and stopped after them. Read `app.server` and `app.browser`
 * inside hooks and tests.
 */
export function useServerAndBrowser(): { server: RunningServer; browser: Browser } {
  const app = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    app.server = await startServer();
    app.browser = await launchBrowser();
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.stop();
  });
  return app;
}
