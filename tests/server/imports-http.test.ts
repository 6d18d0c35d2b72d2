import { deflateRawSync } from "node:zlib";
import { IMPORT_MAX_BYTES } from "@qt/shared/schemas/imports";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../server/context.ts";
import { buildApp } from "../../server/http/app.ts";
import { createBatch } from "../../server/services/imports/preview.ts";
import type { Tracker } from "../../server/services/imports/progress.ts";
import { sessionFor } from "../fixtures/sessions.ts";
import { makeUser } from "../fixtures/users.ts";
import { entrySetup } from "./helpers/entry.ts";
import { multipart, xlsx } from "./helpers/imports.ts";

/** The import's HTTP routes: upload behind session and CSRF guard, every bad input, errors file, template. */
let s: Awaited<ReturnType<typeof entrySetup>>;
let app: Awaited<ReturnType<typeof buildApp>>;
let editor: SessionUser;
let cookie: string;
beforeAll(async () => {
  s = await entrySetup();
  app = await buildApp({ db: s.t.db, dbKind: s.t.kind });
  editor = await makeUser(s.t.db, { role: "editor" });
  cookie = `qt_session=${await sessionFor(s.t.db, editor.id)}`;
}, 60_000);
afterAll(async () => {
  await app.close();
  await s.t.close();
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

/** A one-entry zip whose entry inflates to `size` zero bytes (a zip bomb when large), CRC left 0. */
function zipOf(name: string, size: number): Buffer {
  const data = deflateRawSync(Buffer.alloc(size));
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(n.length, 28);
  central.writeUInt32LE(0, 42);
  const cdStart = local.length + n.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + n.length, 12);
  end.writeUInt32LE(cdStart, 16);
  return Buffer.concat([local, n, data, central, n, end]);
}

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
      () => zipOf("xl/worksheets/sheet1.xml", 64 * 1024 * 1024),
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
      "Huyện/TX/TP",
      "Xã, phường, thị trấn",
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
    // Another editor's commit of this batch is refused: their own job ends failed, the owner's stays done.
    const refused = await app.inject({
      method: "POST",
      url: "/api/trpc/imports.commit",
      payload: { batchId, skipErrors: true },
      headers: { cookie: other, "x-qt-client": "1" },
    });
    expect(refused.statusCode).toBe(403);
    expect((await poll(`batch=${batchId}`, other)).json()).toEqual({ phase: "failed", processed: 0, total: null });
    expect((await poll(`batch=${batchId}`)).json()).toEqual({ phase: "done", processed: 1, total: 1 });
  });
});
