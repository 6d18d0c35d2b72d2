import { ZReportOptions } from "@qt/shared/schemas/reports";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../server/http/app.ts";
import { exportCsv } from "../../server/services/reports/export.ts";
import { buildReportModel } from "../../server/services/reports/model.ts";
import { resolveScope } from "../../server/services/reports/report-scope.ts";
import { writeXlsx } from "../../server/services/reports/xlsx.ts";
import { sessionFor } from "../fixtures/sessions.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { collect, parseCsv, readXlsx, xlsxSink } from "./reports-read.ts";

/** Issue 22, item 5 and the CSV of item 14: the Excel report prints, the CSV opens in Vietnamese Excel. */
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb("demo");
}, 120_000);
afterAll(() => t.close());

const FORMER_QT = ZReportOptions.parse({ formerProvinceCode: "45", fromYear: 2007, toYear: 2022, date: "2026-12-07" });

async function workbook() {
  const scope = await resolveScope(t.db, FORMER_QT);
  const sink = xlsxSink();
  await writeXlsx(t.db, scope, await buildReportModel(t.db, FORMER_QT, scope), sink.out);
  return readXlsx(await sink.done);
}

const rowOf = (ws: ExcelJS.Worksheet, label: string) => {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (row.getCell(1).value === label) found = row;
  });
  if (!found) throw new Error(`no row “${label}”`);
  return found;
};

describe("the Excel report prints", () => {
  it("summary: one page wide, agency heading, whole title, figures as numbers, rate as a percentage, signature", async () => {
    const ws = (await workbook()).getWorksheet("Tổng hợp");
    if (!ws) throw new Error("no summary sheet");
    expect(ws.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0, orientation: "portrait" });
    expect(ws.getCell("A1").value).toBe("BỘ CÔNG AN");
    expect(ws.getCell("A2").value).toBe("CÔNG AN TỈNH QUẢNG TRỊ");
    expect(ws.getCell("A2").font).toMatchObject({ bold: true });
    // The subject spans the three columns and wraps: it prints whole, not cut at column A.
    const title = rowOf(
      ws,
      "Tổng kết xây dựng, nhân rộng mô hình, điển hình tiên tiến trong phong trào toàn dân bảo vệ an ninh Tổ quốc giai đoạn 2007–2022",
    );
    expect(title.getCell(3).isMerged).toBe(true);
    expect(title.getCell(1).alignment).toMatchObject({ wrapText: true });
    // The 2023 review conference's figure: 73 of the 126 communes of former Quảng Trị had cameras.
    const rate = rowOf(ws, "Tỷ lệ địa bàn có camera").getCell(2);
    expect(rate.type).toBe(ExcelJS.ValueType.Number);
    expect(rate.value).toBeCloseTo(73 / 126, 10);
    expect(rate.numFmt).toBe("0.0%");
    for (const label of ["Số địa bàn cấp xã có camera an ninh", "Tổng số địa bàn cấp xã", "Số mắt camera"]) {
      const cell = rowOf(ws, label).getCell(2);
      expect(cell.type, label).toBe(ExcelJS.ValueType.Number);
      expect(cell.numFmt, label).toBe("#,##0");
    }
    expect(rowOf(ws, "Số địa bàn cấp xã có camera an ninh").getCell(2).value).toBe(73);
    expect(rowOf(ws, "Tổng số địa bàn cấp xã").getCell(2).value).toBe(126);
    expect(rowOf(ws, "Số mắt camera").getCell(2).value).toBe(1131);
    // The model types' totals row adds up the sites above it.
    const sites: number[] = [];
    for (let r = rowOf(ws, "Mô hình").number + 1; r < rowOf(ws, "Tổng cộng").number; r++) {
      sites.push(Number(ws.getRow(r).getCell(2).value));
    }
    expect(rowOf(ws, "Tổng cộng").getCell(2).value).toBe(sites.reduce((a, b) => a + b, 0));
    // Date and signature lines at the foot, in column B.
    const lastTexts: string[] = [];
    ws.eachRow((row) => lastTexts.push(String(row.getCell(2).value ?? "")));
    const dated = lastTexts.indexOf("Quảng Trị, ngày 07 tháng 12 năm 2026");
    expect(lastTexts.slice(dated).filter(Boolean)).toEqual([
      "Quảng Trị, ngày 07 tháng 12 năm 2026",
      "……………………………",
      "……………………………",
    ]);
  });

  it("lists: one page wide, landscape when wide, the header row repeated on every page, a page heading", async () => {
    const wb = await workbook();
    for (const name of ["Theo huyện", "Theo địa bàn cấp xã", "Điểm mô hình", "Lắp đặt camera", "Khen thưởng"]) {
      const ws = wb.getWorksheet(name);
      expect(ws?.pageSetup, name).toMatchObject({ fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" });
      expect(ws?.headerFooter.oddHeader, name).toContain(`${name}, giai đoạn 2007–2022`);
    }
    expect(wb.getWorksheet("Điểm mô hình")?.pageSetup.orientation).toBe("landscape");
  });
});

describe("the district sheet counts the units of the report's view (issue 22)", () => {
  it("2026: today's communes per former district, as SQL counts them, and no column of the old list", async () => {
    const by = { user: null, via: "cli" } as const;
    const options = ZReportOptions.parse({ fromYear: 2026, toYear: 2026 });
    const rows = parseCsv(
      (await collect((await exportCsv(t.db, by, options, "districts", "comma")).body))
        .toString("utf8")
        .replace(/^\uFEFF/, ""),
      ",",
    );
    expect(rows[0]?.slice(0, 5)).toEqual([
      "Mã huyện",
      "Huyện, thị xã, thành phố",
      "Số điểm mô hình",
      "Số xã, phường, đặc khu",
      "Xã, phường, đặc khu có camera",
    ]);
    expect(rows[0]?.join(" ")).not.toMatch(/địa bàn cấp xã|01\/07\/2025/i);
    const communes = await t.db.$queryRaw<{ code: string; n: number }[]>`
      SELECT d.code, count(*)::int AS n FROM admin_unit c JOIN admin_unit d ON d.id = c.former_district_id
      WHERE c.catalog = 'two_level' AND c.level = 'commune' GROUP BY d.code`;
    const byCode = new Map(communes.map((c) => [c.code, c.n]));
    const data = rows.slice(1).filter((r) => /^\d{3}$/.test(r[0] ?? ""));
    expect(data.length).toBeGreaterThan(0);
    for (const r of data) expect(Number(r[3]), r[1]).toBe(byCode.get(r[0] ?? "") ?? 0);
    expect(data.reduce((a, r) => a + Number(r[3]), 0)).toBe(78);
  });
});

describe("CSV for Excel with Vietnamese regional settings (?sep=semicolon)", () => {
  it("separates by semicolons, one row per site as SQL counts, same cells as the comma file", async () => {
    const by = { user: null, via: "cli" } as const;
    const options = ZReportOptions.parse({ fromYear: 2007, toYear: 2022 });
    const text = async (sep: "comma" | "semicolon") =>
      (await collect((await exportCsv(t.db, by, options, "sites", sep)).body)).toString("utf8").replace(/^\uFEFF/, "");
    const semicolon = parseCsv(await text("semicolon"), ";");
    const comma = parseCsv(await text("comma"), ",");
    const [counted] = await t.db.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM site
      WHERE deleted_at IS NULL AND established_on >= '2007-01-01' AND established_on < '2023-01-01'`;
    expect(semicolon).toHaveLength((counted?.count ?? Number.NaN) + 1);
    expect(semicolon[0]).toHaveLength(13);
    expect(semicolon[0]?.[5]).toBe("Huyện, thị xã, thành phố");
    for (const row of semicolon) expect(row).toHaveLength(13);
    expect(semicolon).toEqual(comma);
  });

  it("over HTTP: the file name says so; another separator is refused with a clear message", async () => {
    const app = await buildApp({ db: t.db, dbKind: t.kind });
    try {
      const viewer = await makeUser(t.db, { role: "viewer" });
      const cookie = `qt_session=${await sessionFor(t.db, viewer.id)}`;
      const get = (q: string) =>
        app.inject({ method: "GET", url: `/api/reports/cameras.csv?${q}`, headers: { cookie } });
      const ok = await get("fromYear=2026&toYear=2026&sep=semicolon");
      expect(ok.statusCode).toBe(200);
      expect(String(ok.headers["content-disposition"])).toContain(
        "2026-toan-tinh-co-so-lieu-minh-hoa-dau-cham-phay.csv",
      );
      expect(ok.body.replace(/^\uFEFF/, "").split("\r\n")[0]).toMatch(/^Mã;Địa bàn cấp xã;/);
      const bad = await get("sep=tab");
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toBe(
        "Dấu phân cách CSV không hợp lệ: chọn sep=comma (dấu phẩy) hoặc sep=semicolon (dấu chấm phẩy).",
      );
      expect((await get("sep=tab&lang=en")).json().error.message).toBe(
        "Invalid CSV separator: choose sep=comma or sep=semicolon.",
      );
    } finally {
      await app.close();
    }
  });
});
