import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { collection, gridFeatures } from "../fixtures/maps.ts";
import { describeE2E, useServerAndBrowser } from "./helpers/app.ts";
import { signIn } from "./helpers/auth.ts";
import { artifactsDir, collectPageErrors, drawBelowFold } from "./helpers/browser.ts";

const ATTRIBUTION = "Ranh giới hành chính: geoBoundaries.org (Runfola et al. 2020)";
const shot = (name: string) => path.join(artifactsDir, name);

describeE2E("maps in a real browser (issue 16)", () => {
  const app = useServerAndBrowser();
  let page: Page;
  const errors: string[] = [];
  beforeAll(async () => {
    page = await app.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: "vi-VN" });
    await signIn(page, app.server);
    collectPageErrors(page, errors);
    fs.mkdirSync(artifactsDir, { recursive: true });
  }, 120_000);
  afterAll(() => page?.close());

  /**
   * A commune file of every area of 2020–2025 (generated squares with the real codes), the codes
   * read from the server as a user would see them: the areas on each date a list changed.
   */
  async function communeFile() {
    const codes = new Set<string>();
    for (const on of ["2020-01-01", "2020-06-01", "2021-01-01", "2024-12-31", "2025-01-02", "2025-06-30"]) {
      const input = encodeURIComponent(JSON.stringify({ on }));
      const res = await page.request.get(`${app.server.url}/api/trpc/units.tree?input=${input}`, {
        headers: { "x-qt-client": "web" },
      });
      const tree = (await res.json()).result.data as { areas: { code: string; current: boolean }[] }[];
      for (const d of tree) for (const a of d.areas) if (!a.current) codes.add(a.code);
    }
    return JSON.stringify(collection(gridFeatures([...codes].sort())));
  }

  const map = (p: Page, measure = "Phủ camera an ninh") => p.getByRole("figure", { name: `Bản đồ: ${measure}` });

  it("the overview shows the district map of coverage with its attribution; clicking Gio Linh drills in", async () => {
    await page.goto(`${app.server.url}/?province=45&from=2007&to=2022`);
    await drawBelowFold(page); // the map and charts come when scrolled near (decision 054)
    const figure = map(page);
    await figure.waitFor({ timeout: 30_000 });
    await expect.poll(() => figure.getByRole("link").count(), { timeout: 30_000 }).toBe(10);
    await expect.poll(() => figure.textContent()).toContain(ATTRIBUTION);
    // The article's figures (73/126): Gio Linh's exact coverage is in its name and its tooltip.
    const gioLinh = figure.getByRole("link", { name: /^Huyện Gio Linh \(cũ\): \d+\/\d+ \(/ });
    await gioLinh.hover();
    await expect.poll(() => figure.getByRole("tooltip").textContent()).toMatch(/^Huyện Gio Linh \(cũ\)\d+\/\d+/);
    await figure.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot("map-overview-1440.png"), fullPage: true });
    await figure.screenshot({ path: shot("map-figure-1440.png") });
    await gioLinh.click();
    await page.getByRole("heading", { name: "Huyện Gio Linh (cũ)", level: 2 }).waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).pathname).toBe("/district/466");
    // The district's screen: its commune level has no boundaries yet, so a note and the table.
    await page.getByRole("note").filter({ hasText: "Chưa có ranh giới hành chính cấp xã" }).waitFor();
    expect(errors).toEqual([]);
  });

  it("the printed overview carries the map with its legend and attribution, without its choosers", async () => {
    await page.goto(`${app.server.url}/?province=45&from=2007&to=2022`);
    await drawBelowFold(page); // the map and charts come when scrolled near (decision 054)
    const figure = map(page);
    await expect.poll(() => figure.getByRole("link").count(), { timeout: 30_000 }).toBe(10);
    await page.emulateMedia({ media: "print" });
    try {
      expect(await figure.isVisible()).toBe(true);
      expect(await figure.getByText(ATTRIBUTION).isVisible()).toBe(true);
      expect(await figure.getByRole("list").isVisible()).toBe(true);
      expect(await figure.getByLabel("Chỉ tiêu").isVisible()).toBe(false);
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      fs.writeFileSync(shot("map-overview-print.pdf"), pdf);
    } finally {
      await page.emulateMedia({ media: "screen" });
    }
  });

  it("the cameras, model-type and district screens carry the map too; in English as well", async () => {
    const screens = [
      { path: "/cameras?province=45", name: "Phủ camera an ninh", units: 10, file: "map-cameras-1440.png" },
      {
        path: "/model-type/clan-no-crime?province=45",
        name: "Điểm của một loại mô hình",
        units: 10,
        file: "map-model-type-1440.png",
      },
    ];
    for (const s of screens) {
      await page.goto(`${app.server.url}${s.path}`);
      const figure = map(page, s.name);
      await expect.poll(() => figure.getByRole("link").count(), { timeout: 30_000 }).toBe(s.units);
      await figure.screenshot({ path: shot(s.file) });
    }
    // The model type's map counts that type's sites: Gio Linh's clans without crime, exactly.
    const typed = map(page, "Điểm của một loại mô hình");
    expect(await typed.getByRole("link", { name: /^Huyện Gio Linh \(cũ\): \d+ điểm mô hình$/ }).count()).toBe(1);

    await page.goto(`${app.server.url}/district/461`);
    const district = map(page);
    await district.getByRole("note").waitFor({ timeout: 30_000 });
    await district.getByRole("table").waitFor();
    await district.getByLabel("Cấp đơn vị").selectOption("district");
    await expect.poll(() => district.getByRole("link").count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(10);
    await district.screenshot({ path: shot("map-district-1440.png") });

    await page.getByLabel("Ngôn ngữ").selectOption("en");
    try {
      await page.goto(`${app.server.url}/?province=45`);
      await drawBelowFold(page); // the map and charts come when scrolled near (decision 054)
      const english = page.getByRole("figure", { name: "Map: Security camera coverage" });
      await expect.poll(() => english.getByRole("link").count(), { timeout: 30_000 }).toBe(10);
      expect(
        await english
          .getByRole("link", {
            name: /^Huyện Gio Linh \(former\): \d+\/\d+ \(.*\) communes, wards and special zone of today with cameras$/,
          })
          .count(),
      ).toBe(1);
      expect(await english.textContent()).toContain("CC BY 3.0 IGO");
      await english.screenshot({ path: shot("map-overview-en-1440.png") });
    } finally {
      await page.getByLabel("Language").selectOption("vi");
    }
  });

  it("keyboard: Tab reaches a district, Enter opens it", async () => {
    await page.goto(`${app.server.url}/?province=45`);
    await drawBelowFold(page); // the map and charts come when scrolled near (decision 054)
    const figure = map(page);
    await expect.poll(() => figure.getByRole("link").count(), { timeout: 30_000 }).toBe(10);
    // From the last chooser above the map, Tab lands on the first district.
    await figure.getByLabel("Cấp đơn vị").focus();
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "");
    const name = focused.split(":")[0] ?? "";
    expect(name).toMatch(/\(cũ\)$/);
    await expect.poll(() => figure.getByRole("tooltip").textContent()).toContain(name);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name, level: 2 }).waitFor({ timeout: 30_000 });
  });

  it("conference mode has a map slide that fits a 1024×768 projector", async () => {
    const projector = await app.browser.newPage({ viewport: { width: 1024, height: 768 }, locale: "vi-VN" });
    await projector.context().addCookies(await page.context().cookies());
    try {
      await projector.goto(`${app.server.url}/conference?province=45&from=2007&to=2022`);
      const counter = projector.locator(".conference-counter");
      await expect.poll(() => counter.textContent(), { timeout: 30_000 }).toBe("Trang 1/8");
      for (let i = 0; i < 5; i++) await projector.keyboard.press("ArrowRight");
      await expect.poll(() => counter.textContent()).toBe("Trang 6/8");
      const figure = map(projector);
      await expect.poll(() => figure.getByRole("link").count(), { timeout: 30_000 }).toBe(10);
      await expect.poll(() => figure.textContent()).toContain(ATTRIBUTION);
      await projector.screenshot({ path: shot("map-conference-1024x768.png") });
      const fits = await projector.evaluate(() => {
        const slide = document.querySelector(".conference-slide") as HTMLElement;
        const box = document.querySelector(".conference-slide figure")?.getBoundingClientRect();
        return {
          scrolls: slide.scrollHeight > slide.clientHeight + 1 || slide.scrollWidth > slide.clientWidth + 1,
          bottom: box?.bottom ?? 9999,
          right: box?.right ?? 9999,
        };
      });
      expect(fits.scrolls).toBe(false);
      expect(fits.bottom).toBeLessThanOrEqual(768);
      expect(fits.right).toBeLessThanOrEqual(1024);
    } finally {
      await projector.close();
    }
  });

  it("on a phone the map fits the width", async () => {
    const phone = await app.browser.newPage({ viewport: { width: 390, height: 844 }, locale: "vi-VN" });
    await phone.context().addCookies(await page.context().cookies());
    try {
      await phone.goto(`${app.server.url}/?province=45&from=2007&to=2022`);
      await drawBelowFold(phone); // the map and charts come when scrolled near (decision 054)
      const figure = map(phone);
      await expect.poll(() => figure.getByRole("link").count(), { timeout: 30_000 }).toBe(10);
      const svg = await figure.locator("svg").boundingBox();
      expect(svg?.width).toBeLessThanOrEqual(390);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await figure.scrollIntoViewIfNeeded();
      await phone.screenshot({ path: shot("map-overview-390.png") });
    } finally {
      await phone.close();
    }
  });

  it("an admin's broken file is refused with its reasons; nothing is stored", async () => {
    await page.goto(`${app.server.url}/admin/map-boundaries`);
    await page.getByRole("heading", { name: "Ranh giới hành chính cấp xã cho bản đồ" }).waitFor({ timeout: 30_000 });
    // An unknown code, and a unit in projected metres (VN-2000) instead of degrees.
    const [square] = gridFeatures(["19330"]);
    const projected = {
      type: "Feature",
      properties: { code: "19333" },
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [601000, 1860000],
            [602000, 1860000],
            [602000, 1861000],
            [601000, 1860000],
          ],
        ],
      },
    };
    const broken = collection([
      { ...(square as NonNullable<typeof square>), properties: { code: "99999" } },
      projected as never,
    ]);
    await page.getByLabel("Tệp ranh giới (.geojson, .json, .topojson)").setInputFiles({
      name: "broken.geojson",
      mimeType: "application/geo+json",
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    await page.getByLabel("Nguồn ranh giới (hiện dưới bản đồ)").fill("Tệp thử");
    await page.getByRole("button", { name: "Tải lên" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Tệp ranh giới bị từ chối" });
    await alert.waitFor({ timeout: 30_000 });
    const text = (await alert.textContent()) ?? "";
    expect(text).toContain("99999");
    expect(text).toMatch(/19333.*hệ tọa độ phẳng/);
    // The first ten problems named, the rest counted.
    expect(await alert.getByRole("listitem").count()).toBe(10);
    expect(text).toMatch(/… và \d+ lỗi khác\./);
    await page.screenshot({ path: shot("map-admin-refused-1440.png"), fullPage: true });
    expect(await page.getByRole("list").first().textContent()).toContain("Chưa tải");
    // The refusal's 400 answer is logged by the browser as a failed resource: expected here.
    errors.length = 0;
  });

  it("an admin loads a generated commune file and the commune map appears", async () => {
    await page.goto(`${app.server.url}/admin/map-boundaries`);
    await page.getByRole("heading", { name: "Ranh giới hành chính cấp xã cho bản đồ" }).waitFor({ timeout: 30_000 });
    await page.getByLabel("Danh sách đơn vị").selectOption("three_level");
    await page.getByLabel("Tệp ranh giới (.geojson, .json, .topojson)").setInputFiles({
      name: "communes-2020.geojson",
      mimeType: "application/geo+json",
      buffer: Buffer.from(await communeFile()),
    });
    await page.getByLabel("Nguồn ranh giới (hiện dưới bản đồ)").fill("Ô vuông thử nghiệm, mã GSO thật");
    await page.getByRole("button", { name: "Tải lên" }).click();
    await page.getByRole("status").filter({ hasText: "Đã lưu ranh giới" }).waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByRole("list").first().textContent()).toContain("communes-2020.geojson");

    await page.goto(`${app.server.url}/?province=45&from=2007&to=2022&maplevel=commune`);
    await drawBelowFold(page); // the map and charts come when scrolled near (decision 054)
    const figure = map(page);
    await figure.waitFor({ timeout: 30_000 });
    // Former Quảng Trị's 126 areas of 2020–2025... as many as the file has there, each a link.
    await expect.poll(() => figure.getByRole("link").count(), { timeout: 30_000 }).toBeGreaterThan(100);
    await expect.poll(() => figure.textContent()).toContain("Ô vuông thử nghiệm, mã GSO thật");
    expect(await figure.getByRole("list").textContent()).toContain("100%");
    await figure.scrollIntoViewIfNeeded();
    await figure.screenshot({ path: shot("map-communes-1440.png") });
    expect(errors).toEqual([]);
  });
});
