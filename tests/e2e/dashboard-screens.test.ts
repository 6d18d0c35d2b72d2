import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { describeE2E, useServerAndBrowser } from "./helpers/app.ts";
import { signIn } from "./helpers/auth.ts";
import { artifactsDir, collectPageErrors, drawBelowFold } from "./helpers/browser.ts";

describeE2E("dashboard screens in a real browser", () => {
  const app = useServerAndBrowser();
  let page: Page;
  const errors: string[] = [];
  beforeAll(async () => {
    page = await app.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "vi-VN" });
    await signIn(page, app.server);
    collectPageErrors(page, errors);
    fs.mkdirSync(artifactsDir, { recursive: true });
  });

  const coverage = () => page.getByRole("article", { name: "Phủ camera an ninh" });

  it("filters the overview by district: the figures change and the filter shows as a chip in the URL", async () => {
    // The article's view (the review preset): former Quảng Trị's 126 areas, 2007–2022.
    await page.goto(`${app.server.url}/?province=45&from=2007&to=2022`);
    await drawBelowFold(page); // the map and charts come when scrolled near (decision 054)
    await expect.poll(() => coverage().textContent(), { timeout: 30_000 }).toContain("73/126 xã (57,9%)");
    await page.getByRole("figure", { name: "Số điểm theo loại mô hình" }).waitFor();
    await page.getByRole("img", { name: /Nhân rộng mô hình theo năm 2007–2022/ }).waitFor();
    await page.screenshot({ path: path.join(artifactsDir, "overview-full.png"), fullPage: true });

    await page.getByLabel("Huyện, thị xã, thành phố").selectOption("461");
    await expect.poll(() => coverage().textContent(), { timeout: 15_000 }).toMatch(/\/9 xã/);
    expect(page.url()).toContain("district=461");
    const chip = page.getByRole("button", { name: "Bỏ lọc: Thành phố Đông Hà (cũ)" });
    await chip.waitFor();
    await chip.click();
    await expect.poll(() => coverage().textContent(), { timeout: 15_000 }).toContain("73/126");
    expect(page.url()).not.toContain("district=");
  });

  it("opens a district, a model type (113 clan sites in 4 districts) and the communities screen", async () => {
    await page.goto(`${app.server.url}/district/461`);
    await page.getByRole("heading", { name: "Thành phố Đông Hà (cũ)", level: 2 }).waitFor({ timeout: 30_000 });
    const table = page.getByRole("table", { name: "Địa bàn cấp xã" });
    await table.waitFor();
    // A header, the 9 areas, and the 2 wards of 01/07/2025 on Đông Hà's land.
    expect(await table.getByRole("row").count()).toBe(1 + 9 + 2);
    await page.getByRole("img", { name: /Nhân rộng mô hình theo năm/ }).waitFor();
    await page.screenshot({ path: path.join(artifactsDir, "district-461.png"), fullPage: true });

    await page.goto(`${app.server.url}/model-type/clan-no-crime`);
    await page.getByRole("table", { name: "Danh sách điểm mô hình (113)" }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole("table", { name: "Số điểm theo huyện" }).getByRole("row").count()).toBe(5);
    await page.screenshot({ path: path.join(artifactsDir, "model-type-clan-no-crime.png"), fullPage: true });
    await page.goto(`${app.server.url}/communities`);
    await page.getByRole("img", { name: "Mô hình trong tôn giáo, theo tôn giáo" }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(artifactsDir, "communities.png"), fullPage: true });
  });

  it("presents the conference mode and moves between slides with the keyboard", async () => {
    await page.goto(`${app.server.url}/conference`);
    const counter = page.locator(".conference-counter");
    await expect.poll(() => counter.textContent(), { timeout: 30_000 }).toBe("Trang 1/8");
    await page.getByRole("article", { name: "Phủ camera an ninh" }).waitFor();
    await page.screenshot({ path: path.join(artifactsDir, "conference-1.png") });
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => counter.textContent()).toBe("Trang 2/8");
    await page.getByRole("figure", { name: "Số điểm theo loại mô hình" }).waitFor();
    await page.keyboard.press("PageDown");
    await page.keyboard.press("PageDown");
    await page.keyboard.press("PageDown");
    await expect.poll(() => counter.textContent()).toBe("Trang 5/8");
    await page.getByRole("img", { name: /camera an ninh, theo huyện/ }).waitFor();
    await page.screenshot({ path: path.join(artifactsDir, "conference-coverage.png") });
    await page.keyboard.press("PageUp");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => counter.textContent()).toBe("Trang 3/8");
    expect(errors).toEqual([]);
  });

  it("fits every slide's chart on a 1024×768 projector, axis and legend included", async () => {
    const size = page.viewportSize();
    await page.setViewportSize({ width: 1024, height: 768 });
    try {
      await page.goto(`${app.server.url}/conference?province=45&from=2007&to=2022`);
      const counter = page.locator(".conference-counter");
      await expect.poll(() => counter.textContent(), { timeout: 30_000 }).toBe("Trang 1/8");
      // The approval line and the demo badge above a chart arrive with their own queries.
      await page
        .getByText(/Số liệu đã phê duyệt/)
        .first()
        .waitFor({ timeout: 30_000 });
      for (let n = 2; n <= 8; n++) {
        await page.keyboard.press("ArrowRight");
        await expect.poll(() => counter.textContent()).toBe(`Trang ${n}/8`);
        const chart = page.locator(".conference-slide figure.chart svg").first();
        await chart.waitFor({ timeout: 30_000 });
        await page.waitForTimeout(300);
        const bottom = await chart.evaluate((el) => el.getBoundingClientRect().bottom);
        const hint = await page.locator(".conference-hint").evaluate((el) => el.getBoundingClientRect().top);
        expect(bottom, `slide ${n}`).toBeLessThanOrEqual(hint);
      }
    } finally {
      if (size) await page.setViewportSize(size);
    }
  });

  it("prints on A4 without navigation chrome, and switches to English (remembered)", async () => {
    await page.goto(`${app.server.url}/cameras?province=45&from=2007&to=2022`);
    await page.getByRole("table", { name: /Địa bàn đã có camera \(73\)/ }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(artifactsDir, "cameras.png"), fullPage: true });
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("navigation", { name: "Các màn hình" }).isVisible()).toBe(false);
    expect(await page.getByRole("region", { name: "Bộ lọc" }).isVisible()).toBe(false);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    fs.writeFileSync(path.join(artifactsDir, "cameras-print.pdf"), pdf);
    await page.emulateMedia({ media: "screen" });

    await page.getByLabel("Ngôn ngữ").selectOption("en");
    await page.goto(`${app.server.url}/awards`);
    await page.getByRole("heading", { name: "Awards", level: 2 }).waitFor({ timeout: 30_000 });
    await page.getByRole("img", { name: "Awards per year" }).waitFor();
    await page.screenshot({ path: path.join(artifactsDir, "awards-en.png"), fullPage: true });
    await page.getByLabel("Language").selectOption("vi");
    expect(errors).toEqual([]);
  });
});
