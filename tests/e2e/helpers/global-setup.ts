import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type BrowserServer, chromium } from "playwright-core";
import type { TestProject } from "vitest/node";
import { startServer } from "../../support/server-process.mjs";
import { E2E_ADMIN_PASSWORD } from "./auth.ts";
import { BROWSER_ARGS, CHROMIUM, hasChromium } from "./browser.ts";

declare module "vitest" {
  interface ProvidedContext {
    /** The one Chromium of the run (playwright's browser server), "" without one. */
    e2eBrowser: string;
    /**
     * A data directory on which the server has started once (migrated, demo records, admin): each
     * file's server starts on a copy of it instead of migrating and seeding again. "" on PostgreSQL.
     */
    e2eDataDir: string;
  }
}

/**
 * vitest globalSetup of the e2e project: one headless Chromium for every file (each file opens its
 * own pages, each page its own context), and the prepared data directory, made by the real server.
 */
export default async function setup(project: TestProject) {
  let browser: BrowserServer | null = null;
  let dataDir = "";
  if (hasChromium) {
    browser = await chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: BROWSER_ARGS });
    // With E2E_DATABASE_URL each server gets its own PostgreSQL database (tests/e2e/helpers/server.ts).
    if (!process.env.E2E_DATABASE_URL) {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "qt-e2e-prepared-"));
      const server = await startServer({ dataDir, password: E2E_ADMIN_PASSWORD, timeoutMs: 240_000 });
      await server.stop();
    }
  }
  project.provide("e2eBrowser", browser?.wsEndpoint() ?? "");
  project.provide("e2eDataDir", dataDir);
  return async () => {
    await browser?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
