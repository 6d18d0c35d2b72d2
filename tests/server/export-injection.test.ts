import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { inertText } from "../../server/services/reports/csv.ts";
import { exportCsv, exportReport } from "../../server/services/reports/export.ts";
import { ZReportOptions } from "../../shared/src/schemas/reports.ts";
import { HAI_AN, HAI_LANG } from "../fixtures/units.ts";
import { entryFile } from "./helpers/entry.ts";
import { collect, docxParts, parseCsv, pdfText, readXlsx } from "./reports-read.ts";

/** Issue 14, finding 1: what a district editor types must stay inert in every file leaders open. */
const s = entryFile();
const HOSTILE = {
  host: '=HYPERLINK("http://evil","x")',
  notes: "+cmd|' /C calc'!A0",
  camera: "-2+3+cmd|' /C calc'!A0",
  award: "@SUM(1+1)*cmd|' /C calc'!A0",
  // Leading tabs are trimmed on input; this one is what remains, behind a minus.
  minus: "-1+1",
};
const options = ZReportOptions.parse({ fromYear: 2007, toYear: new Date().getFullYear() });

beforeAll(async () => {
  const admin = s.caller(s.users.admin);
  const site = await admin.sites.create({
    modelTypeId: await s.typeId("security-camera"),
    areaCode: HAI_AN,
    districtCode: HAI_LANG,
    name: "Điểm thử",
    host: HOSTILE.host,
    establishedOn: "2015-03-01",
    notes: HOSTILE.notes,
  });
  await admin.cameras.create({
    areaCode: HAI_AN,
    installedOn: "2016-01-01",
    cameras: 4,
    recorders: 1,
    memoryCards: 0,
    costVnd: 12_000_000,
    fundingSource: "socialized",
    siteId: site.id,
    notes: HOSTILE.camera,
  });
  await admin.awards.create({
    year: 2018,
    issuer: "provincial_committee",
    form: "certificate_of_merit",
    recipientKind: "collective",
    recipientName: HOSTILE.award,
    areaCode: HAI_AN,
    decisionNumber: HOSTILE.minus,
  });
}, 60_000);

async function csvCells(table: "sites" | "cameras" | "awards"): Promise<string[]> {
  const file = await exportCsv(s.t.db, { user: null, via: "cli" }, options, table);
  return parseCsv((await collect(file.body)).toString("utf8").replace(/^\uFEFF/, "")).flat();
}

/** What a spreadsheet would run: a cell starting with one of OWASP's trigger characters. */
const FORMULA_START = /^[=+\-@\t\r]/;

describe("exports are inert (issue 14, finding 1)", () => {
  it("sites.csv, cameras.csv and awards.csv prefix formula-like text cells with an apostrophe", async () => {
    const sites = await csvCells("sites");
    expect(sites).toContain(`'${HOSTILE.host}`);
    expect(sites).toContain(`'${HOSTILE.notes}`);
    const cameras = await csvCells("cameras");
    expect(cameras).toContain(`'${HOSTILE.camera}`);
    const awards = await csvCells("awards");
    expect(awards).toContain(`'${HOSTILE.award}`);
    expect(awards).toContain(`'${HOSTILE.minus}`);
    for (const cell of [...sites, ...cameras, ...awards]) expect(cell).not.toMatch(FORMULA_START);
  });

  it("escapes tab and CR starts too, and leaves other text alone", () => {
    expect(inertText("\t=1")).toBe("'\t=1");
    expect(inertText("\r=1")).toBe("'\r=1");
    expect(inertText("Hải Lăng = 1")).toBe("Hải Lăng = 1");
  });

  it("every CSV the product writes has no formula-like cell, and numbers stay numbers", async () => {
    for (const table of ["sites", "cameras", "awards", "areas", "districts"] as const) {
      const file = await exportCsv(s.t.db, { user: null, via: "cli" }, options, table);
      const rows = parseCsv((await collect(file.body)).toString("utf8").replace(/^\uFEFF/, ""));
      for (const cell of rows.flat()) expect(cell, table).not.toMatch(FORMULA_START);
    }
    const cameras = parseCsv(
      (await collect((await exportCsv(s.t.db, { user: null, via: "cli" }, options, "cameras")).body))
        .toString("utf8")
        .replace(/^\uFEFF/, ""),
    );
    // The cost column is written as a bare number, not escaped text.
    expect(cameras.flat()).toContain("12000000");
  });

  it("the Excel workbook holds the hostile texts as text cells, never as formulas", async () => {
    const file = await exportReport(s.t.db, { user: null, via: "cli" }, options, "xlsx");
    const wb = await readXlsx(await collect(file.body));
    const found: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (Object.values(HOSTILE).includes(String(cell.value))) {
            expect(cell.type).toBe(ExcelJS.ValueType.String);
            found.push(String(cell.value));
          }
          // Formulas the product writes itself (totals) are SUBTOTALs over its own columns only.
          if (cell.type === ExcelJS.ValueType.Formula)
            expect(cell.formula).toMatch(/^SUBTOTAL\(109,[A-Z]+\d+:[A-Z]+\d+\)$/);
        }),
      ),
    );
    expect(found.sort()).toEqual(Object.values(HOSTILE).sort());
  });

  it("Word and PDF print markup in the report's texts as text", async () => {
    // Not starting with "Báo cáo", which the subject line drops (printed once above it: decision 019).
    const title = `Tổng kết <w:t>&amp; "x" ]]> </w:p>`;
    const signerName = '=HYPERLINK("http://evil") & <b>';
    const opts = ZReportOptions.parse({
      fromYear: 2007,
      toYear: new Date().getFullYear(),
      title,
      signerName,
      sections: ["summary"],
    });
    const docx = await exportReport(s.t.db, { user: null, via: "cli" }, opts, "docx");
    const { text, document } = await docxParts(await collect(docx.body));
    expect(text).toContain(title);
    expect(text).toContain(signerName);
    expect(document).not.toContain("<b>");
    const pdf = await pdfText(
      await collect((await exportReport(s.t.db, { user: null, via: "cli" }, opts, "pdf")).body),
    );
    // The PDF's text layer splits words into runs: compare without the spacing.
    const squeeze = (x: string) => x.replace(/\s+/g, "");
    expect(squeeze(pdf.text)).toContain(squeeze(title));
    expect(squeeze(pdf.text)).toContain(squeeze(signerName));
  });
});
