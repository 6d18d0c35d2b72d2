import type { Page } from "playwright-core";
import type { RunningServer } from "./server.ts";

/** The admin password every e2e server starts with (ADMIN_PASSWORD, see startServer). */
export const E2E_ADMIN_PASSWORD = "e2e-Admin-Passw0rd";

/**
 * Opens the app and signs in through the login page (labels "Tên đăng nhập", "Mật khẩu", button
 * "Đăng nhập").
 * TODO(issue 3): until the login page lands this only opens the app; then it must be strict.
 */
export async function signIn(page: Page, server: RunningServer, username = "admin", password = E2E_ADMIN_PASSWORD) {
  await page.goto(server.url);
  const field = page.getByLabel("Tên đăng nhập");
  if (await field.isVisible({ timeout: 3000 }).catch(() => false)) {
    await field.fill(username);
    await page.getByLabel("Mật khẩu").fill(password);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
  }
}
