import type { Page } from "playwright-core";
import { it } from "vitest";
import { describeE2E, useServerAndBrowser } from "./helpers/app.ts";
import { signIn } from "./helpers/auth.ts";

// Temporary: screenshots of the import screen for a look (not committed).
describeE2E("shots", () => {
  const app = useServerAndBrowser();
  it("shots", async () => {
    const page: Page = await app.browser.newPage({ locale: "vi-VN" });
    await signIn(page, app.server);
    for (const width of [390, 1024, 1440]) {
      await page.setViewportSize({ width, height: width === 1024 ? 768 : 900 });
      await page.goto(`${app.server.url}/imports`);
      await page.getByRole("form", { name: "1. Chọn loại và tệp" }).waitFor();
      await page.waitForTimeout(1500);
      await page.screenshot({ path: `/tmp/impc/upload-${width}.png`, fullPage: true });
    }
  });
});
