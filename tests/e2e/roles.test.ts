import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeE2E, useServerAndBrowser } from "./helpers/app.ts";
import { changeFirstPassword, fillNewAccount, GIO_LINH_EDITOR, signIn } from "./helpers/auth.ts";
import { artifactsDir } from "./helpers/browser.ts";

const PASSWORD = "Tam-thoi-2026!";
const SIZES = [
  { name: "390", width: 390, height: 844 },
  { name: "1024", width: 1024, height: 768 },
  { name: "1440", width: 1440, height: 900 },
];
const SHOTS = process.env.ROLES_SHOTS_DIR ?? artifactsDir;

/**
 * Issue 22, "Done when": a commune officer's first screen names their commune. The account is made
 * by an admin with its scope chosen on purpose; its first sign-in changes the admin's password.
 * Screenshots at a phone, a projector and a desktop width of the screens of items 6–8.
 */
describeE2E("each role's daily path", () => {
  const app = useServerAndBrowser();

  async function shots(page: Page, name: string) {
    fs.mkdirSync(SHOTS, { recursive: true });
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.waitForTimeout(200);
      await page.screenshot({ path: path.join(SHOTS, `${name}-${size.name}.png`), fullPage: size.width < 1000 });
    }
    await page.setViewportSize({ width: 1024, height: 768 });
  }

  it("a commune officer lands on their commune", async () => {
    const admin = await app.browser.newPage({ viewport: { width: 1024, height: 768 }, locale: "vi-VN" });
    await signIn(admin, app.server);
    const form = await fillNewAccount(admin, app.server, { ...GIO_LINH_EDITOR, password: PASSWORD });
    await shots(admin, "account-creation");
    await form.getByRole("button", { name: "Tạo tài khoản" }).click();
    await expect.poll(() => admin.getByRole("row", { name: /ca\.giolinh/ }).count(), { timeout: 15_000 }).toBe(1);

    // A locked record in the list (the demo approved former Quảng Trị's 2007–2022) and the
    // approver's confirmation of a submitted 2026.
    await admin.goto(`${app.server.url}/records/cameras?fromYear=2015&toYear=2015&districtCode=464`);
    await admin.getByText("Đã khóa").first().waitFor({ timeout: 30_000 });
    await shots(admin, "locked-record");
    await admin.goto(`${app.server.url}/approvals?year=2026&kind=commune&state=submitted`);
    await admin
      .getByRole("button", { name: /^Phê duyệt / })
      .first()
      .click();
    await admin.getByRole("form", { name: /^Phê duyệt số liệu năm 2026/ }).waitFor();
    await shots(admin, "approval-confirmation");

    const page = await app.browser.newPage({ viewport: { width: 1024, height: 768 }, locale: "vi-VN" });
    await page.goto(app.server.url);
    await page.getByLabel("Tên đăng nhập").fill("ca.giolinh", { timeout: 30_000 });
    await page.getByLabel("Mật khẩu").fill(PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByRole("form", { name: "Đổi mật khẩu lần đầu" }).waitFor({ timeout: 30_000 });
    await changeFirstPassword(page, PASSWORD);
    const home = page.getByRole("heading", { name: "Xã Gio Linh", level: 2 });
    await home.waitFor({ timeout: 30_000 });
    expect(await page.getByRole("main").first().textContent()).toContain("Xã Gio Linh");
    // The figures under it are the commune's, kept in the URL, with a way out to the province.
    await expect.poll(() => new URL(page.url()).searchParams.get("commune"), { timeout: 15_000 }).toBe("19495");
    await page
      .getByText(/^Địa bàn: Xã Gio Linh/)
      .first()
      .waitFor({ timeout: 15_000 });
    await page.getByRole("link", { name: "Toàn tỉnh", exact: true }).waitFor();
    await shots(page, "commune-first-screen");

    await page.getByRole("link", { name: "Nhập đợt lắp đặt camera mới" }).click();
    const entry = page.getByRole("form", { name: "Thêm bản ghi" });
    await expect.poll(() => entry.getByLabel("Xã, phường, đặc khu").inputValue(), { timeout: 15_000 }).toBe("19495");
    // The date field of the product's language: a numeric keypad on a phone, a calendar beside it.
    expect(await entry.getByLabel("Ngày lắp đặt").getAttribute("inputmode")).toBe("numeric");
    await shots(page, "entry-form");
  }, 180_000);
});
