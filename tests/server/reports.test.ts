import { coverageOfList } from "@qt/shared/coverage";
import { formatMoneyExact, formatNumber } from "@qt/shared/format";
import { type TReportOptionsInput, ZReportOptions } from "@qt/shared/schemas/reports";
import { formerUnitName } from "@qt/shared/unit-names";
import { label } from "@qt/shared/vocabulary";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { BOM } from "../../server/services/reports/csv.ts";
import { DOCX_LAYOUT, renderDocx } from "../../server/services/reports/docx.ts";
import { exportCsv } from "../../server/services/reports/export.ts";
import { buildReportModel } from "../../server/services/reports/model.ts";
import { renderPdf } from "../../server/services/reports/pdf.ts";
import { resolveScope } from "../../server/services/reports/report-scope.ts";
import { writeXlsx } from "../../server/services/reports/xlsx.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { collect, docxParts, pdfText, readXlsx, xlsxSink } from "./reports-read.ts";

let t: TestDb;
let viewer: SessionUser;
beforeAll(async () => {
  t = await createTestDb("demo");
  viewer = await makeUser(t.db, { role: "viewer" });
}, 120_000);
afterAll(() => t.close());

const dashboard = () => createCaller(createContextInner({ db: t.db, dbKind: t.kind, user: viewer })).dashboard;
const num = formatNumber;
const flat = (s: string) => s.replace(/\s+/g, " ");
const options = (input: TReportOptionsInput) => ZReportOptions.parse({ date: "2023-01-31", ...input });

/** The sentences and table rows every printed report must carry, from dashboard.summary itself. */
async function expectedFiguresOf(districtCode?: string, formerProvinceCode?: "45" | "44") {
  const s = await dashboard().summary({ formerProvinceCode, fromYear: 2007, toYear: 2022, districtCode });
  const cameras = await dashboard().cameras({ formerProvinceCode, fromYear: 2007, toYear: 2022, districtCode });
  return {
    summary: s,
    phrases: [
      `nhân rộng ${num(s.modelTypeCount)} mô hình với ${num(s.siteCount)} điểm, tại ${num(s.areasWithModels)} địa bàn cấp xã`,
      `${num(s.cameraCoverage.covered)}/${num(s.cameraCoverage.total)} địa bàn cấp xã`,
      `${num(s.cameras.cameras)} mắt camera, ${num(s.cameras.recorders)} đầu thu, ${num(s.cameras.memoryCards)} thẻ nhớ`,
      formatMoneyExact(s.cameras.costVnd),
      ...s.byDistrict.map((d) =>
        [formerUnitName(d.name), num(d.sites), num(d.areas), num(d.coveredAreas), num(d.cameras), num(d.costVnd)].join(
          " ",
        ),
      ),
      ...s.byModelType.map((m) => `${m.name} ${num(m.sites)} ${num(m.districts)} ${num(m.communes)}`),
      ...cameras.funding.map(
        (f) => `${label("funding", f.source)} ${num(f.installations)} ${num(f.cameras)} ${num(f.costVnd)}`,
      ),
    ],
  };
}

describe.each([
  {
    scope: "the whole province of today",
    districtCode: undefined,
    formerProvinceCode: undefined,
    place: "Quảng Trị",
    scopeLine:
      "Địa bàn: Toàn tỉnh Quảng Trị; giai đoạn 2007–2022; số liệu theo đơn vị hành chính cấp xã của từng thời kỳ",
  },
  {
    scope: "former Quảng Trị (the 2023 conference)",
    districtCode: undefined,
    formerProvinceCode: "45" as const,
    place: "Quảng Trị",
    scopeLine: "Địa bàn: Quảng Trị cũ; giai đoạn 2007–2022; số liệu theo đơn vị hành chính cấp xã của từng thời kỳ",
  },
  {
    scope: "Hải Lăng (470)",
    districtCode: "470",
    formerProvinceCode: undefined,
    place: "Hải Lăng",
    scopeLine:
      "Địa bàn: Huyện Hải Lăng (cũ); giai đoạn 2007–2022; số liệu theo đơn vị hành chính cấp xã của từng thời kỳ",
  },
])(
  "report for $scope: every file's figures equal dashboard.summary",
  ({ districtCode, formerProvinceCode, place, scopeLine }) => {
    const opts = () => options({ formerProvinceCode, districtCodes: districtCode ? [districtCode] : [] });
    const expectedFigures = (d?: string) => expectedFiguresOf(d, formerProvinceCode);

    it("Word: figures, Vietnamese text and the Nghị định 30 layout", async () => {
      const { summary, phrases } = await expectedFigures(districtCode);
      const model = await buildReportModel(t.db, opts());
      expect(model.summary.siteCount).toBe(summary.siteCount);
      const { document, styles, text } = await docxParts(await renderDocx(model));
      const body = flat(text);
      for (const phrase of phrases) expect(body).toContain(phrase);
      expect(body).toContain(place);
      expect(body).toContain(`(${scopeLine})`);
      expect(body).toContain("Dòng họ");
      expect(body).toContain("CÔNG AN TỈNH QUẢNG TRỊ");
      expect(body).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
      expect(body).toContain("Độc lập - Tự do - Hạnh phúc");
      expect(body).toContain("Quảng Trị, ngày 31 tháng 01 năm 2023");
      expect(body).toContain("Nơi nhận:");
      // A4 portrait in twips; margins 20/20/30/15 mm.
      const pgSz = document.match(/<w:pgSz [^>]*>/)?.[0] ?? "";
      expect(pgSz).toMatch(/w:w="11906"/);
      expect(pgSz).toMatch(/w:h="16838"/);
      const pgMar = document.match(/<w:pgMar [^>]*>/)?.[0] ?? "";
      expect(pgMar).toMatch(/w:top="1134"/);
      expect(pgMar).toMatch(/w:bottom="1134"/);
      expect(pgMar).toMatch(/w:left="1701"/);
      expect(pgMar).toMatch(/w:right="850"/);
      expect(DOCX_LAYOUT.margin).toEqual({ top: 1134, bottom: 1134, left: 1701, right: 850 });
      expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman"/);
      expect(styles).toMatch(/<w:sz w:val="28"\/>/);
      // Table header rows repeat on each page; the date line is italic; charts are embedded images.
      expect(document).toContain("<w:tblHeader/>");
      expect(document).toMatch(/<w:i\/>(?:(?!<\/w:r>).)*Quảng Trị, ngày 31/s);
      expect(document).toContain("<pic:pic");
    });

    it("PDF: A4, figures and Vietnamese text in the embedded font", async () => {
      const { phrases } = await expectedFigures(districtCode);
      const model = await buildReportModel(t.db, opts());
      const pdf = await renderPdf(model);
      const { text, pageSize } = await pdfText(pdf);
      const body = flat(text);
      for (const phrase of phrases) expect(body).toContain(phrase);
      expect(body).toContain(place);
      // The PDF's text breaks the line where it wraps: its first words are enough.
      expect(body).toContain(scopeLine.split("; ")[0]);
      expect(body).toContain("Dòng họ");
      expect(pageSize.map(Math.round)).toEqual([0, 0, 595, 842]);
      expect(pdf.toString("latin1")).toMatch(/\/BaseFont \/[A-Z]{6}\+LiberationSerif/);
    });

    it("Excel: typed cells equal to the dashboard on every sheet", async () => {
      const { summary: s } = await expectedFigures(districtCode);
      const o = opts();
      const scope = await resolveScope(t.db, o);
      const model = await buildReportModel(t.db, o, scope);
      const sink = xlsxSink();
      await writeXlsx(t.db, scope, model, sink.out);
      const wb = await readXlsx(await sink.done);
      expect(wb.worksheets.map((w) => w.name)).toEqual([
        "Tổng hợp",
        "Theo huyện",
        "Theo địa bàn cấp xã",
        "Điểm mô hình",
        "Lắp đặt camera",
        "Khen thưởng",
      ]);
      const summarySheet = wb.getWorksheet("Tổng hợp");
      const value = (label: string) => {
        let found: unknown;
        summarySheet?.eachRow((row) => {
          if (row.getCell(1).value === label) found = row.getCell(2).value;
        });
        return found;
      };
      // Says how much of the data is approved, as the Word report does (decision 025).
      const texts: string[] = [];
      summarySheet?.eachRow((row) => texts.push(String(row.getCell(1).value)));
      expect(texts.some((text) => /^Số liệu đã phê duyệt: \d+\/\d+ /.test(text))).toBe(true);
      expect(value("Số điểm mô hình")).toBe(s.siteCount);
      expect(value("Số mô hình được xây dựng, nhân rộng")).toBe(s.modelTypeCount);
      expect(value("Số địa bàn cấp xã có camera an ninh")).toBe(s.cameraCoverage.covered);
      expect(value("Số mắt camera")).toBe(s.cameras.cameras);
      expect(value("Kinh phí lắp đặt camera (đồng)")).toBe(s.cameras.costVnd);

      const dataRows = (name: string) => {
        const ws = wb.getWorksheet(name);
        const rows: unknown[][] = [];
        ws?.eachRow((row, i) => {
          const first = row.getCell(1).value;
          // Skips the header, the blank line and the totals row ("Tổng cộng: n").
          if (i > 1 && first !== null && !String(first).startsWith("Tổng cộng")) {
            rows.push((row.values as unknown[]).slice(1));
          }
        });
        return { ws, rows };
      };
      const districts = dataRows("Theo huyện");
      expect(districts.rows.map((r) => r.slice(1))).toEqual(
        s.byDistrict.map((d) => [
          formerUnitName(d.name),
          d.sites,
          // The units of the list the headline counts, and no column of the other list (issue 22).
          coverageOfList(d, s.cameraCoverage.headline.list).total,
          coverageOfList(d, s.cameraCoverage.headline.list).covered,
          d.cameras,
          d.costVnd,
          // Demo records count in this database's figures (decision 023).
          1,
        ]),
      );
      expect(districts.ws?.getRow(1).values).toEqual([
        undefined,
        "Mã huyện",
        "Huyện, thị xã, thành phố",
        "Số điểm mô hình",
        s.cameraCoverage.headline.list === "two_level" ? "Số xã, phường, đặc khu" : "Số địa bàn cấp xã",
        s.cameraCoverage.headline.list === "two_level" ? "Xã, phường, đặc khu có camera" : "Địa bàn cấp xã có camera",
        "Số camera",
        "Kinh phí camera (đồng)",
        expect.any(String),
      ]);
      expect(districts.ws?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });

      const areas = dataRows("Theo địa bàn cấp xã");
      // The areas that existed in 2007–2022: none of today's communes (column "từ 01/07/2025" = 1).
      const before = areas.rows.filter((r) => r[7] === 0);
      const current = areas.rows.filter((r) => r[7] === 1);
      expect([before.length, current.length]).toEqual([s.cameraCoverage.total, 0]);
      expect(before.reduce((sum, r) => sum + Number(r[6]), 0)).toBe(s.cameraCoverage.covered);

      const sites = dataRows("Điểm mô hình");
      expect(sites.rows).toHaveLength(s.siteCount);
      expect(sites.rows[0]?.[6]).toBeInstanceOf(Date);
      expect(sites.ws?.autoFilter).toBe(`A1:M${s.siteCount + 1}`);
      expect(sites.ws?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(sites.ws?.getColumn(7).numFmt).toBe("dd/mm/yyyy");
      expect(sites.rows.every((r) => !districtCode || String(r[5]).endsWith(place))).toBe(true);

      const cams = dataRows("Lắp đặt camera");
      expect(cams.rows.reduce((sum, r) => sum + Number(r[4]), 0)).toBe(s.cameras.cameras);
      expect(cams.rows.reduce((sum, r) => sum + (r[7] as number), 0)).toBe(s.cameras.costVnd);
      const totals = cams.ws?.getRow(cams.rows.length + 3);
      expect(totals?.getCell(5).value).toMatchObject({ result: s.cameras.cameras });
      expect(totals?.getCell(8).value).toMatchObject({ result: s.cameras.costVnd });

      const awards = await dashboard().awards({ formerProvinceCode, fromYear: 2007, toYear: 2022, districtCode });
      expect(dataRows("Khen thưởng").rows).toHaveLength(awards.total);
    });

    it("CSV: UTF-8 with BOM, one line per record", async () => {
      const { summary: s } = await expectedFigures(districtCode);
      const file = await exportCsv(t.db, { user: viewer, via: "http" }, opts(), "sites");
      const buf = await collect(file.body);
      expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = buf.toString("utf8");
      expect(text.startsWith(BOM)).toBe(true);
      const lines = text.slice(1).trimEnd().split("\r\n");
      expect(lines[0]).toBe(
        // The vocabulary's word for each field, as the forms and the import template head them.
        'Mã,Loại mô hình,Tên điểm mô hình,Đơn vị chủ trì / dòng họ,"Xã, phường, thị trấn","Huyện, thị xã, thành phố",Ngày thành lập,Trạng thái,Tôn giáo,Số hộ,Số thành viên,Ghi chú,Số liệu minh họa (1 = có)',
      );
      expect(lines).toHaveLength(s.siteCount + 1);
      expect(text).toContain(place);
      expect(text).toContain("Dòng họ");
    });
  },
);

describe("reports over several districts", () => {
  it("merge the districts' dashboard figures exactly", async () => {
    const [a, b] = await Promise.all([
      dashboard().summary({ fromYear: 2007, toYear: 2022, districtCode: "470" }),
      dashboard().summary({ fromYear: 2007, toYear: 2022, districtCode: "466" }),
    ]);
    const model = await buildReportModel(t.db, options({ districtCodes: ["470", "466"] }));
    expect(model.summary.siteCount).toBe(a.siteCount + b.siteCount);
    expect(model.summary.cameras.costVnd).toBe(a.cameras.costVnd + b.cameras.costVnd);
    expect(model.summary.coverage.total).toBe(a.cameraCoverage.total + b.cameraCoverage.total);
    const types = new Set([...a.byModelType, ...b.byModelType].map((m) => m.code));
    expect(model.summary.modelTypeCount).toBe(types.size);
    expect(model.byDistrict.map((d) => d.code)).toEqual(["466", "470"]);
    expect(model.annex.map((d) => d.code)).toEqual(["466", "470"]);
  });

  it("asks the dashboard's services once with both districts: every section adds up", async () => {
    const period = { fromYear: 2007, toYear: 2022 };
    const [a, b] = await Promise.all(
      ["470", "466"].map(async (districtCode) => ({
        summary: await dashboard().summary({ ...period, districtCode }),
        yearly: await dashboard().yearly({ ...period, districtCode }),
        cameras: await dashboard().cameras({ ...period, districtCode }),
        awards: await dashboard().awards({ ...period, districtCode }),
        areas: await dashboard().areas({ ...period, districtCode }),
      })),
    );
    if (!a || !b) throw new Error("two districts asked");
    const model = await buildReportModel(t.db, options({ districtCodes: ["470", "466"] }));
    const covered = a.summary.cameraCoverage.covered + b.summary.cameraCoverage.covered;
    const total = a.summary.cameraCoverage.total + b.summary.cameraCoverage.total;
    expect(model.summary.coverage).toEqual({
      covered,
      total,
      current: {
        covered: a.summary.cameraCoverage.current.covered + b.summary.cameraCoverage.current.covered,
        total: a.summary.cameraCoverage.current.total + b.summary.cameraCoverage.current.total,
      },
      headline: { list: "three_level", covered, total },
      secondary: null,
    });
    expect(model.summary.areasWithModels).toBe(a.summary.areasWithModels + b.summary.areasWithModels);
    expect(model.yearly.map((y) => y.sites)).toEqual(
      a.yearly.years.map((y, i) => y.sites + (b.yearly.years[i]?.sites ?? Number.NaN)),
    );
    const installations = (source: string) =>
      [a, b]
        .flatMap((d) => d.cameras.funding)
        .filter((f) => f.source === source)
        .reduce((s, f) => s + f.installations, 0);
    expect(model.funding.length).toBeGreaterThan(0);
    for (const f of model.funding) expect(f.installations).toBe(installations(f.source));
    expect(model.awards.reduce((s, r) => s + r.total, 0)).toBe(a.awards.total + b.awards.total);
    expect(model.annex.find((d) => d.code === "470")?.areas.length).toBe(a.areas.areas.length);
    expect(model.annex.find((d) => d.code === "466")?.areas.length).toBe(b.areas.areas.length);
  });

  it("refuses an unknown district with a Vietnamese NOT_FOUND", async () => {
    await expect(buildReportModel(t.db, options({ districtCodes: ["999"] }))).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Không tìm thấy huyện, thị xã, thành phố có mã 999.",
    });
  });
});
