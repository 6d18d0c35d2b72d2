import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { describeE2E, useServerAndBrowser } from "./helpers/app.ts";
import { E2E_ADMIN_PASSWORD, signIn } from "./helpers/auth.ts";
import { artifactsDir } from "./helpers/browser.ts";

type Tree = {
  code: string;
  name: string;
  province: { code: string } | null;
  areas: { code: string; name: string }[];
}[];
type CameraPage = { items: { areaCode: string }[]; total: number };

describeE2E("data entry in a real browser", () => {
  const app = useServerAndBrowser();
  let page: Page;
  const errors: string[] = [];
  beforeAll(async () => {
    page = await app.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "vi-VN" });
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    await signIn(page, app.server);
    // Same safety net as the dashboard e2e: a session through the API with the page's cookie jar.
    const res = await page.request.post(`${app.server.url}/api/trpc/auth.login`, {
      data: { username: "admin", password: E2E_ADMIN_PASSWORD },
      headers: { "x-qt-client": "web" },
    });
    expect(res.ok()).toBe(true);
    errors.length = 0;
  });

  /** GET of a query procedure with the page's session. */
  async function query<T>(proc: string, input?: unknown): Promise<T> {
    const qs = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    const res = await page.request.get(`${app.server.url}/api/trpc/${proc}${qs}`, {
      headers: { "x-qt-client": "web" },
    });
    expect(res.ok(), await res.text()).toBe(true);
    return ((await res.json()) as { result: { data: T } }).result.data;
  }

  it("an installation in an area without cameras moves coverage from 73/126 to 74/126", async () => {
    const coverage = page.getByRole("article", { name: "Phủ camera an ninh" });
    // Former Quảng Trị's 126 areas (the demo records are there); the whole province also has Quảng Bình's.
    await page.goto(`${app.server.url}/?province=45`);
    await expect.poll(() => coverage.textContent(), { timeout: 30_000 }).toContain("73/126");

    // An area with no camera installation yet, chosen from the real data; dated 2023, after the
    // demo's approved (locked) 2007–2022 history (decision 025).
    const covered = new Set<string>();
    for (let p = 1; ; p++) {
      const list = await query<CameraPage>("cameras.list", { page: p, pageSize: 100 });
      for (const i of list.items) covered.add(i.areaCode);
      if (p * 100 >= list.total) break;
    }
    const tree = await query<Tree>("units.tree", { on: "2023-06-15" });
    const district = tree.find((d) => d.province?.code === "45" && d.areas.some((a) => !covered.has(a.code)));
    const area = district?.areas.find((a) => !covered.has(a.code));
    if (!district || !area) throw new Error("every area already has cameras");

    await page.goto(`${app.server.url}/records/cameras`);
    await page.getByRole("button", { name: "Thêm mới" }).click();
    const form = page.getByRole("form", { name: "Thêm bản ghi" });
    await form.getByLabel("Ngày lắp đặt").fill("2023-06-15");
    await form.getByLabel("Huyện, thị xã, thành phố").selectOption(district.code);
    await form.getByLabel("Địa bàn cấp xã").selectOption(area.code);
    await form.getByLabel("Số mắt camera").fill("8");
    await form.getByLabel("Số đầu thu").fill("1");
    await form.getByLabel("Số thẻ nhớ").fill("1");
    await form.getByLabel("Kinh phí (đồng)").pressSequentially("120000000");
    expect(await form.getByLabel("Kinh phí (đồng)").inputValue()).toBe("120.000.000");
    await form.getByLabel("Nguồn kinh phí").selectOption("socialized");
    await form.getByRole("button", { name: "Lưu" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent(), { timeout: 15_000 }).toContain("Đã lưu.");
    fs.mkdirSync(artifactsDir, { recursive: true });
    await page.screenshot({ path: path.join(artifactsDir, "entry-cameras.png"), fullPage: true });

    await page.goto(`${app.server.url}/?province=45`);
    await expect.poll(() => coverage.textContent(), { timeout: 30_000 }).toContain("74/126");
    expect(errors).toEqual([]);
  });
});
