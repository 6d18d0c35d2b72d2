import { formatMoneyExact, formatNumber } from "@qt/shared/format";
import { type TReportOptionsInput, ZReportOptions } from "@qt/shared/schemas/reports";
import { formerUnitName } from "@qt/shared/unit-names";
import { label } from "@qt/shared/vocabulary";
import { describe, expect, it } from "vitest";
import { BOM } from "../../server/services/reports/csv.ts";
import { DOCX_LAYOUT, renderDocx } from "../../server/services/reports/docx.ts";
import { exportCsv } from "../../server/services/reports/export.ts";
import { buildReportModel } from "../../server/services/reports/model.ts";
import { renderPdf } from "../../server/services/reports/pdf.ts";
import { resolveScope } from "../../server/services/reports/report-scope.ts";
import { writeXlsx } from "../../server/services/reports/xlsx.ts";
import { fileDatabase } from "../support/file-db.ts";
import { expectedFigures } from "./helpers/figures.ts";
import { collect, docxParts, pdfText, readXlsx, xlsxSink } from "./reports-read.ts";

const { t, user } = fileDatabase({ from: "demo", role: "viewer" });

const num = formatNumber;
const flat = (s: string) => s.replace(/\s+/g, " ");
const options = (input: TReportOptionsInput) => ZReportOptions.parse({ date: "2023-01-31", ...input });

/** Awards of 2007–2022 in the districts (none: every award, province-level ones too), from SQL. */
async function awardCount(districts: string[], province?: "45" | "44") {
  const [row] = await t.db.$queryRaw<{ n: bigint }[]>`
    SELECT COUNT(*) AS n FROM award aw LEFT JOIN admin_unit a ON a.id = aw.area_id
    LEFT JOIN admin_unit d ON d.id = COALESCE(a.former_district_id, CASE WHEN a.level = 'district' THEN a.id ELSE a.parent_id END)
    LEFT JOIN admin_unit p ON p.id = d.parent_id
    WHERE aw.deleted_at IS NULL AND aw.year BETWEEN 2007 AND 2022
      AND (${districts.length === 0} OR d.code = ANY(${districts}::text[]))
      AND (${province ?? null}::text IS NULL OR p.code = ${province ?? null}::text)`;
  return Number(row?.n);
}

/**
 * The sentences and table rows every printed report must carry, counted from the tables in the test
 * (helpers/figures.ts), not asked of the dashboard: a bug there must fail the report too.
 */
async function expectedFiguresOf(districtCode?: string, formerProvinceCode?: "45" | "44") {
  const s = await expectedFigures(t.db, {
    from: 2007,
    to: 2022,
    province: formerProvinceCode,
    districts: districtCode ? [districtCode] : [],
  });
  return {
    summary: s,
    phrases: [
      `nhân rộng ${num(s.modelTypeCount)} mô hình với ${num(s.siteCount)} điểm, tại ${num(s.areasWithModels)} địa bàn cấp xã`,
      `${num(s.coverage.covered)}/${num(s.coverage.total)} địa bàn cấp xã`,
      `${num(s.cameras.cameras)} mắt camera, ${num(s.cameras.recorders)} đầu thu, ${num(s.cameras.memoryCards)} thẻ nhớ`,
      formatMoneyExact(s.cameras.costVnd),
      ...s.byDistrict.map((d) =>
        [formerUnitName(d.name), num(d.sites), num(d.areas), num(d.coveredAreas), num(d.cameras), num(d.costVnd)].join(
          " ",
        ),
      ),
      ...s.byModelType.map((m) => `${m.name} ${num(m.sites)} ${num(m.districts)} ${num(m.communes)}`),
      ...s.funding.map(
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
  "report for $scope: every file's figures equal those counted from the tables",
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

    it("Excel: typed cells equal to the figures counted from the tables on every sheet", async () => {
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
      expect(value("Số địa bàn cấp xã có camera an ninh")).toBe(s.coverage.covered);
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
          // 2007–2022 ends before 01/07/2025: the old list's units only, no column of today's (issue 22).
          d.areas,
          d.coveredAreas,
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
        "Số địa bàn cấp xã",
        "Địa bàn cấp xã có camera",
        "Số camera",
        "Kinh phí camera (đồng)",
        expect.any(String),
      ]);
      expect(districts.ws?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });

      const areas = dataRows("Theo địa bàn cấp xã");
      // The areas that existed in 2007–2022: none of today's communes (column "từ 01/07/2025" = 1).
      const before = areas.rows.filter((r) => r[7] === 0);
      const current = areas.rows.filter((r) => r[7] === 1);
      expect([before.length, current.length]).toEqual([s.coverage.total, 0]);
      expect(before.reduce((sum, r) => sum + Number(r[6]), 0)).toBe(s.coverage.covered);

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

      expect(dataRows("Khen thưởng").rows).toHaveLength(
        await awardCount(districtCode ? [districtCode] : [], formerProvinceCode),
      );
    });

    it("CSV: UTF-8 with BOM, one line per record", async () => {
      const { summary: s } = await expectedFigures(districtCode);
      const file = await exportCsv(t.db, { user: user(), via: "http" }, opts(), "sites");
      const buf = await collect(file.body);
      expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = buf.toString("utf8");
      expect(text.startsWith(BOM)).toBe(true);
      const lines = text.slice(1).trimEnd().split("\r\n");
      expect(lines[0]).toBe(
        // The vocabulary's word for each field, as the forms and the import template head them.
        'Mã,Loại mô hình,Tên điểm mô hình,Đơn vị chủ trì / dòng họ,Địa bàn cấp xã,"Huyện, thị xã, thành phố",Ngày thành lập,Trạng thái,Tôn giáo,Số hộ,Số thành viên,Ghi chú,Số liệu minh họa (1 = có)',
      );
      expect(lines).toHaveLength(s.siteCount + 1);
      expect(text).toContain(place);
      expect(text).toContain("Dòng họ");
    });
  },
);

describe("reports over several districts", () => {
  const both = () => expectedFigures(t.db, { from: 2007, to: 2022, districts: ["470", "466"] });

  it("count both districts' figures exactly", async () => {
    const e = await both();
    const model = await buildReportModel(t.db, options({ districtCodes: ["470", "466"] }));
    expect(model.summary.siteCount).toBe(e.siteCount);
    expect(model.summary.cameras.costVnd).toBe(e.cameras.costVnd);
    expect(model.summary.coverage.total).toBe(e.coverage.total);
    expect(model.summary.modelTypeCount).toBe(e.modelTypeCount);
    expect(model.byDistrict.map((d) => d.code)).toEqual(["466", "470"]);
    expect(model.annex.map((d) => d.code)).toEqual(["466", "470"]);
  });

  it("every section equals the figures counted from the tables", async () => {
    const e = await both();
    const model = await buildReportModel(t.db, options({ districtCodes: ["470", "466"] }));
    const { covered, total } = e.coverage;
    expect(model.summary.coverage).toEqual({
      covered,
      total,
      current: e.coverage.current,
      headline: { list: "three_level", covered, total },
      secondary: null,
    });
    expect(e.coverage.current.covered).toBeGreaterThan(0);
    expect(model.summary.areasWithModels).toBe(e.areasWithModels);
    const yearly = await t.db.$queryRaw<{ year: number; sites: bigint }[]>`
      SELECT y.year, COUNT(s.id) AS sites FROM generate_series(2007, 2022) AS y(year)
      LEFT JOIN (site s JOIN admin_unit a ON a.id = s.area_id JOIN admin_unit d
          ON d.id = COALESCE(a.former_district_id, CASE WHEN a.level = 'district' THEN a.id ELSE a.parent_id END))
        ON EXTRACT(YEAR FROM s.established_on) = y.year AND s.deleted_at IS NULL AND d.code IN ('466', '470')
      GROUP BY y.year ORDER BY y.year`;
    expect(model.yearly.map((y) => y.sites)).toEqual(yearly.map((y) => Number(y.sites)));
    expect(model.funding.length).toBeGreaterThan(0);
    expect(model.funding.map((f) => [f.source, f.installations])).toEqual(
      expect.arrayContaining(e.funding.map((f) => [f.source, f.installations])),
    );
    expect(model.funding).toHaveLength(e.funding.length);
    expect(model.awards.reduce((s, r) => s + r.total, 0)).toBe(await awardCount(["470", "466"]));
    for (const code of ["466", "470"]) {
      expect(model.annex.find((d) => d.code === code)?.areas.map((a) => [a.code, a.covered])).toEqual(
        e.areaRows(code, "historical").map((a) => [a.code, a.covered]),
      );
    }
  });

  it("refuses an unknown district with a Vietnamese NOT_FOUND", async () => {
    await expect(buildReportModel(t.db, options({ districtCodes: ["999"] }))).rejects.toMatchObject({
      kind: "not-found",
      message: "Không tìm thấy huyện, thị xã, thành phố có mã 999.",
    });
  });
});
