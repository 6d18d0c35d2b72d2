import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeE2E, useServerAndBrowser } from "./helpers/app.ts";
import { signIn } from "./helpers/auth.ts";
import { artifactsDir } from "./helpers/browser.ts";

const TYPE = "Khu dân cư an toàn về an ninh trật tự";
/** Rows a commune office would type into the template: the third names a commune that does not exist. */
// Dated 2023–2024: the demo data approved 2007–2022 of former Quảng Trị, which no import may change.
const ROWS = [
  {
    name: "Khu dân cư thôn Tân An (nhập tệp)",
    area: "Hải An",
    district: "Hải Lăng",
    date: "15/03/2023",
    households: 120,
  },
  { name: "Khu dân cư thôn Mỹ Thủy (nhập tệp)", area: "Hải An", district: "Hải Lăng", date: "2023", households: 95 },
  { name: "Khu dân cư thôn Đông (nhập tệp)", area: "Hải Ann", district: "Hải Lăng", date: "20-5-2024", households: 60 },
  { name: "Khu phố 3 an toàn (nhập tệp)", area: "Phường 1", district: "Đông Hà", date: "2024", households: 80 },
];

describeE2E("import from a spreadsheet in a real browser", () => {
  const app = useServerAndBrowser();
  let page: Page;
  let dir: string;
  const errors: string[] = [];
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "qt-import-e2e-"));
    const context = await app.browser.newContext({
      acceptDownloads: true,
      locale: "vi-VN",
      viewport: { width: 1280, height: 900 },
    });
    page = await context.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    await signIn(page, app.server);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function download(link: Locator, name: string): Promise<string> {
    const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const to = path.join(dir, name);
    await file.saveAs(to);
    return to;
  }

  /** The dashboard's count of model sites (today's whole province, every year). */
  async function siteCount(): Promise<string> {
    await page.goto(`${app.server.url}/`);
    const card = page.getByRole("article", { name: "Điểm mô hình" });
    await card.waitFor({ timeout: 30_000 });
    return (await card.locator(".card-value").textContent()) ?? "";
  }

  async function upload(file: string) {
    const form = page.getByRole("form", { name: "1. Chọn loại và tệp" });
    await form.getByLabel("Tệp Excel hoặc CSV (tối đa 20 MB)").setInputFiles(file);
    await form.getByRole("button", { name: "Tải lên và xem trước" }).click();
    await page.getByRole("form", { name: "2. Ghép cột với trường" }).waitFor({ timeout: 60_000 });
  }

  /** The column headed "Quy mô" is not recognised: the user says it is the number of households. */
  async function fixMapping() {
    const mapping = page.getByRole("form", { name: "2. Ghép cột với trường" });
    const select = mapping.getByLabel(/^Trường của cột [A-Z]+: Quy mô$/);
    expect(await select.inputValue()).toBe("");
    await select.selectOption("households");
    await mapping.getByRole("button", { name: "Áp dụng cách ghép cột" }).click();
    await expect.poll(() => mapping.getByText(/Cách ghép đã đổi/).count(), { timeout: 60_000 }).toBe(0);
  }

  async function commit(skipErrors: boolean, count: number) {
    const form = page.getByRole("form", { name: "4. Nhập vào hệ thống" });
    if (skipErrors) await form.getByLabel("Nhập các dòng sẵn sàng, bỏ qua các dòng lỗi và trùng").check();
    await form.getByRole("button", { name: `Nhập ${count} dòng` }).click();
  }

  it("template, filled in, uploaded, mapping fixed, errors by row, error rows fixed, imported, dashboard up, undone, back", async () => {
    const before = await siteCount();
    await page.getByRole("link", { name: "Nhập từ Excel/CSV" }).click();

    // The template: a header and an example row, which the office replaces with its own rows.
    const template = await download(page.getByRole("link", { name: "Tải tệp mẫu Excel (Điểm mô hình)" }), "mau.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error("the template has no sheet");
    const header = findHeader(ws);
    const col = (re: RegExp) => {
      const c = header.columns.find((h) => re.test(h.text));
      if (!c) throw new Error(`no column ${re} in the template: ${header.columns.map((h) => h.text).join(" | ")}`);
      return c.index;
    };
    const at = {
      name: col(/^tên/i),
      type: col(/loại mô hình/i),
      // The template heads the district "Huyện, thị xã, thành phố" (the vocabulary's word): the area is the column starting "Xã".
      area: col(/^địa bàn cấp xã/i),
      district: col(/huyện/i),
      date: col(/ngày|năm|thời gian/i),
      households: col(/hộ/i),
    };
    ws.getRow(header.row).getCell(at.households).value = "Quy mô";
    // The example row goes: every cell of it, not only those the office fills in.
    // (its "VÍ DỤ — xóa dòng này" mark stands in a column of its own, after the headed ones).
    ws.getRow(header.row + 1).eachCell((cell) => {
      cell.value = null;
    });
    ROWS.forEach((r, i) => {
      const row = ws.getRow(header.row + 1 + i);
      row.getCell(at.name).value = r.name;
      row.getCell(at.type).value = TYPE;
      row.getCell(at.area).value = r.area;
      row.getCell(at.district).value = r.district;
      row.getCell(at.date).value = r.date;
      row.getCell(at.households).value = r.households;
      row.commit();
    });
    const filled = path.join(dir, "danh-sach-khu-dan-cu.xlsx");
    await wb.xlsx.writeFile(filled);
    const badRow = header.row + 3;

    await upload(filled);
    await fixMapping();

    // The error, with the sheet's row number and column, and the file of error rows.
    const preview = page.getByRole("region", { name: "3. Xem trước" });
    await expect.poll(() => preview.getByRole("button", { name: "Lỗi: 1" }).getAttribute("aria-pressed")).toBe("true");
    const rows = preview.getByRole("table", { name: "Các dòng của tệp" });
    const bad = rows.getByRole("row").filter({ has: page.getByRole("rowheader", { name: String(badRow) }) });
    await expect.poll(() => bad.textContent()).toContain("Hải Ann");
    expect(await bad.textContent()).toMatch(
      new RegExp(`Cột [A-Z]+: Dòng ${badRow}: không tìm thấy xã 'Hải Ann'.* — có phải 'Xã Hải An'\\?`),
    );
    // Another language: the rows are asked again and their messages come in it (the app's header).
    // (The row is found by class here: the table's name changes with the language.)
    const same = page.locator("table.import-rows tr", {
      has: page.locator("th", { hasText: new RegExp(`^${badRow}$`) }),
    });
    await page.getByLabel("Ngôn ngữ").selectOption("en");
    await expect
      .poll(() => same.textContent())
      .toMatch(new RegExp(`Column [A-Z]+: Row ${badRow}: no commune 'Hải Ann'`));
    await page.getByLabel("Language").selectOption("vi");
    await expect.poll(() => same.textContent()).toContain(`Dòng ${badRow}:`);
    fs.mkdirSync(artifactsDir, { recursive: true });
    for (const size of [
      { width: 390, height: 844 },
      { width: 1024, height: 768 },
      { width: 1440, height: 900 },
    ]) {
      await page.setViewportSize(size);
      await page.screenshot({ path: path.join(artifactsDir, `imports-${size.width}.png`), fullPage: true });
      const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
      expect(scroll, `sideways scroll at ${size.width}`).toBeLessThanOrEqual(inner ?? 0);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    const errorFile = await download(preview.getByRole("link", { name: "Tải các dòng lỗi (Excel)" }), "loi.xlsx");

    await commit(true, 3);
    await page.getByText("Đã nhập 3 bản ghi, bỏ qua 1 dòng.").waitFor({ timeout: 60_000 });

    // The error rows, fixed where the message points, go in as a second import.
    const errs = new ExcelJS.Workbook();
    await errs.xlsx.readFile(errorFile);
    const es = errs.worksheets[0];
    if (!es) throw new Error("the error file has no sheet");
    let fixed = 0;
    es.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.value === "Hải Ann") {
          cell.value = "Hải An";
          fixed += 1;
        }
      });
    });
    expect(fixed).toBe(1);
    const errorText = JSON.stringify(es.getSheetValues());
    expect(errorText).toContain(`Dòng ${badRow}`);
    const refile = path.join(dir, "loi-da-sua.xlsx");
    await errs.xlsx.writeFile(refile);
    await page.getByRole("button", { name: "Nhập tệp khác" }).click();
    await upload(refile);
    await fixMapping();
    await expect.poll(() => page.getByRole("button", { name: "Sẵn sàng: 1" }).count()).toBe(1);
    await commit(false, 1);
    await page.getByText("Đã nhập 1 bản ghi, bỏ qua 0 dòng.").waitFor({ timeout: 60_000 });

    const after = await siteCount();
    expect(number(after)).toBe(number(before) + 4);

    // Undo both imports from the history: the dashboard is as before.
    await page.goto(`${app.server.url}/imports`);
    const history = page.getByRole("table", { name: "Các lần nhập" });
    for (const file of ["loi-da-sua.xlsx", "danh-sach-khu-dan-cu.xlsx"]) {
      const entry = history.getByRole("row").filter({ has: page.getByRole("rowheader", { name: file }) });
      await entry.getByRole("button", { name: `Hoàn tác lần nhập tệp “${file}”` }).click();
      const form = entry.getByRole("form", { name: `Hoàn tác lần nhập tệp “${file}”` });
      await form.getByLabel("Lý do hoàn tác").fill("Thử nhập tệp, không phải số liệu thật");
      await form.getByRole("button", { name: "Xóa các bản ghi của lần nhập này" }).click();
      await entry.getByText(/^Đã hoàn tác: xóa \d+ bản ghi\.$/).waitFor({ timeout: 60_000 });
    }
    for (const width of [390, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: path.join(artifactsDir, `imports-history-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await siteCount()).toBe(before);
    expect(errors).toEqual([]);
  });

  it("shows how much of a large file has gone up, then that the server is reading it", async () => {
    const lines = ["Tên điểm mô hình;Loại mô hình;Xã, phường, thị trấn;Huyện/TX/TP;Ngày thành lập;Số hộ"];
    for (let i = 1; i <= 3000; i++) lines.push(`Khu dân cư số ${i};${TYPE};Hải An;Hải Lăng;15/03/2023;${i % 300}`);
    const big = path.join(dir, "nhieu-dong.csv");
    fs.writeFileSync(big, lines.join("\r\n"));
    await page.goto(`${app.server.url}/imports`);
    // A slow office line: about 6 s for the file's 330 KB.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 20,
      downloadThroughput: 1e6,
      uploadThroughput: 55_000,
    });
    const form = page.getByRole("form", { name: "1. Chọn loại và tệp" });
    await form.getByLabel("Tệp Excel hoặc CSV (tối đa 20 MB)").setInputFiles(big);
    await form.getByRole("button", { name: "Tải lên và xem trước" }).click();
    const bar = form.getByRole("progressbar", { name: "Tiến độ" });
    // Part of the file sent: the bar and its words say how much.
    await expect
      .poll(async () => Number((await bar.getAttribute("value")) ?? 0), { timeout: 30_000, interval: 100 })
      .toBeGreaterThan(0.2);
    const sent = Number(await bar.getAttribute("value"));
    expect(sent).toBeLessThan(1);
    expect(await form.getByRole("status").textContent()).toMatch(/^Đang tải tệp lên: \d+%$/);
    await page.getByRole("form", { name: "2. Ghép cột với trường" }).waitFor({ timeout: 90_000 });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    expect(await page.getByRole("button", { name: "Sẵn sàng: 3.000" }).count()).toBe(1);
  });
});

/** The header row of the template: the first row naming the site's name column. */
function findHeader(ws: ExcelJS.Worksheet): { row: number; columns: { index: number; text: string }[] } {
  for (let r = 1; r <= Math.min(ws.rowCount, 20); r++) {
    const columns: { index: number; text: string }[] = [];
    ws.getRow(r).eachCell((cell, index) => {
      columns.push({ index, text: String(cell.text ?? "").trim() });
    });
    if (columns.some((c) => /^tên/i.test(c.text)) && columns.length >= 3) return { row: r, columns };
  }
  throw new Error("no header row in the template");
}

/** "1.131" → 1131 (the dashboard writes vi-VN numbers). */
const number = (text: string) => Number(text.replace(/\./g, ""));
