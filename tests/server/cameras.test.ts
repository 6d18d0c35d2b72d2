import { describe, expect, it } from "vitest";
import { CON_CO, HAI_AN, HAI_BA, HAI_LANG, PHUONG_1_DONG_HA } from "../fixtures/units.ts";
import { entryFile, expectTrpcError } from "./helpers/entry.ts";

const s = entryFile();

const base = () => ({
  areaCode: HAI_AN,
  installedOn: "2019-05-01",
  cameras: 12,
  recorders: 1,
  memoryCards: 2,
  costVnd: 350_000_000,
  fundingSource: "mixed" as const,
});

describe("cameras.create", () => {
  it("records an installation and moves the dashboard's coverage", async () => {
    const before = await s.caller(s.users.viewer).dashboard.summary({});
    const cam = await s.caller(s.users.haiLang).cameras.create(base());
    expect(cam).toMatchObject({
      version: 1,
      areaCode: HAI_AN,
      districtCode: HAI_LANG,
      costVnd: 350_000_000,
      warnings: [],
    });
    const after = await s.caller(s.users.viewer).dashboard.summary({});
    expect(after.cameraCoverage.covered).toBe(before.cameraCoverage.covered + 1);
    expect(after.cameras.cameras).toBe(before.cameras.cameras + 12);
  });

  it("warns about a second installation in the same area on the same day", async () => {
    const first = await s
      .caller(s.users.admin)
      .cameras.create({ ...base(), areaCode: HAI_BA, installedOn: "2020-01-02" });
    const second = await s
      .caller(s.users.admin)
      .cameras.create({ ...base(), areaCode: HAI_BA, installedOn: "2020-01-02" });
    expect(second.warnings).toEqual([
      { code: "duplicate", message: "Có thể trùng: địa bàn này đã có đợt lắp đặt camera cùng ngày.", ids: [first.id] },
    ]);
  });

  it("accepts Cồn Cỏ as an area and a cost of zero", async () => {
    const cam = await s.caller(s.users.province).cameras.create({ ...base(), areaCode: CON_CO, costVnd: 0 });
    expect(cam).toMatchObject({ areaCode: CON_CO, districtCode: CON_CO, costVnd: 0 });
  });

  const invalid: [string, Record<string, unknown>, string, string][] = [
    ["negative cameras", { cameras: -1 }, "cameras", "Số mắt camera không được âm"],
    ["fractional recorders", { recorders: 1.5 }, "recorders", "Số đầu thu phải là số nguyên"],
    ["too many memory cards", { memoryCards: 10_001 }, "memoryCards", "Số thẻ nhớ không được vượt quá 10.000"],
    ["cameras as text", { cameras: "12" }, "cameras", "Số mắt camera phải là số"],
    ["negative cost", { costVnd: -5 }, "costVnd", "Kinh phí không được âm"],
    ["cost above the ceiling", { costVnd: 100_000_000_001 }, "costVnd", "Kinh phí không được vượt quá 100 tỷ đồng"],
    ["fractional cost", { costVnd: 10.5 }, "costVnd", "Kinh phí phải là số nguyên (đồng)"],
    ["unknown funding", { fundingSource: "gift" }, "fundingSource", "Vui lòng chọn nguồn kinh phí"],
    ["date before 1990", { installedOn: "1985-01-01" }, "installedOn", "Ngày phải từ 01/01/1990 đến hôm nay"],
    [
      "a district with communes",
      { areaCode: HAI_LANG },
      "areaCode",
      "Vui lòng chọn địa bàn cấp xã (xã, phường, thị trấn)",
    ],
    [
      "commune of another district",
      { districtCode: "461" },
      "areaCode",
      "Xã, phường, thị trấn không thuộc huyện đã chọn",
    ],
    ["unknown site", { siteId: 999_999 }, "siteId", "Điểm mô hình không tồn tại"],
  ];
  it.each(invalid)("rejects %s with BAD_REQUEST and changes nothing", async (_, patch, field, message) => {
    const before = await s.counts();
    await expectTrpcError(
      s.caller(s.users.admin).cameras.create({ ...base(), ...patch } as never),
      "BAD_REQUEST",
      message,
      field,
    );
    expect(await s.counts()).toEqual(before);
  });

  it("rejects a linked site of another area", async () => {
    const site = await s.caller(s.users.admin).sites.create({
      modelTypeId: await s.typeId("security-camera"),
      areaCode: HAI_BA,
      name: "Camera Hải Ba",
      establishedOn: "2019-01-01",
    });
    await expectTrpcError(
      s.caller(s.users.admin).cameras.create({ ...base(), siteId: site.id }),
      "BAD_REQUEST",
      "Điểm mô hình không thuộc địa bàn đã chọn",
      "siteId",
    );
    const linked = await s.caller(s.users.admin).cameras.create({ ...base(), areaCode: HAI_BA, siteId: site.id });
    expect(linked.siteId).toBe(site.id);
  });

  it("forbids a district editor outside their district", async () => {
    const before = await s.counts();
    await expectTrpcError(
      s.caller(s.users.dongHa).cameras.create(base()),
      "FORBIDDEN",
      "Bạn chỉ được cập nhật dữ liệu của huyện, thị xã, thành phố mình phụ trách.",
    );
    expect(await s.counts()).toEqual(before);
  });
});

describe("cameras.update / remove / restore / history", () => {
  it("updates with the seen version, refuses a stale one, soft-deletes and restores", async () => {
    const cam = await s
      .caller(s.users.haiLang)
      .cameras.create({ ...base(), installedOn: "2018-08-08", notes: "Đợt một" });
    const updated = await s.caller(s.users.haiLang).cameras.update({ id: cam.id, version: 1, cameras: 20 });
    expect(updated).toMatchObject({ version: 2, cameras: 20, recorders: 1 });
    await expectTrpcError(s.caller(s.users.admin).cameras.update({ id: cam.id, version: 1, cameras: 30 }), "CONFLICT");
    await expectTrpcError(
      s.caller(s.users.dongHa).cameras.update({ id: cam.id, version: 2, cameras: 30 }),
      "FORBIDDEN",
    );
    await expectTrpcError(
      s.caller(s.users.dongHa).cameras.remove({ id: cam.id, version: 2, reason: "trùng lặp" }),
      "FORBIDDEN",
    );
    const removed = await s.caller(s.users.haiLang).cameras.remove({ id: cam.id, version: 2, reason: "trùng lặp" });
    expect(Date.now() - Date.parse(removed.deletedAt ?? "")).toBeLessThan(60_000);
    expect((await s.caller(s.users.viewer).cameras.list({ search: "dot mot" })).total).toBe(0);
    await expectTrpcError(s.caller(s.users.haiLang).cameras.restore({ id: cam.id }), "FORBIDDEN");
    expect(await s.caller(s.users.admin).cameras.restore({ id: cam.id })).toMatchObject({
      version: 4,
      deletedAt: null,
    });
    const history = await s.history(s.users.viewer, "camera_installation", cam.id);
    expect(history.map((h) => h.action)).toEqual(["restore", "remove", "update", "create"]);
    expect(history[2]?.changes).toEqual([{ field: "cameras", before: 12, after: 20 }]);
  });
});

describe("cameras.list", () => {
  it("filters by district, commune, year and funding; searches area names without accents; sorts by cost", async () => {
    const admin = s.caller(s.users.admin);
    await admin.cameras.create({
      ...base(),
      areaCode: PHUONG_1_DONG_HA,
      installedOn: "2016-01-01",
      costVnd: 5,
      notes: "Lọc A",
    });
    await admin.cameras.create({
      ...base(),
      areaCode: PHUONG_1_DONG_HA,
      installedOn: "2017-01-01",
      costVnd: 9,
      notes: "Lọc B",
    });
    const viewer = s.caller(s.users.viewer);
    const byCost = await viewer.cameras.list({ search: "loc", sort: "costVnd", dir: "asc" });
    expect(byCost.items.map((i) => i.costVnd)).toEqual([5, 9]);
    expect((await viewer.cameras.list({ search: "dong ha loc" })).total).toBe(2);
    expect((await viewer.cameras.list({ search: "loc", districtCode: HAI_LANG })).total).toBe(0);
    expect((await viewer.cameras.list({ search: "loc", areaCode: PHUONG_1_DONG_HA, fromYear: 2017 })).total).toBe(1);
    expect((await viewer.cameras.list({ search: "loc", fundingSource: "state_budget" })).total).toBe(0);
    const all = await viewer.cameras.list({ pageSize: 100 });
    expect(all.items.every((i) => typeof i.areaCode === "string" && typeof i.districtCode === "string")).toBe(true);
  });
});
