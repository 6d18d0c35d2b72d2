import { beforeAll, describe, expect, it } from "vitest";
import { CON_CO, HAI_AN, HAI_BA, HAI_LANG, PHUONG_1_DONG_HA } from "../fixtures/units.ts";
import { entryFile, expectTrpcError } from "./helpers/entry.ts";

const s = entryFile();
let clan: number;
let religious: number;
beforeAll(async () => {
  clan = await s.typeId("clan-no-crime");
  religious = await s.typeId("religious-community");
}, 60_000);

const base = () => ({
  modelTypeId: clan,
  areaCode: HAI_AN,
  name: "Dòng họ Lê Văn",
  host: "Họ Lê",
  establishedOn: "2015-03-10",
  households: 40,
});

describe("sites.create", () => {
  it("creates a site in the editor's district, with version 1, area and district codes, and an audit entry", async () => {
    const before = await s.counts();
    const site = await s.caller(s.users.haiLang).sites.create(base());
    expect(site).toMatchObject({
      version: 1,
      areaCode: HAI_AN,
      districtCode: HAI_LANG,
      areaName: "Xã Hải An",
      category: "clan",
      status: "active",
      establishedOn: "2015-03-10",
      warnings: [],
    });
    expect(await s.counts()).toEqual({ ...before, sites: before.sites + 1, audit: before.audit + 1 });
    const history = await s.history(s.users.viewer, "site", site.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: "create", username: s.users.haiLang.username });
    expect(history[0]?.changes).toContainEqual({ field: "name", before: null, after: "Dòng họ Lê Văn" });
  });

  it("warns, without blocking, about a likely duplicate (same type, area and name, ignoring case and accents)", async () => {
    const first = await s.caller(s.users.admin).sites.create({ ...base(), name: "Dòng họ Trần" });
    const second = await s.caller(s.users.admin).sites.create({ ...base(), name: "dong ho tran" });
    expect(second.warnings).toEqual([
      {
        code: "duplicate",
        message: "Có thể trùng: địa bàn này đã có điểm cùng loại mô hình và cùng tên.",
        ids: [first.id],
      },
    ]);
  });

  it("accepts Cồn Cỏ (a district without communes) as its own area", async () => {
    const site = await s.caller(s.users.admin).sites.create({ ...base(), areaCode: CON_CO });
    expect(site).toMatchObject({ areaCode: CON_CO, districtCode: CON_CO });
  });

  const invalid: [string, Record<string, unknown>, string, string][] = [
    ["empty name", { name: "  " }, "name", "Vui lòng nhập tên điểm mô hình"],
    ["negative households", { households: -1 }, "households", "Số hộ không được âm"],
    ["fractional households", { households: 2.5 }, "households", "Số hộ phải là số nguyên"],
    ["too many households", { households: 100_001 }, "households", "Số hộ không được vượt quá 100.000"],
    ["date before 1990", { establishedOn: "1989-12-31" }, "establishedOn", "Ngày phải từ 01/01/1990 đến hôm nay"],
    ["date in the future", { establishedOn: "2999-01-01" }, "establishedOn", "Ngày phải từ 01/01/1990 đến hôm nay"],
    ["impossible date", { establishedOn: "2015-02-30" }, "establishedOn", "Ngày không tồn tại"],
    ["dd/mm/yyyy date", { establishedOn: "10/03/2015" }, "establishedOn", "Ngày không hợp lệ (định dạng dd/mm/yyyy)"],
    [
      "dissolved before it was established",
      { status: "dissolved", statusChangedOn: "2014-01-01" },
      "statusChangedOn",
      "Ngày tạm dừng/giải thể phải sau ngày thành lập",
    ],
    [
      "dissolved without a date",
      { status: "dissolved" },
      "statusChangedOn",
      "Vui lòng nhập ngày tạm dừng hoặc giải thể",
    ],
    [
      "a district is not an area",
      { areaCode: HAI_LANG },
      "areaCode",
      "Vui lòng chọn địa bàn cấp xã (xã, phường, thị trấn)",
    ],
    ["unknown area", { areaCode: "99999" }, "areaCode", "Không tìm thấy địa bàn có mã 99999"],
    [
      "commune outside the chosen district",
      { districtCode: "461" },
      "areaCode",
      "Xã, phường, thị trấn không thuộc huyện đã chọn",
    ],
    ["religion on a clan model", { religion: "buddhism" }, "religion", "Chỉ mô hình trong tôn giáo mới ghi tôn giáo"],
    [
      "religious model without religion",
      { modelTypeId: 0 },
      "religion",
      "Vui lòng chọn tôn giáo cho mô hình trong tôn giáo",
    ],
    ["unknown model type", { modelTypeId: 999_999 }, "modelTypeId", "Loại mô hình không tồn tại"],
    ["unknown key", { colour: "red" }, "", "Tham số không được hỗ trợ: colour"],
  ];
  it.each(invalid)("rejects %s with BAD_REQUEST and changes nothing", async (_, patch, field, message) => {
    const input = { ...base(), ...patch };
    if (patch.modelTypeId === 0) input.modelTypeId = religious;
    const before = await s.counts();
    await expectTrpcError(s.caller(s.users.admin).sites.create(input as never), "BAD_REQUEST", message, field);
    expect(await s.counts()).toEqual(before);
  });

  it("requires a religion exactly for religious models", async () => {
    const site = await s.caller(s.users.admin).sites.create({
      ...base(),
      modelTypeId: religious,
      name: "Chùa Hải An",
      religion: "buddhism",
    });
    expect(site.religion).toBe("buddhism");
  });

  it("forbids a district editor to create in another district, and a viewer to create at all", async () => {
    const before = await s.counts();
    await expectTrpcError(
      s.caller(s.users.dongHa).sites.create(base()),
      "FORBIDDEN",
      "Bạn chỉ được cập nhật dữ liệu của huyện, thị xã, thành phố mình phụ trách.",
    );
    await expectTrpcError(s.caller(s.users.viewer).sites.create(base()), "FORBIDDEN");
    await expectTrpcError(s.caller(null).sites.create(base()), "UNAUTHORIZED", "Vui lòng đăng nhập.");
    expect(await s.counts()).toEqual(before);
  });
});

describe("sites.update and conflicts", () => {
  it("two editors update the same version: the second gets CONFLICT and the first's data is intact", async () => {
    const site = await s.caller(s.users.haiLang).sites.create({ ...base(), name: "Dòng họ Nguyễn" });
    const first = await s.caller(s.users.haiLang).sites.update({ id: site.id, version: 1, households: 55 });
    expect(first).toMatchObject({ version: 2, households: 55 });
    const before = await s.counts();
    await expectTrpcError(
      s.caller(s.users.province).sites.update({ id: site.id, version: 1, households: 60 }),
      "CONFLICT",
      "Bản ghi vừa được người khác thay đổi. Hãy xem lại thay đổi của họ rồi nhập lại sửa đổi của bạn.",
    );
    expect(await s.caller(s.users.viewer).sites.get({ id: site.id })).toMatchObject({ version: 2, households: 55 });
    expect(await s.counts()).toEqual(before);
  });

  it("loses no update when two updates race on the same version", async () => {
    const site = await s.caller(s.users.admin).sites.create({ ...base(), name: "Dòng họ Phan" });
    const results = await Promise.allSettled([
      s.caller(s.users.admin).sites.update({ id: site.id, version: 1, households: 1 }),
      s.caller(s.users.province).sites.update({ id: site.id, version: 1, households: 2 }),
    ]);
    const ok = results.filter((r) => r.status === "fulfilled");
    expect(ok).toHaveLength(1);
    const got = await s.caller(s.users.viewer).sites.get({ id: site.id });
    expect(got.version).toBe(2);
    expect(got.households).toBe((ok[0] as PromiseFulfilledResult<{ households: number }>).value.households);
  });

  it("checks rules on the merged record and records before/after in the history", async () => {
    const site = await s.caller(s.users.admin).sites.create({ ...base(), name: "Dòng họ Võ" });
    await expectTrpcError(
      s
        .caller(s.users.admin)
        .sites.update({ id: site.id, version: 1, status: "dissolved", statusChangedOn: "2010-01-01" }),
      "BAD_REQUEST",
      "Ngày tạm dừng/giải thể phải sau ngày thành lập",
      "statusChangedOn",
    );
    const updated = await s.caller(s.users.admin).sites.update({
      id: site.id,
      version: 1,
      status: "dissolved",
      statusChangedOn: "2020-06-01",
      areaCode: HAI_BA,
    });
    expect(updated).toMatchObject({ version: 2, status: "dissolved", areaCode: HAI_BA, areaName: "Xã Hải Ba" });
    const [latest] = await s.history(s.users.admin, "site", site.id);
    expect(latest?.action).toBe("update");
    expect(latest?.changes).toEqual(
      expect.arrayContaining([
        { field: "status", before: "active", after: "dissolved" },
        { field: "areaCode", before: HAI_AN, after: HAI_BA },
      ]),
    );
  });

  it("forbids a district editor to update a site of another district, or to move one there", async () => {
    const site = await s.caller(s.users.haiLang).sites.create({ ...base(), name: "Dòng họ Hồ" });
    await expectTrpcError(
      s.caller(s.users.dongHa).sites.update({ id: site.id, version: 1, households: 3 }),
      "FORBIDDEN",
    );
    await expectTrpcError(
      s.caller(s.users.haiLang).sites.update({ id: site.id, version: 1, areaCode: PHUONG_1_DONG_HA }),
      "FORBIDDEN",
    );
    expect((await s.caller(s.users.viewer).sites.get({ id: site.id })).version).toBe(1);
  });

  it("answers NOT_FOUND for a missing site", async () => {
    await expectTrpcError(
      s.caller(s.users.admin).sites.update({ id: 987_654, version: 1, households: 3 }),
      "NOT_FOUND",
      "Không tìm thấy điểm mô hình (có thể đã bị xóa).",
    );
  });
});

describe("sites.remove, restore and history", () => {
  it("soft-deletes with a reason, hides the row from lists, and lets only an admin restore it", async () => {
    const site = await s.caller(s.users.haiLang).sites.create({ ...base(), name: "Dòng họ Đặng Xóa" });
    await expectTrpcError(
      s.caller(s.users.haiLang).sites.remove({ id: site.id, version: 1, reason: "x" }),
      "BAD_REQUEST",
      "Lý do xóa cần ít nhất 3 ký tự",
    );
    await expectTrpcError(
      s.caller(s.users.dongHa).sites.remove({ id: site.id, version: 1, reason: "nhập nhầm" }),
      "FORBIDDEN",
    );
    await expectTrpcError(
      s.caller(s.users.haiLang).sites.remove({ id: site.id, version: 7, reason: "nhập nhầm" }),
      "CONFLICT",
    );
    const removed = await s.caller(s.users.haiLang).sites.remove({ id: site.id, version: 1, reason: "nhập nhầm" });
    expect(removed).toMatchObject({ version: 2, deleteReason: "nhập nhầm" });
    expect(Date.now() - Date.parse(removed.deletedAt ?? "")).toBeLessThan(60_000);
    const row = await s.t.db.site.findUniqueOrThrow({ where: { id: site.id } });
    expect(row.deletedById).toBe(s.users.haiLang.id);

    const list = await s.caller(s.users.viewer).sites.list({ search: "dang xoa" });
    expect(list.total).toBe(0);
    await expectTrpcError(s.caller(s.users.viewer).sites.get({ id: site.id }), "NOT_FOUND");
    await expectTrpcError(s.caller(s.users.viewer).sites.list({ includeDeleted: true }), "FORBIDDEN");
    expect((await s.caller(s.users.admin).sites.list({ search: "dang xoa", includeDeleted: true })).total).toBe(1);

    await expectTrpcError(s.caller(s.users.province).sites.restore({ id: site.id }), "FORBIDDEN");
    const restored = await s.caller(s.users.admin).sites.restore({ id: site.id });
    expect(restored).toMatchObject({ version: 3, deletedAt: null, deleteReason: null });
    await expectTrpcError(
      s.caller(s.users.admin).sites.restore({ id: site.id }),
      "BAD_REQUEST",
      "Bản ghi này chưa bị xóa, không cần khôi phục.",
    );
    const history = await s.history(s.users.viewer, "site", site.id);
    expect(history.map((h) => h.action)).toEqual(["restore", "remove", "create"]);
    expect(history[1]?.changes).toContainEqual({ field: "deleteReason", before: null, after: "nhập nhầm" });
  });
});

describe("sites.list", () => {
  it("searches without diacritics or case, paginates, filters and sorts", async () => {
    const admin = s.caller(s.users.admin);
    await admin.sites.create({ ...base(), name: "Điểm Tìm Kiếm Một", areaCode: HAI_BA, establishedOn: "2011-01-01" });
    await admin.sites.create({ ...base(), name: "Điểm Tìm Kiếm Hai", areaCode: HAI_BA, establishedOn: "2012-01-01" });
    await admin.sites.create({
      ...base(),
      name: "Điểm Tìm Kiếm Ba",
      areaCode: PHUONG_1_DONG_HA,
      establishedOn: "2013-01-01",
    });
    const viewer = s.caller(s.users.viewer);
    expect((await viewer.sites.list({ search: "diem tim kiem" })).total).toBe(3);
    // "hai lang" finds the district name, "dong ho" the model type's name.
    const haiLang = await viewer.sites.list({ search: "HAI LANG tim kiem" });
    expect(haiLang.items.map((i) => i.name).sort()).toEqual(["Điểm Tìm Kiếm Hai", "Điểm Tìm Kiếm Một"]);
    expect((await viewer.sites.list({ search: "dong ho tim kiem" })).total).toBe(3);
    const page = await viewer.sites.list({
      search: "tim kiem",
      pageSize: 2,
      page: 2,
      sort: "establishedOn",
      dir: "asc",
    });
    expect(page).toMatchObject({ total: 3, items: [{ name: "Điểm Tìm Kiếm Ba", districtCode: "461" }] });
    const filtered = await viewer.sites.list({
      search: "tim kiem",
      districtCode: HAI_LANG,
      fromYear: 2012,
      toYear: 2012,
    });
    expect(filtered.items.map((i) => i.name)).toEqual(["Điểm Tìm Kiếm Hai"]);
    expect(
      (await viewer.sites.list({ search: "tim kiem", areaCode: HAI_BA, category: "clan", demo: "real" })).total,
    ).toBe(2);
    expect((await viewer.sites.list({ search: "tim kiem", demo: "demo" })).total).toBe(0);
    expect((await viewer.sites.list({ search: "tim kiem", category: "religious" })).total).toBe(0);
  });

  it("rejects bad list input with BAD_REQUEST", async () => {
    const viewer = s.caller(s.users.viewer);
    await expectTrpcError(viewer.sites.list({ pageSize: 101 }), "BAD_REQUEST", "Số dòng mỗi trang từ 1 đến 100");
    // PostgreSQL refuses NUL in text: it must be a clear BAD_REQUEST, not a database error.
    await expectTrpcError(viewer.sites.list({ search: "a\u0000" }), "BAD_REQUEST", "Có ký tự không hợp lệ");
    await expectTrpcError(
      viewer.sites.list({ sort: "password" as never }),
      "BAD_REQUEST",
      "Không sắp xếp được theo cột này",
    );
    await expectTrpcError(
      viewer.sites.list({ fromYear: 2020, toYear: 2010 }),
      "BAD_REQUEST",
      "Năm bắt đầu phải nhỏ hơn hoặc bằng năm kết thúc",
    );
  });
});
