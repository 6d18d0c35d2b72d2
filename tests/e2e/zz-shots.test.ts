import fs from "node:fs";
import type { Page } from "playwright-core";
import { it } from "vitest";
import { describeE2E, useServerAndBrowser } from "./helpers/app.ts";
import { signIn } from "./helpers/auth.ts";

// Temporary: a large upload's progress (not committed).
describeE2E("shots", () => {
  const app = useServerAndBrowser();
  it("shots", async () => {
    const page: Page = await app.browser.newPage({ locale: "vi-VN", viewport: { width: 1280, height: 900 } });
    await signIn(page, app.server);
    const lines = ["Tên điểm mô hình;Loại mô hình;Xã, phường, thị trấn;Huyện/TX/TP;Ngày thành lập;Số hộ"];
    for (let i = 0; i < 50_000; i++)
      lines.push(`Khu dân cư số ${i};Khu dân cư an toàn về an ninh trật tự;Hải An;Hải Lăng;15/03/2015;${i % 300}`);
    fs.writeFileSync("/tmp/impc/big.csv", lines.join("\r\n"));
    console.log("bytes", fs.statSync("/tmp/impc/big.csv").size);
    await page.goto(`${app.server.url}/imports`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 20,
      downloadThroughput: 10e6,
      uploadThroughput: 1e6,
    });
    const form = page.getByRole("form", { name: "1. Chọn loại và tệp" });
    await form.getByLabel("Tệp Excel hoặc CSV (tối đa 20 MB)").setInputFiles("/tmp/impc/big.csv");
    const t0 = Date.now();
    await form.getByRole("button", { name: "Tải lên và xem trước" }).click();
    const seen: string[] = [];
    let shot = false;
    while (Date.now() - t0 < 240_000) {
      const st = await page
        .locator(".import-progress")
        .first()
        .textContent()
        .catch(() => null);
      const v = await page
        .locator(".import-progress progress")
        .first()
        .getAttribute("value")
        .catch(() => null);
      if (st) console.log(`${Date.now() - t0}ms ${v} ${st}`);
      if (st && v && Number(v) > 0.3 && !shot) {
        await page.screenshot({ path: "/tmp/impc/progress.png" });
        shot = true;
      }
      if (await page.getByRole("form", { name: "2. Ghép cột với trường" }).count()) break;
      await page.waitForTimeout(250);
    }
    console.log("done after", Date.now() - t0, "ms");
    console.log(seen.filter((_, i) => i % 4 === 0).join("\n"));
    await page.screenshot({ path: "/tmp/impc/big-preview.png", fullPage: true });
  }, 300_000);
});
