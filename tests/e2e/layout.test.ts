import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { describeE2E, useServerAndBrowser } from "./helpers/app.ts";
import { signIn } from "./helpers/auth.ts";
import { drawBelowFold } from "./helpers/browser.ts";

// A phone, a 1024×768 projector, a laptop and a full-HD screen (issue 15).
const SIZES = [
  { width: 390, height: 844 },
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
];
// Each screen with its own heading: an error page or a blank screen never scrolls sideways either.
const SCREENS: [string, string | RegExp][] = [
  ["/", /Tổng quan/],
  ["/district/466", "Huyện Gio Linh (cũ)"],
  ["/conference", /^Kết quả phong trào/],
  ["/records/sites", "Điểm mô hình"],
  ["/records/sites?edit=new", "Điểm mô hình"],
  ["/imports", "Nhập từ Excel/CSV"],
  ["/audit", "Nhật ký thay đổi toàn hệ thống"],
];

describeE2E("layout, slides and role-aware navigation in a real browser", () => {
  const app = useServerAndBrowser();
  let admin: Page;
  beforeAll(async () => {
    // A context of its own, so that more pages of the admin's session can open in it.
    admin = await (await app.browser.newContext({ locale: "vi-VN" })).newPage();
    await signIn(admin, app.server);
    await createUser(admin, { username: "lanhdao", role: "viewer" });
    await createUser(admin, { username: "cb.giolinh", role: "editor", district: "466" });
  });

  async function createUser(page: Page, u: { username: string; role: string; district?: string }) {
    await page.goto(`${app.server.url}/users`);
    await page.getByRole("button", { name: "Tạo tài khoản" }).click();
    const form = page.getByRole("form", { name: "Tạo tài khoản mới" });
    await form.getByLabel("Tên đăng nhập").fill(u.username);
    await form.getByLabel("Họ tên").fill(u.username);
    await form.getByLabel("Mật khẩu ban đầu").fill("Mat-khau-2024!");
    await form.getByLabel("Vai trò").selectOption(u.role);
    if (u.district) await form.getByLabel("Phạm vi", { exact: true }).selectOption(u.district);
    await form.getByRole("button", { name: "Tạo tài khoản" }).click();
    await page.getByRole("rowheader", { name: u.username }).waitFor();
  }

  async function pageAs(username: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await app.browser.newContext({ locale: "vi-VN" });
    const page = await context.newPage();
    await signIn(page, app.server, username, "Mat-khau-2024!");
    return { context, page };
  }

  it("never scrolls sideways: overview, a district, slides, records list and form, audit log at four sizes", async () => {
    // The four sizes side by side, each in a page of its own (the admin's session): each screen is
    // still loaded anew at each size and measured once the network is idle, but one page's 500 ms
    // of quiet before each measure is no longer waited for by the others.
    const bySize = await Promise.all(
      SIZES.map(async (size) => {
        const page = await admin.context().newPage();
        const overflow: string[] = [];
        try {
          await page.setViewportSize(size);
          for (const [path, heading] of SCREENS) {
            await page.goto(`${app.server.url}${path}`);
            await page.getByRole("heading", { name: heading, level: 2 }).first().waitFor({ timeout: 30_000 });
            await page.waitForLoadState("networkidle");
            const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
            if ((scroll ?? 0) > (inner ?? 0)) overflow.push(`${path} at ${size.width}: ${scroll} > ${inner}`);
          }
        } finally {
          await page.close();
        }
        return overflow;
      }),
    );
    expect(bySize.flat()).toEqual([]);
  });

  it("draws charts at the width of their card, not a fixed 760 px", async () => {
    for (const width of [390, 1920]) {
      await admin.setViewportSize({ width, height: 900 });
      await admin.goto(`${app.server.url}/`);
      await drawBelowFold(admin); // the map and charts come when scrolled near (decision 054)
      const figure = admin.getByRole("figure", { name: "Số điểm theo loại mô hình" });
      await figure.locator("svg.recharts-surface").waitFor({ timeout: 30_000 });
      const [chart, box] = await figure.evaluate((f) => [
        f.querySelector("svg.recharts-surface")?.getBoundingClientRect().width ?? 0,
        f.querySelector(".chart-box")?.getBoundingClientRect().width ?? 0,
      ]);
      expect(box).toBeLessThanOrEqual(width);
      expect(chart).toBeGreaterThan(0.95 * (box ?? 0));
    }
  });

  it("titles the first slide with the filter in the URL, and every slide with its scope", async () => {
    await admin.setViewportSize({ width: 1024, height: 768 });
    await admin.goto(`${app.server.url}/conference?district=466&from=2015&to=2018`);
    const title = admin.getByRole("heading", { level: 2 });
    await expect
      .poll(() => title.textContent(), { timeout: 30_000 })
      .toBe("Kết quả phong trào tại Huyện Gio Linh (cũ), 2015–2018");
    await admin.getByRole("button", { name: "Trang sau" }).click();
    await expect
      .poll(() => admin.locator(".slide-scope").textContent())
      .toBe("Địa bàn: Huyện Gio Linh (cũ) · 2015–2018 · theo đơn vị hành chính tại thời điểm ghi nhận");
    // The 15-year title belongs to the review conference's scope (the dashboard's preset).
    await admin.goto(`${app.server.url}/conference?province=45&from=2007&to=2022`);
    await expect.poll(() => title.textContent(), { timeout: 30_000 }).toBe("Kết quả 15 năm phong trào");
  });

  it("offers a district editor edit and remove only on their district's records", async () => {
    const { context, page } = await pageAs("cb.giolinh");
    await page.goto(`${app.server.url}/records/sites?pageSize=100`);
    const rows = page.locator("table.entry-table tbody tr");
    await rows.first().waitFor({ timeout: 30_000 });
    const seen = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        mine: tr.textContent?.includes("Huyện Gio Linh") ?? false,
        edit: Array.from(tr.querySelectorAll("button")).some((b) => b.textContent === "Sửa"),
        remove: Array.from(tr.querySelectorAll("button")).some((b) => b.textContent === "Xóa"),
      })),
    );
    expect(seen.some((r) => r.mine)).toBe(true);
    expect(seen.some((r) => !r.mine)).toBe(true);
    for (const r of seen) expect([r.edit, r.remove]).toEqual([r.mine, r.mine]);
    await context.close();
  });

  it("shows a leader the dashboards only, and says a forbidden screen is forbidden", async () => {
    const { context, page } = await pageAs("lanhdao");
    const nav = page.getByRole("navigation", { name: "Các màn hình" });
    await nav.getByRole("link", { name: "Trình chiếu hội nghị" }).waitFor();
    expect(await nav.getByRole("link", { name: "Nhập điểm mô hình" }).count()).toBe(0);
    expect(await nav.getByRole("link", { name: "Tài khoản người dùng" }).count()).toBe(0);
    expect(await nav.getByRole("link", { name: "Nhập từ Excel/CSV" }).count()).toBe(0);
    await page.goto(`${app.server.url}/users`);
    await page.getByRole("heading", { name: "Không có quyền truy cập" }).waitFor({ timeout: 30_000 });
    await context.close();
  });
});
