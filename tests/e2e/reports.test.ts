import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeE2E, useServerAndBrowser } from "./helpers/app.ts";
import { signIn } from "./helpers/auth.ts";
import { artifactsDir } from "./helpers/browser.ts";

async function download(page: Page, linkName: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: linkName }).click()]);
  // The browser is shared over a connection (decision 040): its download is copied here first.
  const p = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "qt-download-")), file.suggestedFilename());
  await file.saveAs(p);
  const bytes = fs.readFileSync(p);
  fs.rmSync(path.dirname(p), { recursive: true, force: true });
  return { name: file.suggestedFilename(), bytes };
}

describeE2E("report builder in a real browser", () => {
  const app = useServerAndBrowser();

  it("builds the 15-year report of Hải Lăng, previews it and downloads Word, PDF and CSV", async () => {
    const context = await app.browser.newContext({
      acceptDownloads: true,
      locale: "vi-VN",
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signIn(page, app.server);
    await page.getByRole("link", { name: "Báo cáo" }).click();
    await page.getByRole("checkbox", { name: "Huyện Hải Lăng (cũ)" }).check();
    // The written part, saved as a named draft of this scope and period (decision 019).
    await page.getByLabel("Tên bản nháp").fill("Tổng kết Hải Lăng");
    await page.getByLabel("Đánh giá chung").fill("Phong trào được nhân dân hưởng ứng.");
    await page.getByLabel("Họ tên người ký").fill("Nguyễn Văn A");
    await page.getByRole("button", { name: "Lưu bản nháp" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Đã lưu bản nháp");
    await page.getByRole("button", { name: "Xem trước" }).click();
    const preview = page.getByRole("article", { name: "Bản xem trước" });
    await expect.poll(() => preview.textContent(), { timeout: 30_000 }).toContain("Địa bàn: Huyện Hải Lăng (cũ)");
    expect(await preview.getByRole("note").textContent()).toContain("Có số liệu minh họa");
    fs.mkdirSync(artifactsDir, { recursive: true });
    await page.screenshot({ path: path.join(artifactsDir, "reports.png"), fullPage: true });

    const word = await download(page, "Tải Word (.docx)");
    // The e2e database holds the demo records: the name and the document say so (decision 023).
    expect(word.name).toBe("Báo cáo 2007-2022 - Huyện Hải Lăng (cũ) - có số liệu minh họa.docx");
    const xml = (await (await JSZip.loadAsync(word.bytes)).file("word/document.xml")?.async("string")) ?? "";
    expect(xml).toContain("Huyện Hải Lăng");
    expect(xml).toContain("Dòng họ");
    // Narrative before the signature; the annex after the signature and "Nơi nhận" (Nghị định 30).
    const at = (s: string) => xml.indexOf(s);
    expect(at("Phong trào được nhân dân hưởng ứng.")).toBeGreaterThan(at("I. KẾT QUẢ CHUNG"));
    expect(at("Nơi nhận:")).toBeGreaterThan(at("Phong trào được nhân dân hưởng ứng."));
    expect(at("Nguyễn Văn A")).toBeGreaterThan(at("Nơi nhận:"));
    expect(at(">Phụ lục<")).toBeGreaterThan(at("Nguyễn Văn A"));
    expect(xml).toContain("Có số liệu minh họa");

    const pdf = await download(page, "Tải PDF");
    expect(pdf.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const csv = await download(page, "CSV: Điểm mô hình");
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.bytes.toString("utf8")).toContain("Huyện Hải Lăng");
    expect(errors).toEqual([]);
    await context.close();
  });
});
