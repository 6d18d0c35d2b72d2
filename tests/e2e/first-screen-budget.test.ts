import zlib from "node:zlib";
import type { Page, Response } from "playwright-core";
import { expect, it } from "vitest";
import { describeE2E, useServerAndBrowser } from "./helpers/app.ts";
import { signIn } from "./helpers/auth.ts";
import { collectPageErrors, drawBelowFold } from "./helpers/browser.ts";

// Issue 27, item 4 (decision 047): what a signed-in admin's browser fetches for the overview, in a
// real browser against the real server and the built client. Sizes are the gzip (level 9) of each
// body as the browser received it, whatever encoding went over the wire.
// The goals are 100 KB and 250 KB. Decision 047 reached 146.9 and 312.0 KB; decision 054
// (map and charts drawn when scrolled near, in chunks of their own) brought "until idle" to
// UNTIL_IDLE_KB; the page's own scripts stay above 100 KB (React DOM, the router, TanStack Query and
// tRPC alone are about 97 KB gzip: decision 054), so that budget holds what was reached. The
// national install, province scopes, the exchange, divided communes and targets (decisions 050–056)
// added their messages to the preloaded Vietnamese catalogue: 144.7 KB on 07/12/2026. The catalogue
// in two parts (the first screen's words with the page, the others' with their screens; decision
// 054's follow-up) brought it to 135.0 KB; the app's own router instead of react-router, the
// accounts' and other dashboards' words in the second part and no modulepreload polyfill (decision
// 062) to 122.5 KB, hence 125; 100 KB needs a lighter renderer than React DOM (~60 KB alone).
const OWN_SCRIPTS_KB = 125;
const UNTIL_IDLE_KB = 250;

type Fetched = { url: string; type: string; gzip: number };

/**
 * Every response of a fresh load of `/` until the network is idle, without scrolling; then the
 * reader scrolls to the end and the map and the charts come (`later`).
 */
async function loadOverview(page: Page, base: string): Promise<{ fetched: Fetched[]; later: Fetched[] }> {
  const fetched: Promise<Fetched | null>[] = [];
  const record = (r: Response) =>
    r
      .body()
      .then((body) => ({
        url: r.url().replace(base, ""),
        type: r.request().resourceType(),
        gzip: zlib.gzipSync(body, { level: 9 }).length,
      }))
      .catch(() => null); // a redirect has no body
  page.on("response", (r) => fetched.push(record(r)));
  await page.goto(`${base}/`, { waitUntil: "networkidle" });
  // Idle: nothing more comes for 5 quiet seconds (what the page starts after its load event counts).
  await quiet(page, fetched, 5000);
  const untilIdle = fetched.length;
  // The charts, below the first screen, are not drawn without the reader (the map, at the fold at
  // 1440×900, may be: it is near).
  expect(await page.locator(".chart-grid").count()).toBe(0);
  await drawBelowFold(page);
  await page.getByRole("figure").first().waitFor({ timeout: 60_000 });
  await quiet(page, fetched, 1000);
  const all = (await Promise.all(fetched)).map((f, i) => (f ? { ...f, i } : null));
  const kept = (f: (Fetched & { i: number }) | null): f is Fetched & { i: number } => f !== null;
  return {
    fetched: all.filter(kept).filter((f) => f.i < untilIdle),
    later: all.filter(kept).filter((f) => f.i >= untilIdle),
  };
}

/** Waits until no response came for `ms`. */
async function quiet(page: Page, fetched: unknown[], ms: number) {
  for (let n = -1; n !== fetched.length; ) {
    n = fetched.length;
    await page.waitForTimeout(ms);
  }
}

/** The page's own scripts: its module entry and the modulepreloads the server's page names. */
function ownScripts(pageHtml: string): string[] {
  return [...pageHtml.matchAll(/<(?:script type="module"[^>]*src|link rel="modulepreload"[^>]*href)="([^"]+)"/g)].map(
    (m) => m[1] ?? "",
  );
}

const kb = (list: Fetched[]) => list.reduce((s, f) => s + f.gzip, 0) / 1024;

describeE2E("the overview's first screen in a real browser", () => {
  const app = useServerAndBrowser();

  it(`carries at most ${OWN_SCRIPTS_KB} KB of its own scripts and ${UNTIL_IDLE_KB} KB until idle (gzip)`, async () => {
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "vi-VN" });
    const page = await context.newPage();
    await signIn(page, app.server);
    const errors: string[] = [];
    collectPageErrors(page, errors);
    // The page as the server sends it (the session's figures embedded), not as React changed it.
    const served = await (await page.request.get(`${app.server.url}/`)).text();
    const own = ownScripts(served);
    const { fetched, later } = await loadOverview(page, app.server.url);
    const scripts = fetched.filter((f) => own.includes(f.url));
    const list = (l: Fetched[]) =>
      l
        .sort((a, b) => b.gzip - a.gzip)
        .map((f) => `${(f.gzip / 1024).toFixed(1).padStart(7)} KB ${f.type.padEnd(10)} ${f.url.slice(0, 90)}`)
        .join("\n");
    console.info(
      `own scripts ${kb(scripts).toFixed(1)} KB (${scripts.length} files), until idle ${kb(fetched).toFixed(1)} KB (${fetched.length} responses)\n${list(fetched)}\nscrolled to the end: ${kb(later).toFixed(1)} KB more (${later.length} responses)\n${list(later)}`,
    );
    expect(scripts.length).toBe(own.length);
    expect(kb(scripts)).toBeLessThanOrEqual(OWN_SCRIPTS_KB);
    expect(kb(fetched)).toBeLessThanOrEqual(UNTIL_IDLE_KB);
    // The screen drew what it carries: the figures and a chart.
    expect(await page.getByRole("article", { name: "Phủ camera an ninh" }).textContent()).toMatch(/\/78/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
