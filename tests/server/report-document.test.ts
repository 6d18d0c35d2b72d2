import { todayIso } from "@qt/shared/schemas/common";
import type { Block, TReportDocument } from "@qt/shared/schemas/report-document";
import { type TReportOptionsInput, ZReportOptions } from "@qt/shared/schemas/reports";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import { buildApp } from "../../server/http/app.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { exportReport } from "../../server/services/reports/export.ts";
import { sessionFor } from "../fixtures/sessions.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { collect, docxHeaders, docxImages, docxParts, pdfText } from "./reports-read.ts";

/**
 * The signed report (issue 15 part 3, decision 019): the order of its parts in the Word file and
 * the PDF, Decree 30 page numbers, and the preview being the very document that is downloaded.
 */
let t: TestDb;
let admin: SessionUser;
let viewer: SessionUser;
let draft: { id: number; version: number };
beforeAll(async () => {
  t = await createTestDb("demo");
  admin = await makeUser(t.db, { role: "admin" });
  viewer = await makeUser(t.db, { role: "viewer" });
  draft = await caller(admin).reports.drafts.create({
    name: "Tổng kết Gio Linh",
    districtCodes: ["466"],
    signerTitle: "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
    signerName: "Trần Văn B",
    narrative: {
      assessment: "Phong trào được các cấp ủy quan tâm lãnh đạo.\nNhân dân tích cực tham gia.",
      shortcomings: "Một số mô hình hoạt động chưa đều <b>không phải HTML</b>.",
      lessons: "Phát huy vai trò người có uy tín.",
      directions: "Tiếp tục nhân rộng mô hình camera an ninh.",
      proposals: "Đề nghị UBND tỉnh bố trí kinh phí.",
    },
  });
}, 120_000);
afterAll(() => t.close());

function caller(user: SessionUser) {
  return createCaller(createContextInner({ db: t.db, dbKind: t.kind, user }));
}

const input: TReportOptionsInput = {
  districtCodes: ["466"],
  signerTitle: "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
  signerName: "Trần Văn B",
  documentNumber: "125/BC-CAT",
};
const cli = { user: null, via: "cli" } as const;

/**
 * Every text of the document after its heading, in print order (of tables: the headers, the first
 * row and the totals). The heading's two columns are read in a different order by Word and PDF
 * text extraction; `headingOf` lists them.
 */
function textsOf(doc: TReportDocument): string[] {
  const block = (b: Block): string[] =>
    b.kind === "table"
      ? [...b.headers, ...(b.rows[0] ?? []), ...(b.totals ?? [])].filter((c) => c.length > 2)
      : b.kind === "chart"
        ? [b.caption]
        : [b.text];
  return [
    doc.kind,
    doc.subject,
    doc.scope,
    ...doc.body.flatMap(block),
    ...doc.closing.recipients,
    ...doc.closing.signerTitle,
    doc.closing.signerName,
    ...(doc.annex ? [doc.annex.title, doc.annex.subject, doc.annex.note, ...doc.annex.blocks.flatMap(block)] : []),
  ];
}

const headingOf = (doc: TReportDocument) => Object.values(doc.heading);

/** Asserts each text occurs in `haystack` after the previous one; returns where each was found. */
function expectInOrder(haystack: string, texts: string[]): number[] {
  let at = 0;
  return texts.map((text) => {
    const found = haystack.indexOf(text, at);
    expect(found, `“${text}” after position ${at}`).toBeGreaterThanOrEqual(0);
    at = found + text.length;
    return found;
  });
}

const squeeze = (s: string) => s.replace(/\s+/g, "");

describe("the Word report", () => {
  it("reads heading → title once → figures → narrative → Nơi nhận | signature (one row) → annex", async () => {
    const options = ZReportOptions.parse({ ...input, draftId: draft.id, date: "2023-01-31" });
    const { text, document } = await docxParts(await collect((await exportReport(t.db, cli, options, "docx")).body));
    const [heading, , kind, subject, , figures, narrative, , recipients, signer, name, annex, annexRow] = expectInOrder(
      text,
      [
        "BỘ CÔNG AN",
        "CÔNG AN TỈNH QUẢNG TRỊ",
        "BÁO CÁO",
        "Tổng kết xây dựng, nhân rộng mô hình",
        "Địa bàn: Huyện Gio Linh (cũ); giai đoạn 2007–2022; số liệu theo đơn vị hành chính cấp xã của từng thời kỳ",
        "I. KẾT QUẢ CHUNG",
        "VI. ĐÁNH GIÁ CHUNG",
        "Nhân dân tích cực tham gia.",
        "Nơi nhận:",
        "KT. GIÁM ĐỐC",
        "Trần Văn B",
        "Phụ lục",
        "Xã Gio An",
      ],
    );
    expect([heading, kind, subject, figures, narrative, recipients, signer, name, annex, annexRow].length).toBe(10);
    expectInOrder(text, [
      "VI. ĐÁNH GIÁ CHUNG",
      "VII. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
      "VIII. BÀI HỌC KINH NGHIỆM",
      "IX. PHƯƠNG HƯỚNG, NHIỆM VỤ",
      "X. ĐỀ XUẤT, KIẾN NGHỊ",
      "Đề nghị UBND tỉnh bố trí kinh phí.",
      "Nơi nhận:",
      "PHÓ GIÁM ĐỐC",
      "Phụ lục",
      "SỐ LIỆU THEO ĐỊA BÀN CẤP XÃ",
      "(Kèm theo Báo cáo số 125/BC-CAT ngày 31/01/2023 của CÔNG AN TỈNH QUẢNG TRỊ)",
    ]);
    // The kind is printed once: the subject does not begin with it again.
    expect(text.match(/BÁO CÁO/g)).toHaveLength(1);
    expect(text).not.toMatch(/^Báo cáo tổng kết/m);
    // Markup typed in the narrative is text, escaped in the XML.
    expect(text).toContain("chưa đều <b>không phải HTML</b>.");
    expect(document).toContain("&lt;b&gt;không phải HTML&lt;/b&gt;");
    // The annex starts on a page of its own.
    expect(document).toMatch(/<w:pageBreakBefore\/>(?:(?!<\/w:p>).)*Phụ lục/s);
  });

  it("numbers pages at the top centre from page 2 (a first-page header without a number)", async () => {
    const options = ZReportOptions.parse(input);
    const buf = await collect((await exportReport(t.db, cli, options, "docx")).body);
    const { titlePage, headers } = await docxHeaders(buf);
    expect(titlePage).toBe(true);
    expect(headers.first).toBeDefined();
    expect(headers.first).not.toMatch(/PAGE/);
    expect(headers.default).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(headers.default).toMatch(/<w:jc w:val="center"\/>/);
    const { document } = await docxParts(buf);
    expect(document).not.toContain("footerReference");
  });

  it("prints the narrative's sections without a draft (to be written), leaves the annex out when not chosen; the subject names the years", async () => {
    const options = ZReportOptions.parse({ ...input, fromYear: 2015, toYear: 2018, sections: ["summary", "awards"] });
    const { text } = await docxParts(await collect((await exportReport(t.db, cli, options, "docx")).body));
    expect(text).toContain("an ninh Tổ quốc giai đoạn 2015–2018");
    expect(text).not.toContain("2007–2022");
    expectInOrder(text, [
      "I. KẾT QUẢ CHUNG",
      "II. CÔNG TÁC KHEN THƯỞNG",
      "III. ĐÁNH GIÁ CHUNG",
      "(nội dung do đơn vị soạn)",
      "VII. ĐỀ XUẤT, KIẾN NGHỊ",
      "(nội dung do đơn vị soạn)",
      "Nơi nhận:",
      "Trần Văn B",
    ]);
    expect(text).not.toContain("Phụ lục");
  });
});

describe("the PDF report", () => {
  it("has the Word file's order and its page numbers at the top from page 2", async () => {
    const options = ZReportOptions.parse({ ...input, draftId: draft.id, date: "2023-01-31" });
    const pdf = await pdfText(await collect((await exportReport(t.db, cli, options, "pdf")).body));
    expectInOrder(squeeze(pdf.text), [
      "BỘCÔNGAN",
      "BÁOCÁO",
      "I.KẾTQUẢCHUNG",
      "VI.ĐÁNHGIÁCHUNG",
      "X.ĐỀXUẤT,KIẾNNGHỊ",
      "Nơinhận:",
      "KT.GIÁMĐỐC",
      "TrầnVănB",
      "Phụlục",
      "XãGioAn",
    ]);
    expect(pdf.pages).toBeGreaterThan(2);
    expect(pdf.topMargin[0]).toBe("");
    expect(pdf.topMargin.slice(1)).toEqual(Array.from({ length: pdf.pages - 1 }, (_, i) => String(i + 2)));
    // The annex begins a page: the signature's page does not carry it.
    const signaturePage = pdf.pageTexts.findIndex((p) => squeeze(p).includes("TrầnVănB"));
    const annexPage = pdf.pageTexts.findIndex((p) => squeeze(p).includes("SỐLIỆUTHEOĐỊABÀNCẤPXÃ"));
    expect(annexPage).toBe(signaturePage + 1);
  });
});

describe("the preview is the download", () => {
  it("shows the same date, figures, charts and narrative as the Word file and the PDF", async () => {
    // No date: the server dates the report, and the downloads ask for the preview's date.
    const doc = await caller(viewer).reports.preview({ ...input, draftId: draft.id });
    expect(doc.meta).toEqual({ date: todayIso(), draft: { id: draft.id, version: 1 } });
    const options = ZReportOptions.parse({ ...input, draftId: draft.id, date: doc.meta.date, draftVersion: 1 });
    const docx = await collect((await exportReport(t.db, cli, options, "docx")).body);
    const { text, document } = await docxParts(docx);
    // Every figure's paragraph keeps with the next, its caption: never split across two pages.
    const figures = [...document.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:drawing>/gs)].map((m) => m[0]);
    expect(figures).toHaveLength(3);
    for (const f of figures) expect(f).toContain("<w:keepNext/>");
    const kindAt = text.indexOf(doc.kind);
    for (const line of headingOf(doc)) expect(text.slice(0, kindAt)).toContain(line);
    expectInOrder(text, textsOf(doc));
    // The charts and the map are the very images: the same PNG bytes.
    const charts = doc.body.flatMap((b) => (b.kind === "chart" ? [b.png] : []));
    expect(charts).toHaveLength(3);
    expect((await docxImages(docx)).sort()).toEqual([...charts].sort());
    const pdf = await pdfText(await collect((await exportReport(t.db, cli, options, "pdf")).body));
    const pdfKindAt = squeeze(pdf.text).indexOf(squeeze(doc.kind));
    for (const line of headingOf(doc)) expect(squeeze(pdf.text).slice(0, pdfKindAt)).toContain(squeeze(line));
    expectInOrder(squeeze(pdf.text), textsOf(doc).map(squeeze));
  });

  it("refuses a download of a draft changed since the preview, and a draft of another scope", async () => {
    const current = await caller(admin).reports.drafts.get({ id: draft.id });
    const other = await caller(admin).reports.drafts.create({ name: "Toàn tỉnh", districtCodes: [] });
    const { id, version, districtCodes, narrative } = current;
    await caller(admin).reports.drafts.update({
      id,
      version,
      districtCodes,
      narrative,
      name: "Tổng kết Gio Linh (sửa)",
    });
    const app = await buildApp({ db: t.db, dbKind: t.kind });
    try {
      const cookie = `qt_session=${await sessionFor(t.db, viewer.id)}`;
      const get = (q: string) =>
        app.inject({ method: "GET", url: `/api/reports/summary.docx?districtCodes=466&${q}`, headers: { cookie } });
      const stale = await get(`draftId=${draft.id}&draftVersion=${current.version}`);
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.message).toBe(
        "Bản nháp “Tổng kết Gio Linh (sửa)” đã được sửa sau khi xem trước. Bấm “Xem trước” lại rồi tải về.",
      );
      const elsewhere = await get(`draftId=${other.id}`);
      expect(elsewhere.statusCode).toBe(400);
      expect(elsewhere.json().error.message).toBe(
        "Bản nháp “Toàn tỉnh” được viết cho phạm vi hoặc giai đoạn khác với báo cáo đang chọn.",
      );
      expect((await get(`draftId=${draft.id}&draftVersion=${current.version + 1}`)).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
