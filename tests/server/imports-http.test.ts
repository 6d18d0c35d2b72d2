import { IMPORT_MAX_BYTES } from "@qt/shared/schemas/imports";
import type { TRPCError } from "@trpc/server";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import { buildApp } from "../../server/http/app.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { createBatch } from "../../server/services/imports/preview.ts";
import { MAX_JOBS_PER_SESSION, type Tracker, track, uploadKey } from "../../server/services/imports/progress.ts";
import { sessionFor } from "../fixtures/sessions.ts";
import { makeUser } from "../fixtures/users.ts";
import { entryFile } from "./helpers/entry.ts";
import { multipart, xlsx } from "./helpers/imports.ts";
import { sheetXml, workbookParts, zip } from "./helpers/zip.ts";

/** The import's HTTP routes: upload behind session and CSRF guard, every bad input, errors file, template. */
const s = entryFile();
let app: Awaited<ReturnType<typeof buildApp>>;
let editor: SessionUser;
let cookie: string;
beforeAll(async () => {
  app = await buildApp({ db: s.t.db, dbKind: s.t.kind });
  editor = await makeUser(s.t.db, { role: "editor" });
  cookie = `qt_session=${await sessionFor(s.t.db, editor.id)}`;
}, 60_000);
afterAll(async () => {
  await app.close();
});

const CLAN = "Dòng họ không có tội phạm";

async function post(
  bytes: Buffer | null,
  opts: { kind?: string; cookie?: string; guard?: boolean; name?: string; progressId?: string } = {},
) {
  const fields = { kind: opts.kind ?? "sites", ...(opts.progressId ? { progressId: opts.progressId } : {}) };
  const body = multipart(fields, bytes ? { name: opts.name ?? "ds.xlsx", bytes } : undefined);
  return app.inject({
    method: "POST",
    url: "/api/imports",
    payload: body.payload,
    headers: {
      "content-type": body.contentType,
      ...(opts.cookie === undefined ? { cookie } : opts.cookie ? { cookie: opts.cookie } : {}),
      ...(opts.guard === false ? {} : { "x-qt-client": "1" }),
    },
  });
}

/** What a refused upload must leave unchanged: batches, records, audit. */
const written = async () => ({ batches: await s.t.db.importBatch.count(), ...(await s.counts()) });

const goodFile = () =>
  xlsx([
    ["Loại mô hình", "Tên điểm mô hình", "Xã", "Huyện", "Ngày thành lập", "Số hộ"],
    [CLAN, "Dòng họ Mai", "Hải Ba", "Hải Lăng", "01/02/2020", { formula: "10+5", result: 15 }],
    [CLAN, "Dòng họ Đào", "Hải Ba", "Hải Lăng", "02/02/2020", { formula: "SUM(Z1:Z2)" }],
    [CLAN, '=HYPERLINK("http://x")', "Hải Baa", "Hải Lăng", "03/02/2020", 4],
  ]);

describe("POST /api/imports", () => {
  it("reads an upload into a preview: a formula's cached value is used, one without value is that cell's error", async () => {
    const res = await post(await goodFile());
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ kind: "sites", total: 3, ready: 1, errorRows: 2 });
    expect(p.errors.map((e: { message: string }) => e.message)).toEqual([
      "Dòng 3: ô F3 là công thức chưa có giá trị (hãy mở tệp trong Excel và lưu lại).",
      "Dòng 4: không tìm thấy xã 'Hải Baa' ở Huyện Hải Lăng — có phải 'Xã Hải Ba'?",
    ]);
  });

  it("refuses without the CSRF header, without a session, and for a viewer; nothing is written", async () => {
    const before = await written();
    const file = await goodFile();
    expect((await post(file, { guard: false })).statusCode).toBe(403);
    const anon = await post(file, { cookie: "" });
    expect([anon.statusCode, anon.json().error.message]).toEqual([401, "Vui lòng đăng nhập."]);
    const viewer = `qt_session=${await sessionFor(s.t.db, s.users.viewer.id)}`;
    const v = await post(file, { cookie: viewer });
    expect([v.statusCode, v.json().error.message]).toEqual([
      403,
      "Tài khoản của bạn chỉ được xem, không được sửa dữ liệu.",
    ]);
    expect(await written()).toEqual(before);
  });

  it("refuses an approver exactly like a viewer: upload and errors file, by the route and by the service", async () => {
    const approver = await makeUser(s.t.db, { role: "approver" });
    const before = await written();
    const a = await post(await goodFile(), { cookie: `qt_session=${await sessionFor(s.t.db, approver.id)}` });
    const refusal = "Tài khoản lãnh đạo phê duyệt chỉ xem và phê duyệt số liệu, không sửa dữ liệu.";
    expect([a.statusCode, a.json().error.message]).toEqual([403, refusal]);
    await expect(
      createBatch(s.t.db, { kind: "sites", fileName: "x.xlsx", bytes: await goodFile() }, approver, "vi"),
    ).rejects.toMatchObject({ kind: "forbidden", message: refusal });
    expect(await written()).toEqual(before);
    const { batchId } = (await post(await goodFile())).json();
    const errors = await app.inject({
      method: "GET",
      url: `/api/imports/${batchId}/errors.xlsx`,
      headers: { cookie: `qt_session=${await sessionFor(s.t.db, approver.id)}` },
    });
    expect([errors.statusCode, errors.json().error.message]).toEqual([403, refusal]);
  });

  const badInputs: [string, () => Promise<Buffer> | Buffer, number, string, string?][] = [
    [
      "not a spreadsheet",
      () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]),
      400,
      "Tệp không phải bảng tính Excel (.xlsx) hoặc CSV.",
    ],
    [
      "encrypted",
      () =>
        Buffer.concat([
          Buffer.from("d0cf11e0a1b11ae1", "hex"),
          Buffer.alloc(512),
          Buffer.from("EncryptedPackage", "utf16le"),
        ]),
      400,
      "Tệp được bảo vệ bằng mật khẩu: hãy bỏ mật khẩu rồi tải lên lại.",
    ],
    ["over the size limit", () => Buffer.alloc(IMPORT_MAX_BYTES + 1, 0x41), 413, "Tệp quá lớn: tối đa 20 MB."],
    [
      "without a recognisable header",
      () => xlsx([["Báo cáo"], ["a", "b", "c"], [1, 2, 3]]),
      400,
      'Không tìm thấy dòng tiêu đề (ví dụ: "Tên mô hình", "Xã, phường, thị trấn", "Năm thành lập") trong 30 dòng đầu.',
    ],
    [
      "a zip bomb",
      // A workbook whose sheet unpacks to 30 MB of empty rows from 30 KB (real sheets: 10–20×).
      () => zip(workbookParts(sheetXml("<row/>".repeat(5_000_000)))),
      400,
      "Tệp giải nén ra quá lớn so với dữ liệu thật (có thể là tệp độc hại): không đọc.",
    ],
    ["a damaged zip", () => Buffer.from("PK\u0003\u0004garbage"), 400, "Tệp bị hỏng, không đọc được."],
    [
      "of an unknown kind",
      () => xlsx([["a"]]),
      400,
      "Vui lòng chọn loại dữ liệu: điểm mô hình, camera hoặc khen thưởng.",
      "people",
    ],
  ];
  for (const [what, make, status, text, kind] of badInputs) {
    it(`refuses a file ${what} with a clear message and writes nothing`, async () => {
      const before = await written();
      const res = await post(await make(), kind ? { kind } : {});
      expect(res.statusCode).toBe(status);
      expect(res.json().error.message).toBe(text);
      expect(await written()).toEqual(before);
    });
  }

  it("answers in English when the user chose English", async () => {
    const body = multipart({ kind: "sites" }, { name: "x.png", bytes: Buffer.from([0x89, 0x50, 1, 2]) });
    const res = await app.inject({
      method: "POST",
      url: "/api/imports",
      payload: body.payload,
      headers: { "content-type": body.contentType, cookie, "x-qt-client": "1", "x-qt-locale": "en" },
    });
    expect(res.json().error.message).toBe("The file is not an Excel (.xlsx) or CSV spreadsheet.");
  });
});

describe("files for the user", () => {
  it("gives the rows in error back as Excel with an error column; text that looks like a formula stays text", async () => {
    const p = (await post(await goodFile())).json();
    const res = await app.inject({ method: "GET", url: `/api/imports/${p.batchId}/errors.xlsx`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error("no sheet");
    expect(ws.getRow(1).values).toEqual([
      undefined,
      "Loại mô hình",
      "Tên điểm mô hình",
      "Xã",
      "Huyện",
      "Ngày thành lập",
      "Số hộ",
      "Lỗi",
    ]);
    expect(ws.rowCount).toBe(3);
    const injected = ws.getCell("B3");
    expect(injected.type).toBe(ExcelJS.ValueType.String);
    expect(injected.value).toBe('=HYPERLINK("http://x")');
    expect(ws.getCell("G3").value).toContain("Dòng 4: không tìm thấy xã 'Hải Baa'");
    const other = `qt_session=${await sessionFor(s.t.db, s.users.province.id)}`;
    const refused = await app.inject({
      method: "GET",
      url: `/api/imports/${p.batchId}/errors.xlsx`,
      headers: { cookie: other },
    });
    expect(refused.statusCode).toBe(403);
  });

  it("gives a template per kind with drop-down lists; filled as given it imports", async () => {
    const res = await app.inject({ method: "GET", url: "/api/imports/template.xlsx?kind=sites", headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Dữ liệu");
    if (!ws) throw new Error("no sheet");
    expect((ws.getRow(1).values as string[]).slice(1, 4)).toEqual([
      "Loại mô hình",
      "Huyện, thị xã, thành phố",
      "Địa bàn cấp xã",
    ]);
    expect(ws.getCell("C2").dataValidation).toMatchObject({ type: "list" });
    // The example row is marked as one and skipped: left in the file it imports nothing.
    expect(ws.getRow(2).getCell(ws.getRow(1).cellCount + 1).value).toBe("VÍ DỤ — xóa dòng này");
    expect((await post(res.rawPayload)).json()).toMatchObject({ total: 0 });
    // Filled in as the example shows (mark removed), the same row imports.
    ws.getRow(2).getCell(ws.getRow(1).cellCount + 1).value = null;
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const p = (await post(filled)).json();
    expect(p).toMatchObject({ total: 1, ready: 1, errorRows: 0 });
    const bad = await app.inject({ method: "GET", url: "/api/imports/template.xlsx?kind=x", headers: { cookie } });
    expect(bad.statusCode).toBe(400);
  });
});

describe("progress of a long upload and commit", () => {
  const poll = (query: string, who = cookie) =>
    app.inject({ method: "GET", url: `/api/imports/progress?${query}`, headers: { cookie: who } });

  it("reports each phase with its row counts while the work runs", async () => {
    const seen: string[] = [];
    const recorder: Tracker = { set: (phase, n, total) => void seen.push(`${phase} ${n}/${total}`), end: () => {} };
    const file = { kind: "sites" as const, fileName: "x.xlsx", bytes: await goodFile() };
    await createBatch(s.t.db, file, editor, "vi", recorder);
    expect(seen).toEqual(["checking 0/3", "checking 3/3", "saving 0/3"]);
  });

  it("answers the session that started an upload or a commit, and nobody else", async () => {
    const progressId = "abcdefgh-12345678";
    const res = await post(await goodFile(), { progressId });
    expect(res.statusCode).toBe(200);
    const up = await poll(`upload=${progressId}`);
    expect([up.statusCode, up.json()]).toEqual([200, { phase: "done", processed: 3, total: 3 }]);
    const other = `qt_session=${await sessionFor(s.t.db, s.users.province.id)}`;
    expect((await poll(`upload=${progressId}`, other)).statusCode).toBe(404);
    expect((await poll("upload=unknown-id-0000000000")).json().error.message).toBe(
      "Không có lần nhập nào đang chạy với mã này.",
    );
    expect((await post(await goodFile(), { progressId: "short" })).statusCode).toBe(400);

    const { batchId } = res.json();
    const commit = await app.inject({
      method: "POST",
      url: "/api/trpc/imports.commit",
      payload: { batchId, skipErrors: true },
      headers: { cookie, "x-qt-client": "1" },
    });
    expect(commit.statusCode).toBe(200);
    const c = await poll(`batch=${batchId}`);
    expect([c.statusCode, c.json()]).toEqual([200, { phase: "done", processed: 1, total: 1 }]);
    expect((await poll(`batch=${batchId}`, other)).statusCode).toBe(404);
    // Another editor's commit of this batch is refused before any job starts: nothing to poll for
    // them, and the owner's stays done.
    const refused = await app.inject({
      method: "POST",
      url: "/api/trpc/imports.commit",
      payload: { batchId, skipErrors: true },
      headers: { cookie: other, "x-qt-client": "1" },
    });
    expect(refused.statusCode).toBe(403);
    expect((await poll(`batch=${batchId}`, other)).statusCode).toBe(404);
    expect((await poll(`batch=${batchId}`)).json()).toEqual({ phase: "done", processed: 1, total: 1 });
  });

  it("starts jobs only for the caller's own batches, a few per session: nobody can wipe another's progress bar", async () => {
    const progressId = "owner-upload-000001";
    const { batchId } = (await post(await goodFile(), { progressId })).json();
    const committed = await app.inject({
      method: "POST",
      url: "/api/trpc/imports.commit",
      payload: { batchId, skipErrors: true },
      headers: { cookie, "x-qt-client": "1" },
    });
    expect(committed.statusCode).toBe(200);
    const mine = async () => [(await poll(`upload=${progressId}`)).json(), (await poll(`batch=${batchId}`)).json()];
    const done = await mine();
    expect(done.map((job) => job.phase)).toEqual(["done", "done"]);
    // Another user sends a thousand commits of batches that do not exist, and one of the owner's.
    const token = await sessionFor(s.t.db, s.users.province.id);
    const other = createCaller(
      createContextInner({ db: s.t.db, user: s.users.province, meta: { sessionToken: token } }),
    );
    const refusals = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        other.imports.commit({ batchId: 2_000_000 + i, skipErrors: true }).then(
          () => "written",
          (e: TRPCError) => e.code,
        ),
      ),
    );
    expect(new Set(refusals)).toEqual(new Set(["NOT_FOUND"]));
    await expect(other.imports.commit({ batchId, skipErrors: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await mine()).toEqual(done);
    expect((await poll("batch=2000000", `qt_session=${token}`)).statusCode).toBe(404);
    // A session that starts many jobs of its own drops only its own oldest.
    for (let i = 0; i < MAX_JOBS_PER_SESSION + 4; i++) {
      await track({ db: s.t.db, dbKind: s.t.kind }, uploadKey(`other-upload-${1000 + i}-xx`), token);
    }
    const others = await Promise.all(
      Array.from(
        { length: MAX_JOBS_PER_SESSION + 4 },
        async (_, i) => (await poll(`upload=other-upload-${1000 + i}-xx`, `qt_session=${token}`)).statusCode,
      ),
    );
    expect(others).toEqual([...Array(4).fill(404), ...Array(MAX_JOBS_PER_SESSION).fill(200)]);
    expect(await mine()).toEqual(done);
  });
});
