import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { describeE2E, useServerAndBrowser } from "./helpers/app.ts";
import { signIn } from "./helpers/auth.ts";
import { artifactsDir, collectPageErrors, drawBelowFold } from "./helpers/browser.ts";

describeE2E("the built app in a real browser", () => {
  const app = useServerAndBrowser();

  it("opens on today's province and gives the article's figures in one click (73/126 communes covered)", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "vi-VN" });
    const errors: string[] = [];
    await signIn(page, app.server);
    collectPageErrors(page, errors);
    const coverage = page.getByRole("article", { name: "Phủ camera an ninh" });
    // The whole province of today: both old provinces' areas, and its 78 communes.
    await expect.poll(() => coverage.textContent(), { timeout: 30_000 }).toContain("/78");
    await page.getByRole("button", { name: "Hội nghị tổng kết 15 năm (31/01/2023)" }).click();
    await expect.poll(() => coverage.textContent(), { timeout: 30_000 }).toContain("73/126 xã (57,9%)");
    expect(new URL(page.url()).search).toBe("?province=45&from=2007&to=2022");
    expect(await page.getByRole("article", { name: "Mắt camera" }).textContent()).toContain("1.131");
    expect(await page.getByRole("article", { name: "Kinh phí camera" }).textContent()).toContain("4,9 tỷ đồng");
    expect(await page.getByRole("article", { name: "Dòng họ tham gia bảo đảm ANTT" }).textContent()).toContain("175");
    await drawBelowFold(page);
    await page.getByRole("figure", { name: /camera an ninh, theo huyện/ }).waitFor();
    fs.mkdirSync(artifactsDir, { recursive: true });
    await page.screenshot({ path: path.join(artifactsDir, "overview.png"), fullPage: true });
    expect(errors).toEqual([]);
  });
});
