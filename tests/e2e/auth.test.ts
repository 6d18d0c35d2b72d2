import { expect, it } from "vitest";
import { describeE2E, useServerAndBrowser } from "./helpers/app.ts";
import { E2E_ADMIN_PASSWORD, signIn } from "./helpers/auth.ts";

describeE2E("accounts in a real browser", () => {
  const app = useServerAndBrowser();

  it("the dashboard is unreachable without login, from the page and from the API", async () => {
    const api = await fetch(`${app.server.url}/api/trpc/dashboard.summary?input=${encodeURIComponent("{}")}`);
    expect(api.status).toBe(401);
    const page = await app.browser.newPage({ locale: "vi-VN" });
    await page.goto(`${app.server.url}/cameras`);
    await page.getByLabel("Tên đăng nhập").waitFor({ timeout: 30_000 });
    expect(await page.getByRole("article", { name: "Phủ camera an ninh" }).count()).toBe(0);
    expect(await page.getByRole("navigation", { name: "Các màn hình" }).count()).toBe(0);
    await page.close();
  });

  it("a wrong password is refused; the admin signs in, creates a viewer, who sees no user management", async () => {
    const page = await app.browser.newPage({ locale: "vi-VN" });
    await expect(signIn(page, app.server, "admin", "not-the-password")).rejects.toThrow(
      "Tên đăng nhập hoặc mật khẩu không đúng.",
    );
    await signIn(page, app.server, "admin", E2E_ADMIN_PASSWORD);
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === "qt_session")).toMatchObject({ httpOnly: true, sameSite: "Lax" });

    await page.getByRole("link", { name: "Tài khoản người dùng" }).click();
    await page.getByRole("button", { name: "Tạo tài khoản" }).click();
    const form = page.getByRole("form", { name: "Tạo tài khoản mới" });
    await form.getByLabel("Tên đăng nhập").fill("lanhdao");
    await form.getByLabel("Họ tên").fill("Lãnh đạo Công an tỉnh");
    await form.getByLabel("Mật khẩu ban đầu").fill("Lanh-dao-2024!");
    await form.getByLabel("Vai trò").selectOption("viewer");
    await form.getByRole("button", { name: "Tạo tài khoản" }).click();
    await page.getByRole("rowheader", { name: "lanhdao" }).waitFor();

    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await page.getByLabel("Tên đăng nhập").waitFor();
    await signIn(page, app.server, "lanhdao", "Lanh-dao-2024!");
    expect(await page.getByRole("navigation", { name: "Tài khoản" }).textContent()).toContain("Lãnh đạo (chỉ xem)");
    expect(await page.getByRole("link", { name: "Tài khoản người dùng" }).count()).toBe(0);
    await page.close();
  });
});
