import { describe, expect, it } from "vitest";
import type { SessionUser } from "../../server/context.ts";
import { createBatch } from "../../server/services/imports/preview.ts";
import { HAI_AN, HAI_LANG } from "../fixtures/units.ts";
import { makeUser } from "../fixtures/users.ts";
import { setApproval } from "./helpers/approvals.ts";
import { CLAN, entryFile, expectTrpcError } from "./helpers/entry.ts";
import { xlsx } from "./helpers/imports.ts";

/**
 * Spreadsheet import (issue 12) through its service and procedures on a real database: messy
 * layouts, matching, preview states, commit once, re-import, undo, roles and scopes.
 */
const s = entryFile();

const INJECTION = "=cmd|' /C calc'!A0";

/** A sites list as a district police office keeps it: title rows, merged title, numbering row, total row. */
function messySites() {
  return xlsx(
    [
      ["DANH SÁCH MÔ HÌNH DÒNG HỌ KHÔNG CÓ TỘI PHẠM"],
      ["Công an huyện Hải Lăng"],
      ["(Tính đến ngày 31/12/2022)"],
      [],
      [
        "STT",
        "Tên mô hình",
        "Loại mô hình",
        "Xã, phường, thị trấn",
        "Huyện/TX/TP",
        "Năm thành lập",
        "Số hộ",
        "Ghi chú",
      ],
      ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"],
      [1, "Dòng họ Lê", CLAN, "Hải An", "Hải Lăng", new Date(Date.UTC(2015, 2, 15)), "1.131", INJECTION],
      [2, "Dòng họ Nguyễn", CLAN, "Phường 1", "Đông Hà", "15/03/2015", 45, null],
      [3, "Dòng họ Trần", CLAN, "P. 1", "TX Quảng Trị", "15-3-2015", 30, null],
      [4, "Dòng họ Phan", CLAN, "Hải Ann", "Hải Lăng", 2016, 20, null],
      [5, "Dòng họ Hồ", CLAN, "TT. Khe Sanh", "Hướng Hóa", "2016", 20, null],
      [6, "Dòng họ Lê", CLAN, "Xã Hải An", "Hải Lăng", "15/03/2015", 12, null],
      [7, "Dòng họ Võ", "Mô hình xyz", "Hải Ba", "Hải Lăng", "2017", 5, null],
      ["Tổng cộng", null, null, null, null, null, 1263, null],
    ],
    { merges: ["A1:H1", "A2:H2"], dateCells: ["F7"] },
  );
}

const upload = async (user: SessionUser, bytes: Buffer, kind: "sites" | "cameras" | "awards" = "sites") =>
  createBatch(s.t.db, { kind, fileName: "danh-sach.xlsx", bytes }, user, "vi");

const rowsOf = async (user: SessionUser, batchId: number, state?: "ready" | "duplicate" | "error") =>
  (await s.caller(user).imports.rows({ batchId, state, pageSize: 200 })).items;

describe("a messy sites list", () => {
  it("finds the header under title rows, maps the columns, and judges every row with the sheet's row numbers", async () => {
    const p = await upload(s.users.province, await messySites());
    expect(p.headerRow).toBe(5);
    expect(p.columns.map((c) => c.field)).toEqual([
      null,
      "name",
      "modelType",
      "area",
      "district",
      "establishedOn",
      "households",
      "notes",
    ]);
    expect(p).toMatchObject({ status: "preview", total: 7, ready: 4, duplicates: 1, errorRows: 2, yearOnly: 3 });
    expect(p.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [10, "D", "Dòng 10: không tìm thấy xã 'Hải Ann' ở Huyện Hải Lăng — có phải 'Xã Hải An'?"],
      [13, "C", "Dòng 13: không có loại mô hình 'Mô hình xyz'"],
    ]);
    const dup = await rowsOf(s.users.province, p.batchId, "duplicate");
    expect(dup.map((r) => [r.row, r.issues[0]?.message])).toEqual([[12, "Dòng 12: trùng với dòng 7 của tệp."]]);
    const ready = await rowsOf(s.users.province, p.batchId, "ready");
    expect(ready.map((r) => [r.row, r.yearOnly])).toEqual([
      [7, false],
      [8, false],
      [9, false],
      [11, true],
    ]);
    // The cell that looks like a formula is shown as the text it is.
    expect(ready[0]?.cells[7]).toBe(INJECTION);
  });

  it("says the same in English when the user chose English", async () => {
    const p = await createBatch(
      s.t.db,
      { kind: "sites", fileName: "x.xlsx", bytes: await messySites() },
      s.users.province,
      "en",
    );
    expect(p.errors[0]?.message).toBe(
      "Row 10: no commune 'Hải Ann' found in Huyện Hải Lăng — did you mean 'Xã Hải An'?",
    );
  });

  it("commits once: all-or-nothing refuses rows in error, skipErrors writes the ready rows with audit entries naming the import", async () => {
    const p = await upload(s.users.province, await messySites());
    const before = await s.counts();
    const api = s.caller(s.users.province).imports;
    await expectTrpcError(
      api.commit({ batchId: p.batchId, skipErrors: false }),
      "BAD_REQUEST",
      "Còn 2 dòng lỗi: hãy sửa, hoặc chọn chỉ nhập các dòng hợp lệ.",
    );
    expect(await s.counts()).toEqual(before);
    expect(await api.commit({ batchId: p.batchId, skipErrors: true })).toEqual({ created: 4, skipped: 3 });
    await expectTrpcError(api.commit({ batchId: p.batchId, skipErrors: true }), "CONFLICT");
    const ready = await rowsOf(s.users.province, p.batchId, "ready");
    const ids = ready.map((r) => r.recordId as number);
    const sites = await Promise.all(ids.map((id) => s.caller(s.users.province).sites.get({ id })));
    expect(sites.map((x) => [x.name, x.areaName, x.districtName, x.establishedOn, x.households])).toEqual([
      ["Dòng họ Lê", "Xã Hải An", "Huyện Hải Lăng", "2015-03-15", 1131],
      ["Dòng họ Nguyễn", "Phường 1", "Thành phố Đông Hà", "2015-03-15", 45],
      ["Dòng họ Trần", "Phường 1", "Thị xã Quảng Trị", "2015-03-15", 30],
      ["Dòng họ Hồ", "Thị trấn Khe Sanh", "Huyện Hướng Hóa", "2016-01-01", 20],
    ]);
    expect(sites[0]?.notes).toBe(INJECTION);
    const audit = await s.t.db.auditEntry.findFirstOrThrow({ where: { entity: "site", entityId: String(ids[0]) } });
    expect(audit.action).toBe("create");
    expect(audit.after).toMatchObject({ importBatchId: p.batchId, name: "Dòng họ Lê" });

    // The same file again creates nothing twice.
    const again = await upload(s.users.province, await messySites());
    expect(again).toMatchObject({ ready: 0, duplicates: 5, errorRows: 2 });
    expect(await api.commit({ batchId: again.batchId, skipErrors: true })).toEqual({ created: 0, skipped: 7 });

    // Undo: the record someone edited is kept, the others are removed with the reason.
    const edited = sites[1];
    if (!edited) throw new Error("no site");
    await s.caller(s.users.admin).sites.update({ id: edited.id, version: edited.version, households: 50 });
    const other = await makeUser(s.t.db, { role: "editor" });
    await expectTrpcError(
      s.caller(other).imports.undo({ batchId: p.batchId, reason: "Nhập nhầm tệp" }),
      "FORBIDDEN",
      "Bạn chỉ được thao tác trên lần nhập của chính mình.",
    );
    const undo = await api.undo({ batchId: p.batchId, reason: "Nhập nhầm tệp" });
    expect(undo.removed).toBe(3);
    expect(undo.kept).toEqual([
      { id: edited.id, key: "import.keptEdited", params: {}, message: "Đã được sửa sau khi nhập, giữ lại." },
    ]);
    const removed = await s.t.db.site.findUniqueOrThrow({ where: { id: ids[0] } });
    expect(removed.deleteReason).toBe("Nhập nhầm tệp");
    expect(removed.deletedAt).not.toBeNull();
    await expectTrpcError(api.undo({ batchId: p.batchId, reason: "Lần nữa" }), "CONFLICT");
    const history = await api.list({ page: 1, pageSize: 10 });
    expect(history.items.find((b) => b.batchId === p.batchId)).toMatchObject({
      status: "undone",
      created: 4,
      removed: 3,
      undoReason: "Nhập nhầm tệp",
      recordIds: ids,
    });
  });

  it("changes the mapping on screen: every row is read again; a bad mapping is refused", async () => {
    const p = await upload(s.users.province, await messySites());
    const api = s.caller(s.users.province).imports;
    const mapping = p.columns.map((c) => c.field);
    // Ignoring the district column: "Phường 1" then names two units and the row cannot tell which.
    const remapped = await api.remap({
      batchId: p.batchId,
      mapping: mapping.map((f) => (f === "district" ? null : f)),
    });
    const errors = remapped.errors.map((e) => e.message);
    expect(errors).toContain(
      "Dòng 8: có nhiều đơn vị tên 'Phường 1' (Phường 1 (Thành phố Đông Hà); Phường 1 (Thị xã Quảng Trị)): hãy ghi huyện.",
    );
    await expectTrpcError(
      api.remap({ batchId: p.batchId, mapping: mapping.map((f) => (f === "notes" ? "name" : f)) }),
      "BAD_REQUEST",
      'Trường "name" được ghép với hai cột.',
    );
    await expectTrpcError(api.remap({ batchId: p.batchId, mapping: [null] }), "BAD_REQUEST");
    const back = await api.remap({ batchId: p.batchId, mapping });
    // The earlier test's import was undone but for one edited site: that one is still a duplicate.
    expect(back).toMatchObject({ ready: 3, duplicates: 2, errorRows: 2 });
  });
});

describe("names as people write them", () => {
  it("takes old spellings, codes instead of names, and says when a commune did not exist on the day", async () => {
    const csv = [
      "Loại mô hình;Tên điểm;Xã;Huyện;Ngày thành lập",
      `${CLAN};Dòng họ Hồ Văn;Xã Đakrông;Đakrông;01/06/2018`,
      `${CLAN};Dòng họ Lê Văn;${HAI_AN};;01/06/2018`,
      `${CLAN};Dòng họ Trương;Gio Châu;Gio Linh;01/03/2025`,
      `clan-no-crime;Dòng họ Phạm;TT Krông Klang;H. Đa Krông;2019`,
    ].join("\n");
    const p = await upload(s.users.province, Buffer.from(csv, "utf8"));
    const rows = await rowsOf(s.users.province, p.batchId);
    expect(rows.map((r) => [r.row, r.state])).toEqual([
      [2, "ready"],
      [3, "ready"],
      [4, "error"],
      [5, "ready"],
    ]);
    expect(rows[2]?.issues[0]?.message).toBe(
      "Dòng 4: 'Gio Châu' không còn (hoặc chưa có) vào ngày 01/03/2025 — có phải 'Xã Gio Linh'?",
    );
  });
});

describe("an unknown model type", () => {
  it("lets an admin create it from the preview: audited by the catalogue, the batch read again", async () => {
    const csv = [
      "Loại mô hình;Tên điểm;Xã;Huyện;Ngày thành lập",
      `Mô hình cụm dân cư tự quản;Cụm Bắc;${HAI_AN};${HAI_LANG};01/06/2018`,
      `${CLAN};Dòng họ Đinh;${HAI_AN};${HAI_LANG};01/06/2018`,
    ].join("\n");
    const p = await upload(s.users.admin, Buffer.from(csv, "utf8"));
    expect(p).toMatchObject({ ready: 1, errorRows: 1 });
    expect(p.errors[0]?.message).toMatch(/^Dòng 2: không có loại mô hình 'Mô hình cụm dân cư tự quản'/);
    const api = s.caller(s.users.admin).imports;
    const type = { code: "cum-tu-quan", name: "Mô hình cụm dân cư tự quản", category: "clan" as const };
    // Another kind of list has no model type; nothing is created.
    const cameras = await upload(
      s.users.admin,
      Buffer.from("Xã;Huyện;Ngày lắp đặt;Số mắt camera\nHải Ba;Hải Lăng;2020;2", "utf8"),
      "cameras",
    );
    const before = await s.counts();
    await expectTrpcError(api.createModelType({ batchId: cameras.batchId, ...type }), "BAD_REQUEST");
    expect(await s.counts()).toEqual(before);

    const after = await api.createModelType({ batchId: p.batchId, ...type });
    expect(after).toMatchObject({ batchId: p.batchId, status: "preview", ready: 2, errorRows: 0, errors: [] });
    const created = await s.t.db.modelType.findUniqueOrThrow({ where: { code: type.code } });
    expect(created).toMatchObject({ name: type.name, category: "clan" });
    const audit = await s.t.db.auditEntry.findMany({ where: { entity: "model_type", entityId: String(created.id) } });
    expect(audit.map((a) => [a.action, a.userId])).toEqual([["create", s.users.admin.id]]);
    // The same code again is the catalogue's own refusal; a committed batch takes no new type.
    await expectTrpcError(api.createModelType({ batchId: p.batchId, ...type }), "BAD_REQUEST");
    expect(await api.commit({ batchId: p.batchId, skipErrors: false })).toEqual({ created: 2, skipped: 0 });
    const types = await s.t.db.modelType.count();
    await expectTrpcError(
      api.createModelType({ batchId: p.batchId, ...type, code: "khac-1", name: "Khác 1" }),
      "CONFLICT",
    );
    expect(await s.t.db.modelType.count()).toBe(types);
  });
});

describe("roles and scopes", () => {
  it("refuses viewers every import procedure", async () => {
    await expectTrpcError(s.caller(s.users.viewer).imports.list({ page: 1, pageSize: 10 }), "FORBIDDEN");
    await expectTrpcError(s.caller(s.users.viewer).imports.commit({ batchId: 1, skipErrors: true }), "FORBIDDEN");
  });

  it("writes a district editor's rows inside the district only", async () => {
    const rows = [
      ["Loại mô hình", "Tên điểm mô hình", "Xã", "Huyện", "Ngày thành lập"],
      [CLAN, "Dòng họ Đặng", HAI_AN, HAI_LANG, "01/02/2020"],
      [CLAN, "Dòng họ Đoàn", "Phường 1", "Đông Hà", "01/02/2020"],
    ];
    const editor = s.users.haiLang;
    const p = await upload(editor, await xlsx(rows));
    // The preview says it already; the commit asks again in its transaction.
    expect(p).toMatchObject({ ready: 1, errorRows: 1 });
    expect(p.errors.map((e) => e.message)).toEqual([
      "Dòng 3: Bạn chỉ được cập nhật dữ liệu của huyện, thị xã, thành phố mình phụ trách.",
    ]);
    const before = await s.counts();
    await expectTrpcError(
      s.caller(editor).imports.commit({ batchId: p.batchId, skipErrors: false }),
      "FORBIDDEN",
      "Bạn chỉ được cập nhật dữ liệu của huyện, thị xã, thành phố mình phụ trách.",
    );
    expect(await s.counts()).toEqual(before);
    expect(await s.caller(editor).imports.commit({ batchId: p.batchId, skipErrors: true })).toEqual({
      created: 1,
      skipped: 1,
    });
    const refused = await rowsOf(editor, p.batchId, "error");
    expect(refused.map((r) => r.issues[0]?.message)).toEqual([
      "Dòng 3: Bạn chỉ được cập nhật dữ liệu của huyện, thị xã, thành phố mình phụ trách.",
    ]);
    // Another editor cannot even read the batch.
    await expectTrpcError(s.caller(s.users.dongHa).imports.get({ batchId: p.batchId }), "FORBIDDEN");
  });
});

describe("cameras and awards, CSV", () => {
  it("reads the semicolon CSV that Vietnamese Excel writes (BOM, quoted fields, thousands separators)", async () => {
    const csv = [
      "Xã, phường, thị trấn;Huyện/TX/TP;Ngày lắp đặt;Số mắt camera;Đầu thu;Kinh phí (đồng);Nguồn kinh phí;Ghi chú",
      'Hải Ba;Hải Lăng;15/03/2019;12;2;4.928.650.000;Xã hội hóa;"Lắp ở ""chợ""; cổng làng"',
      "Hải Ba;Hải Lăng;15/03/2019;4;1;1.000.000;Ngân sách;",
      "Hải Ba;Hải Lăng;31/02/2019;4;1;1.000.000;Ngân sách;",
      "Hải Ba;Hải Lăng;16/03/2019;4;1;12,5;Ngân sách;",
    ].join("\r\n");
    const p = await upload(s.users.province, Buffer.from(`\uFEFF${csv}`, "utf8"), "cameras");
    expect(p.columns.map((c) => c.field)).toEqual([
      "area",
      "district",
      "installedOn",
      "cameras",
      "recorders",
      "costVnd",
      "fundingSource",
      "notes",
    ]);
    expect(p).toMatchObject({ total: 4, ready: 1, duplicates: 1, errorRows: 2 });
    expect(p.errors.map((e) => e.message)).toEqual([
      'Dòng 4: "31/02/2019" không phải ngày (dd/mm/yyyy hoặc năm).',
      'Dòng 5: "12,5" không phải số nguyên không âm.',
    ]);
    expect(await s.caller(s.users.province).imports.commit({ batchId: p.batchId, skipErrors: true })).toEqual({
      created: 1,
      skipped: 3,
    });
    const [row] = await rowsOf(s.users.province, p.batchId, "ready");
    const cam = await s.caller(s.users.province).cameras.get({ id: row?.recordId as number });
    expect(cam).toMatchObject({
      costVnd: 4_928_650_000,
      cameras: 12,
      fundingSource: "socialized",
      notes: 'Lắp ở "chợ"; cổng làng',
    });
  });

  it("reads awards from a comma CSV; a province-level award has no commune", async () => {
    const csv = [
      "Năm,Cấp khen thưởng,Hình thức,Tập thể/cá nhân,Tên tập thể/cá nhân được khen,Xã,Huyện,Số quyết định",
      "2019,UBND tỉnh,Bằng khen,Tập thể,Công an xã Hải An,Hải An,Hải Lăng,123/QĐ-UBND",
      "2020,Bộ Công an,Cờ thi đua,Tập thể,Phòng PV05,,,45/QĐ-BCA",
      "2021,Huyện ủy,Giấy khen,Cá nhân,Nguyễn Văn A,,,",
    ].join("\n");
    const p = await upload(s.users.province, Buffer.from(csv, "utf8"), "awards");
    expect(p).toMatchObject({ total: 3, ready: 2, errorRows: 1 });
    expect(p.errors[0]?.message).toBe(
      'Dòng 4: "Huyện ủy" không phải giá trị hợp lệ (có thể là: UBND tỉnh, Bộ Công an, Cục V05, Giám đốc Công an tỉnh, Cấp khác).',
    );
  });
});

describe("approved unit-years (decision 025)", () => {
  it("an import into an approved year is refused whole, or skips those rows; its undo waits for a later submission to be returned", async () => {
    await setApproval(s.t.db, HAI_LANG, 2013, "approved", new Date(Date.UTC(2024, 0, 20)));
    const sheet = await xlsx([
      ["Tên mô hình", "Loại mô hình", "Xã, phường, thị trấn", "Huyện/TX/TP", "Năm thành lập"],
      ["Dòng họ Khóa Sổ", CLAN, "Hải An", "Hải Lăng", "15/03/2013"],
      ["Dòng họ Mở Sổ", CLAN, "Hải An", "Hải Lăng", "15/03/2014"],
    ]);
    const p = await upload(s.users.province, sheet);
    // The preview already says what the commit would refuse.
    expect(p).toMatchObject({ total: 2, ready: 1, errorRows: 1 });
    expect(p.errors.map((e) => [e.row, e.message])).toEqual([
      [
        2,
        "Dòng 2: Số liệu năm 2013 của Huyện Hải Lăng (cũ) đã được phê duyệt ngày 20/01/2024 — đề nghị quản trị viên mở lại trước khi sửa.",
      ],
    ]);
    const api = s.caller(s.users.province).imports;
    const before = await s.counts();
    await expectTrpcError(
      api.commit({ batchId: p.batchId, skipErrors: false }),
      "FORBIDDEN",
      "Số liệu năm 2013 của Huyện Hải Lăng (cũ) đã được phê duyệt ngày 20/01/2024 — đề nghị quản trị viên mở lại trước khi sửa.",
    );
    expect(await s.counts()).toEqual(before);
    expect(await api.commit({ batchId: p.batchId, skipErrors: true })).toMatchObject({ created: 1, skipped: 1 });
    const created = await s.t.db.site.findFirstOrThrow({ where: { name: "Dòng họ Mở Sổ" }, select: { id: true } });
    expect(await s.t.db.site.count({ where: { name: "Dòng họ Khóa Sổ" } })).toBe(0);
    // The import history links to the records the import created: the list filters by batch.
    const listed = await s.caller(s.users.viewer).sites.list({ importBatchId: p.batchId, pageSize: 100 });
    expect(listed.items.map((r) => r.id)).toEqual([created.id]);
    expect(listed.total).toBe(1);

    // An undo the lock refuses changes nothing: the batch stays committed, to be undone once reopened.
    await setApproval(s.t.db, HAI_LANG, 2014, "submitted", new Date(Date.UTC(2024, 0, 21)));
    const committed = await s.t.db.importBatch.findUniqueOrThrow({ where: { id: p.batchId } });
    const beforeUndo = await s.counts();
    await expectTrpcError(
      api.undo({ batchId: p.batchId, reason: "Nhập nhầm tệp" }),
      "FORBIDDEN",
      "Số liệu năm 2014 của Huyện Hải Lăng (cũ) đã được gửi duyệt ngày 21/01/2024 và đang chờ phê duyệt — đề nghị lãnh đạo phê duyệt trả lại trước khi sửa.",
    );
    expect(await s.counts()).toEqual(beforeUndo);
    expect(await s.t.db.importBatch.findUniqueOrThrow({ where: { id: p.batchId } })).toEqual(committed);
    expect(await s.t.db.site.count({ where: { id: created.id, deletedAt: null } })).toBe(1);
    await setApproval(s.t.db, HAI_LANG, 2014, "draft");
    expect(await api.undo({ batchId: p.batchId, reason: "Nhập nhầm tệp" })).toEqual({ removed: 1, kept: [] });
    expect(await s.t.db.site.count({ where: { id: created.id, deletedAt: null } })).toBe(0);
  });
});

// Issue 22 item 14: every preview left a "Chưa nhập" row in the history; an example row was imported.
describe("previews are not imports; the template's example row is not data", () => {
  const sheet = (rows: (string | number)[][]) =>
    xlsx([["Tên mô hình", "Loại mô hình", "Xã, phường, thị trấn", "Huyện/TX/TP", "Năm thành lập"], ...rows]);

  it("lists committed imports only, and drops a preview left uncommitted for a day at the next upload", async () => {
    const editor = s.users.province;
    const api = s.caller(editor).imports;
    const before = (await api.list({ page: 1, pageSize: 100 })).items.map((b) => b.batchId);
    const p = await upload(editor, await sheet([["Dòng họ Bùi", CLAN, "Hải An", "Hải Lăng", "2015"]]));
    const listed = (await api.list({ page: 1, pageSize: 100 })).items.map((b) => b.batchId);
    expect(listed).toEqual(before);
    expect(listed).not.toContain(p.batchId);
    // A day and a minute later (the clock moved by ageing the row), another upload clears it.
    await s.t.db.importBatch.update({
      where: { id: p.batchId },
      data: { createdAt: new Date(Date.now() - 24 * 3600_000 - 60_000) },
    });
    const fresh = await upload(editor, await sheet([["Dòng họ Bùi", CLAN, "Hải An", "Hải Lăng", "2015"]]));
    expect(await s.t.db.importBatch.count({ where: { id: p.batchId } })).toBe(0);
    expect(await s.t.db.importRow.count({ where: { batchId: p.batchId } })).toBe(0);
    // A recent preview stays, to be committed; once committed it is in the history.
    expect(await s.t.db.importBatch.count({ where: { id: fresh.batchId } })).toBe(1);
    await api.commit({ batchId: fresh.batchId, skipErrors: true });
    expect((await api.list({ page: 1, pageSize: 100 })).items.map((b) => b.batchId)).toContain(fresh.batchId);
  });

  it("skips a row marked 'VÍ DỤ — xóa dòng này' and reads the rows beside it", async () => {
    const p = await upload(
      s.users.province,
      await sheet([
        ["Tổ tự quản số 1", CLAN, "Hải An", "Hải Lăng", "2015", "VÍ DỤ — xóa dòng này"],
        ["Dòng họ Đặng", CLAN, "Hải An", "Hải Lăng", "2016"],
      ]),
    );
    expect(p.total).toBe(1);
    const rows = await rowsOf(s.users.province, p.batchId);
    expect(rows.map((r) => r.row)).toEqual([3]);
  });
});
