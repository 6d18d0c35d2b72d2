import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import { buildApp } from "../../server/http/app.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { sessionFor } from "../fixtures/sessions.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { docxParts, readXlsx } from "./reports-read.ts";

let t: TestDb;
let app: Awaited<ReturnType<typeof buildApp>>;
let viewer: SessionUser;
let cookie: string;
beforeAll(async () => {
  t = await createTestDb("demo");
  app = await buildApp({ db: t.db, dbKind: t.kind });
  viewer = await makeUser(t.db, { role: "viewer" });
  cookie = `qt_session=${await sessionFor(t.db, viewer.id)}`;
}, 120_000);
afterAll(async () => {
  await app.close();
  await t.close();
});

const get = (url: string, headers: Record<string, string> = { cookie }) => app.inject({ method: "GET", url, headers });

describe("GET /api/reports/…", () => {
  it("refuses a visitor without a session: 401 with a Vietnamese message", async () => {
    const res = await get("/api/reports/summary.docx", {});
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: "UNAUTHORIZED", message: "Vui lòng đăng nhập để tải báo cáo." } });
  });

  it("sends the Word report of one district with its type and a Vietnamese file name, and audits it", async () => {
    const res = await get(
      "/api/reports/summary.docx?fromYear=2007&toYear=2022&districtCode=470&signerName=Nguy%E1%BB%85n%20V%C4%83n%20A",
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const disposition = String(res.headers["content-disposition"]);
    // The demo records of this database show in the name too (decision 023).
    expect(disposition).toContain('filename="bao-cao-2007-2022-huyen-hai-lang-co-so-lieu-minh-hoa.docx"');
    expect(disposition).toContain(
      `filename*=UTF-8''${encodeURIComponent("Báo cáo 2007-2022 - Huyện Hải Lăng - có số liệu minh họa.docx")}`,
    );
    const { text } = await docxParts(res.rawPayload);
    expect(text).toContain("Nguyễn Văn A");
    expect(text).toContain("Huyện Hải Lăng");
    const entry = await t.db.auditEntry.findFirst({
      where: { action: "export", entity: "report", entityId: "summary.docx" },
      select: { userId: true, username: true, after: true },
    });
    expect(entry).toMatchObject({
      userId: viewer.id,
      username: viewer.username,
      after: { fromYear: 2007, toYear: 2022, districtCodes: ["470"], via: "http" },
    });
  });

  it("streams the Excel workbook and the CSV tables", async () => {
    const xlsx = await get("/api/reports/summary.xlsx?districtCodes=470,466");
    expect(xlsx.statusCode).toBe(200);
    const wb = await readXlsx(xlsx.rawPayload);
    expect(wb.worksheets).toHaveLength(6);
    for (const table of ["sites", "cameras", "awards", "areas", "districts"]) {
      const res = await get(`/api/reports/${table}.csv?fromYear=2007&toYear=2022`);
      expect(res.statusCode, table).toBe(200);
      expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
      expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    }
    const areas = await get("/api/reports/areas.csv");
    // A header, the 126 areas before 01/07/2025 and the 37 communes of that date.
    expect(areas.body.trimEnd().split("\r\n")).toHaveLength(1 + 126 + 37);
  });

  it.each([
    ["fromYear=abc", "Năm phải là một số"],
    ["fromYear=2022&toYear=2007", "Năm bắt đầu phải nhỏ hơn hoặc bằng năm kết thúc"],
    ["districtCode=999", "Không tìm thấy huyện, thị xã, thành phố có mã 999."],
    ["districtCode=x1", "Mã đơn vị hành chính (mã GSO) không hợp lệ"],
    ["sections=summary,gossip", "Mục báo cáo không hợp lệ"],
    ["date=31/01/2023", "Ngày ban hành phải có dạng yyyy-mm-dd"],
    ["colour=red", "Tham số báo cáo không được hỗ trợ: colour"],
  ])("answers 400 with a clear message for bad parameters (%s) and writes nothing", async (query, message) => {
    const before = await t.db.auditEntry.count();
    const res = await get(`/api/reports/summary.pdf?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("BAD_REQUEST");
    expect(res.json().error.message).toBe(message);
    expect(await t.db.auditEntry.count()).toBe(before);
  });

  it("answers 404 for a report that does not exist", async () => {
    expect((await get("/api/reports/users.csv")).statusCode).toBe(404);
    expect((await get("/api/reports/summary.odt")).statusCode).toBe(404);
  });
});

describe("reports.preview", () => {
  it("returns the printed document to a viewer and refuses a visitor", async () => {
    const preview = await createCaller(createContextInner({ db: t.db, dbKind: t.kind, user: viewer })).reports.preview({
      districtCodes: ["470"],
    });
    const summary = await createCaller(
      createContextInner({ db: t.db, dbKind: t.kind, user: viewer }),
    ).dashboard.summary({
      fromYear: 2007,
      toYear: 2022,
      districtCode: "470",
    });
    const firstTable = preview.body.find((b) => b.kind === "table");
    expect(firstTable?.kind === "table" && firstTable.rows[0]?.[2]).toBe(summary.siteCount.toLocaleString("vi-VN"));
    expect(preview.scope).toBe("(Phạm vi: Huyện Hải Lăng; giai đoạn 2007–2022)");
    await expect(
      createCaller(createContextInner({ db: t.db, dbKind: t.kind })).reports.preview({}),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
