import type { Block, TReportDocument } from "@qt/shared/schemas/report-document";
import { type TReportOptionsInput, ZReportOptions } from "@qt/shared/schemas/reports";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { reportDocument } from "../../server/services/reports/content.ts";
import { exportReport } from "../../server/services/reports/export.ts";
import { buildReportModel } from "../../server/services/reports/model.ts";
import { renderPdf } from "../../server/services/reports/pdf.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { collect, docxParts, pdfText } from "./reports-read.ts";

/**
 * Issue 22, item 4 and the headings of item 2: a report an office can sign and file, in Word and PDF.
 * The expected words are written here by hand (Nghị định 30 practice, the police units of each date).
 */
let t: TestDb;
let admin: SessionUser;
beforeAll(async () => {
  t = await createTestDb("demo");
  admin = await makeUser(t.db, { role: "admin" });
}, 120_000);
afterAll(() => t.close());

const cli = { user: null, via: "cli" } as const;
const DOTS = "……………………………";
const PLACEHOLDER = "(nội dung do đơn vị soạn)";
const NARRATIVE = [
  "VI. ĐÁNH GIÁ CHUNG",
  "VII. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
  "VIII. BÀI HỌC KINH NGHIỆM",
  "IX. PHƯƠNG HƯỚNG, NHIỆM VỤ",
  "X. ĐỀ XUẤT, KIẾN NGHỊ",
];
const YEAR_2026 = { fromYear: 2026, toYear: 2026, date: "2026-12-07" } as const;
const FORMER_QT = { formerProvinceCode: "45", fromYear: 2007, toYear: 2022, date: "2026-12-07" } as const;

async function word(input: TReportOptionsInput) {
  const file = await exportReport(t.db, cli, ZReportOptions.parse(input), "docx");
  return docxParts(await collect(file.body));
}
async function pdf(input: TReportOptionsInput) {
  return pdfText(await collect((await exportReport(t.db, cli, ZReportOptions.parse(input), "pdf")).body));
}

/** The lines of the closing's right-hand column: what follows the last recipient, up to the annex. */
function signatureLines(text: string): string[] {
  const from = text.indexOf("Lưu: VT, PV05.") + "Lưu: VT, PV05.".length;
  const to = text.indexOf("Phụ lục", from);
  return text
    .slice(from, to < 0 ? undefined : to)
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}

function expectInOrder(haystack: string, texts: string[]) {
  let at = 0;
  for (const text of texts) {
    const found = haystack.indexOf(text, at);
    expect(found, `“${text}” after position ${at}`).toBeGreaterThanOrEqual(0);
    at = found + text.length;
  }
}

const squeeze = (s: string) => s.replace(/\s+/g, "");

describe("a report an office can sign", () => {
  it("2026: “năm 2026”, today's commune police, dotted signer lines, every assessment section, plain words", async () => {
    const { text, document } = await word(YEAR_2026);
    expect(text).toContain("an ninh Tổ quốc năm 2026");
    expect(text).toContain("Năm 2026, trên địa bàn");
    expect(text).not.toContain("2026–2026");
    expect(text).not.toMatch(/giai đoạn năm/i);
    expect(text).toContain("- Công an các xã, phường, đặc khu;");
    expect(text).not.toContain("Công an các huyện");
    // Nobody chose a signer: the title and the name are lines to fill, not a made-up name.
    expect(signatureLines(text)).toEqual([DOTS, DOTS]);
    expectInOrder(text, [...NARRATIVE.flatMap((h) => [h, PLACEHOLDER]), "Nơi nhận:"]);
    // The placeholder is printed in italics: visibly not the office's text.
    expect(document).toMatch(/<w:i\/>(?:(?!<\/w:r>).)*\(nội dung do đơn vị soạn\)/s);
    // No application words: the screens' "theo đơn vị hành chính tại thời điểm ghi nhận".
    expect(text).not.toContain("ghi nhận");
  });

  it("2007–2022 of former Quảng Trị issued today: today's police; the recipients follow the date of issue", async () => {
    const { text } = await word(FORMER_QT);
    expect(text).toContain("an ninh Tổ quốc giai đoạn 2007–2022");
    expect(text).toContain("Giai đoạn 2007–2022, trên địa bàn tỉnh Quảng Trị");
    expect(text).toContain("(Địa bàn: Quảng Trị cũ; giai đoạn 2007–2022; số liệu theo đơn vị hành chính cấp xã");
    expect(text).toContain("- Công an các xã, phường, đặc khu;");
    expect(text).not.toContain("Công an các huyện");
    expect(signatureLines(text)).toEqual([DOTS, DOTS]);
    expect(text).not.toContain("ghi nhận");
    // The same report dated the day of the 2023 conference went to the district police of that day;
    // between 01/03/2025 (district police ended) and 01/07/2025, to the commune police of then.
    expect((await word({ ...FORMER_QT, date: "2023-01-31" })).text).toContain(
      "- Công an các huyện, thị xã, thành phố;",
    );
    const spring2025 = (await word({ ...FORMER_QT, date: "2025-04-15" })).text;
    expect(spring2025).toContain("- Công an các xã, phường, thị trấn;");
    expect(spring2025).not.toContain("Công an các huyện");
  });

  it("the PDF says the same: today's police, dotted signer lines, placeholders, period words", async () => {
    const { text } = await pdf(YEAR_2026);
    const flat = squeeze(text);
    expect(flat).toContain(squeeze("Công an các xã, phường, đặc khu;"));
    expect(flat).not.toContain(squeeze("Công an các huyện"));
    expect(text.split(DOTS).length - 1).toBe(2);
    expect(flat.split(squeeze(PLACEHOLDER)).length - 1).toBe(5);
    expect(flat).toContain(squeeze("Năm 2026, trên địa bàn"));
    expect(flat).not.toContain("2026–2026");
    expect(flat).not.toContain(squeeze("ghi nhận"));
  });

  it("prints a draft's signer and text; a section the draft leaves empty keeps its placeholder", async () => {
    const draft = await createCaller(
      createContextInner({ db: t.db, dbKind: t.kind, user: admin }),
    ).reports.drafts.create({
      name: "Tổng kết Gio Linh",
      districtCodes: ["466"],
      signerTitle: "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
      signerName: "Trần Văn B",
      narrative: {
        assessment: "Phong trào được duy trì.",
        shortcomings: "",
        lessons: "",
        directions: "",
        proposals: "",
      },
    });
    const { text } = await word({ districtCodes: ["466"], draftId: draft.id, date: "2026-12-07" });
    expect(signatureLines(text)).toEqual(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Văn B"]);
    expectInOrder(text, [
      "VI. ĐÁNH GIÁ CHUNG",
      "Phong trào được duy trì.",
      "VII. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
      PLACEHOLDER,
    ]);
    expect(text.split(PLACEHOLDER).length - 1).toBe(4);
    // A signer typed in the builder wins over the draft's.
    const typed = await word({ districtCodes: ["466"], draftId: draft.id, signerName: "Lê Thị C", date: "2026-12-07" });
    expect(signatureLines(typed.text)).toEqual(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lê Thị C"]);
  });
});

/** Each heading of the document with the first words of the block it introduces. */
function headingsWithNext(blocks: Block[]): { heading: string; next: string }[] {
  const first = (b: Block | undefined): string =>
    !b
      ? ""
      : b.kind === "table"
        ? (b.rows[0]?.[1] ?? b.headers[1] ?? "")
        : b.kind === "chart"
          ? b.caption.slice(0, 20)
          : b.text.slice(0, 20);
  return blocks.flatMap((b, i) =>
    b.kind === "heading" || b.kind === "subheading" ? [{ heading: b.text, next: first(blocks[i + 1]) }] : [],
  );
}

/** Each heading's page also holds, after it, the first words of the block it introduces. */
function expectHeadingsWithTheirText(doc: TReportDocument, pageTexts: string[], note: unknown = "") {
  const pages = pageTexts.map(squeeze);
  let page = 0;
  for (const { heading, next } of headingsWithNext([...doc.body, ...(doc.annex?.blocks ?? [])])) {
    while (page < pages.length && !pages[page]?.includes(squeeze(heading))) page++;
    expect(page, `${heading} (${note})`).toBeLessThan(pages.length);
    const text = pages[page] ?? "";
    const after = text.indexOf(squeeze(heading)) + squeeze(heading).length;
    expect(text.indexOf(squeeze(next), after), `${heading} → ${next} (${note})`).toBeGreaterThanOrEqual(0);
  }
}

describe("headings keep with their tables (the annex's “10. Huyện Cồn Cỏ (cũ)” was alone at a page foot)", () => {
  it("Word: every heading keeps with the next paragraph, and each table's header and first rows with the rows after", async () => {
    const { document } = await word(FORMER_QT);
    const doc = reportDocument(await buildReportModel(t.db, ZReportOptions.parse(FORMER_QT)));
    const headings = [...doc.body, ...(doc.annex?.blocks ?? [])].filter(
      (b) => b.kind === "heading" || b.kind === "subheading",
    );
    expect(headings.map((h) => h.kind === "subheading" && h.text)).toContain("10. Huyện Cồn Cỏ (cũ)");
    for (const h of headings) {
      if (h.kind !== "heading" && h.kind !== "subheading") continue;
      const at = document.indexOf(`>${h.text}<`);
      expect(at, h.text).toBeGreaterThan(0);
      const paragraph = document.slice(document.lastIndexOf("<w:p>", at), at);
      expect(paragraph, h.text).toContain("<w:keepNext/>");
    }
    // The tables of figures (those with a repeated header row), not the layout of heading and signature.
    const tables = [...document.matchAll(/<w:tbl>(?:(?!<\/w:tbl>).)*<\/w:tbl>/gs)]
      .map((m) => m[0])
      .filter((tbl) => tbl.includes("<w:tblHeader/>"));
    expect(tables.length).toBeGreaterThan(10);
    for (const tbl of tables) {
      const rows = [...tbl.matchAll(/<w:tr>(?:(?!<\/w:tr>).)*<\/w:tr>/gs)].map((m) => m[0]);
      const kept = rows.map((r) => r.split("<w:p>").length - 1 === r.split("<w:keepNext/>").length - 1);
      // The header and the first two rows keep with the next; the last row has nothing to keep with.
      expect(kept.slice(0, Math.min(3, rows.length - 1))).toEqual(Array(Math.min(3, rows.length - 1)).fill(true));
      expect(kept.at(-1)).toBe(false);
    }
  });

  it.each([
    ["2007–2022, former Quảng Trị", FORMER_QT],
    ["2026, the province of today", YEAR_2026],
  ])("PDF %s: every heading is on the page of what it introduces", async (_name, input) => {
    const doc = reportDocument(await buildReportModel(t.db, ZReportOptions.parse(input)));
    expectHeadingsWithTheirText(doc, (await pdf(input)).pageTexts);
  });

  it("PDF: a heading is never left at a page foot, however long the text before it", async () => {
    const base = await buildReportModel(t.db, ZReportOptions.parse({ ...YEAR_2026, sections: ["awards"] }));
    // Each added line moves the headings after it down, across one whole page and more.
    for (let lines = 0; lines <= 40; lines++) {
      const assessment = Array.from({ length: lines }, (_, i) => `Dòng ${i + 1} của phần đánh giá chung.`).join("\n");
      const narrative = {
        assessment,
        shortcomings: "Tồn tại.",
        lessons: "Bài học.",
        directions: "Phương hướng.",
        proposals: "Đề xuất.",
      };
      const model = { ...base, draft: { id: 1, name: "Thử", version: 1, narrative } };
      expectHeadingsWithTheirText(reportDocument(model), (await pdfText(await renderPdf(model))).pageTexts, lines);
    }
  });
});
