import zlib from "node:zlib";
import type { Page, Response } from "playwright-core";
import { expect, it } from "vitest";
import { describeE2E, useServerAndBrowser } from "./helpers/app.ts";
import { signIn } from "./helpers/auth.ts";
import { collectPageErrors } from "./helpers/browser.ts";

// Issue 27, item 4 (decision 047): what a signed-in admin's browser fetches for the overview, in a
// real browser against the real server and the built client. Sizes are the gzip (level 9) of each
// body as the browser received it, whatever encoding went over the wire.
// The goals are 100 KB and 250 KB; measured with this change 146.9 and 312.0 KB (before it
// 185 and about 350 KB), so these budgets hold what was reached and fail on any growth. Decision 047
// says what the goals still need (the English catalogue apart, charts and map when scrolled to).
const OWN_SCRIPTS_KB = 150;
const UNTIL_IDLE_KB = 320;

type Fetched = { url: string; type: string; gzip: number };

/** Every response of a fresh load of `/` until the network is idle and the charts are drawn. */
async function loadOverview(page: Page, base: string): Promise<{ fetched: Fetched[]; html: string }> {
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
  // The charts' chunk comes after the load event and a painted frame (decision 008).
  await page.getByRole("figure").first().waitFor({ timeout: 60_000 });
  await page.waitForLoadState("networkidle");
  const html = await page.content();
  return { fetched: (await Promise.all(fetched)).filter((f): f is Fetched => f !== null), html };
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
    const { fetched } = await loadOverview(page, app.server.url);
    const scripts = fetched.filter((f) => own.includes(f.url));
    const report = fetched
      .sort((a, b) => b.gzip - a.gzip)
      .map((f) => `${(f.gzip / 1024).toFixed(1).padStart(7)} KB ${f.type.padEnd(10)} ${f.url.slice(0, 90)}`)
      .join("\n");
    console.info(
      `own scripts ${kb(scripts).toFixed(1)} KB (${scripts.length} files), until idle ${kb(fetched).toFixed(1)} KB (${fetched.length} responses)\n${report}`,
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
