import type { Page } from "playwright-core";
import type { RunningServer } from "./server.ts";

/** The admin password every e2e server starts with (ADMIN_PASSWORD, see startServer). */
export const E2E_ADMIN_PASSWORD = "e2e-Admin-Passw0rd";

/**
 * Opens the app and signs in through the login page (labels "Tên đăng nhập", "Mật khẩu", button
 * "Đăng nhập"). Strict: throws when the login page does not appear or the login fails, so a test
 * never silently runs unauthenticated.
 */
export async function signIn(page: Page, server: RunningServer, username = "admin", password = E2E_ADMIN_PASSWORD) {
  await page.goto(server.url);
  await page.getByLabel("Tên đăng nhập").fill(username, { timeout: 30_000 });
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  const menu = page.getByRole("navigation", { name: "Tài khoản" });
  const failure = page.getByRole("alert");
  await Promise.race([menu.waitFor({ timeout: 30_000 }), failure.waitFor({ timeout: 30_000 })]);
  if (!(await menu.isVisible())) {
    throw new Error(`sign-in as ${username} failed: ${(await failure.textContent()) ?? "no account menu"}`);
  }
}
