import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeE2E, useServerAndBrowser } from "./helpers/app.ts";
import { signIn } from "./helpers/auth.ts";
import { artifactsDir, collectPageErrors, drawBelowFold } from "./helpers/browser.ts";

/** The overview for each territory and view, on a projector and a desktop screen (decision 022). */
describeE2E("territory and view on the overview", () => {
  const app = useServerAndBrowser();
  let page: Page;
  const errors: string[] = [];
  beforeAll(async () => {
    page = await app.browser.newPage({ viewport: { width: 1024, height: 768 }, locale: "vi-VN" });
    await signIn(page, app.server);
    collectPageErrors(page, errors);
    fs.mkdirSync(artifactsDir, { recursive: true });
  });
  afterAll(() => page?.close());

  const VIEWS = [
    { name: "whole", search: "", line: "Địa bàn: toàn tỉnh Quảng Trị · mọi năm · theo đơn vị hành chính" },
    { name: "45", search: "?province=45", line: "Địa bàn: Quảng Trị cũ · mọi năm" },
    { name: "44", search: "?province=44", line: "Địa bàn: Quảng Bình cũ · mọi năm" },
    { name: "current", search: "?view=current", line: "theo xã, phường, đặc khu hiện nay" },
  ];

  it.each([
    [1024, 768],
    [1920, 1080],
  ])("fits %ix%i for every territory and view, and names them in the scope line", async (width, height) => {
    await page.setViewportSize({ width, height });
    for (const v of VIEWS) {
      await page.goto(`${app.server.url}/${v.search}`);
      await drawBelowFold(page); // the map and charts come when scrolled near (decision 054)
      await expect.poll(() => page.locator(".scope-line").textContent(), { timeout: 30_000 }).toContain(v.line);
      await page.getByRole("figure", { name: /camera an ninh, theo huyện/ }).waitFor({ timeout: 30_000 });
      // No sideways scrolling with the wider filter bar and the longer "(cũ)" names.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: path.join(artifactsDir, `territory-${v.name}-${width}.png`), fullPage: true });
      await page.screenshot({ path: path.join(artifactsDir, `territory-${v.name}-${width}-top.png`) });
    }
    expect(errors).toEqual([]);
  });

  it("says the territory and the view in English too", async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`${app.server.url}/?province=44&view=current`);
    await page.getByLabel("Ngôn ngữ").selectOption("en");
    await expect
      .poll(() => page.locator(".scope-line").textContent(), { timeout: 30_000 })
      .toBe("Scope: former Quảng Bình · all years · by today's communes");
    expect(await page.getByLabel("Territory").inputValue()).toBe("44");
    expect(await page.getByRole("radio", { name: "Today's communes" }).isChecked()).toBe(true);
    await page.screenshot({ path: path.join(artifactsDir, "territory-44-current-en-1024.png") });
    await page.getByLabel("Language").selectOption("vi");
    expect(errors).toEqual([]);
  });

  it("downloads the Word report of former Quảng Bình", async () => {
    const res = await page.request.get(`${app.server.url}/api/reports/summary.docx?formerProvinceCode=44`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-disposition"]).toContain("quang-binh-cu-co-so-lieu-minh-hoa.docx");
    fs.writeFileSync(path.join(artifactsDir, "report-44.docx"), await res.body());
  });
});
