import fs from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { inject } from "vitest";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = fs.existsSync(CHROMIUM);
export const artifactsDir = path.resolve(import.meta.dirname, "../artifacts");

export const BROWSER_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Debian's Chromium, headless (test tools cannot download browsers here): the run's one browser
 * (tests/e2e/helpers/global-setup.ts), connected to; closing it disconnects this file only.
 */
export function launchBrowser(): Promise<Browser> {
  const shared = inject("e2eBrowser");
  if (shared) return chromium.connect(shared);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: BROWSER_ARGS });
}

/**
 * Collects what the page reports as broken (uncaught errors, console errors) into `into`, from now
 * on: call it after signing in, since the signed-out first load answers 401 to auth.me, as it should.
 */
export function collectPageErrors(page: Page, into: string[]): void {
  page.on("pageerror", (e) => into.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") into.push(m.text());
  });
}

/**
 * Scrolls the overview down to its map and charts until every one is drawn: they come only when
 * the reader scrolls near them (client/components/WhenNear.tsx, decision 054).
 */
export async function drawBelowFold(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const pending = document.querySelector("[data-pending]");
      pending?.scrollIntoView();
      return !pending && document.querySelector(".map-section") !== null;
    },
    null,
    { timeout: 60_000, polling: 200 },
  );
}
