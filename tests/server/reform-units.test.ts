import { describe, expect, it } from "vitest";
import { cameraInput } from "../fixtures/cameras.ts";
import { HAI_LANG } from "../fixtures/units.ts";
import { entryFile, expectTrpcError } from "./helpers/entry.ts";

/**
 * Records dated from 01/07/2025 go to the communes of the two-level list (Nghị quyết
 * 1680/NQ-UBTVQH15), count in the abolished district they lie in, and a code shared by an old and
 * a new commune is resolved by the record's date (docs/decisions/009).
 */
const s = entryFile();

/** Xã Hải Lăng (from 01/07/2025: Hải Phú, Hải Lâm, Hải Thượng), on the land of Huyện Hải Lăng. */
const XA_HAI_LANG = "19702";
/** 19363: Thị trấn Hồ Xá until 30/06/2025, then Xã Vĩnh Linh (Hồ Xá, Vĩnh Long, Vĩnh Chấp). */
const HO_XA_VINH_LINH = "19363";
/** Đặc khu Cồn Cỏ: the one code of the 01/07/2025 list that no older unit had. */
const DAC_KHU_CON_CO = "19742";
/** Xã Hải An (Hải Lăng), taken over by Xã Mỹ Thủy (19741); its code is not reused. */
const HAI_AN = "19684";

const camera = (areaCode: string, installedOn: string) =>
  cameraInput(areaCode, installedOn, { cameras: 4, costVnd: 60_000_000, fundingSource: "socialized" });

describe("records after the abolition of districts (01/07/2025)", () => {
  it("a district editor enters a site dated today in a new commune of their former district", async () => {
    const site = await s.caller(s.users.haiLang).sites.create({
      modelTypeId: await s.typeId("clan-no-crime"),
      districtCode: HAI_LANG,
      areaCode: XA_HAI_LANG,
      name: "Dòng họ Lê thôn Thượng Nguyên",
      establishedOn: "2026-03-10",
    });
    expect(site).toMatchObject({ areaCode: XA_HAI_LANG, areaName: "Xã Hải Lăng", districtCode: HAI_LANG });
    const list = await s.caller(s.users.viewer).sites.list({ page: 1, pageSize: 20, districtCode: HAI_LANG });
    expect(list.items.map((i) => i.id)).toContain(site.id);
    const found = await s
      .caller(s.users.viewer)
      .sites.list({ page: 1, pageSize: 20, search: "hai lang thuong nguyen" });
    expect(found.items.map((i) => i.id)).toEqual([site.id]);
    const summary = await s.caller(s.users.viewer).dashboard.summary({ districtCode: HAI_LANG });
    expect(summary.siteCount).toBe(1);
  });

  it("keeps an editor of another district out of the new communes on Hải Lăng's land", async () => {
    const before = await s.counts();
    await expectTrpcError(
      s.caller(s.users.dongHa).cameras.create(camera(XA_HAI_LANG, "2026-01-05")),
      "FORBIDDEN",
      "Bạn chỉ được cập nhật dữ liệu của huyện, thị xã, thành phố mình phụ trách.",
    );
    expect(await s.counts()).toEqual(before);
  });

  it("resolves a shared code by the record's date", async () => {
    const type = await s.typeId("clan-security");
    const old = await s.caller(s.users.admin).sites.create({
      modelTypeId: type,
      areaCode: HO_XA_VINH_LINH,
      name: "Họ Nguyễn khu phố 3",
      establishedOn: "2024-05-01",
    });
    expect(old).toMatchObject({ areaName: "Thị trấn Hồ Xá", districtCode: "464" });
    const current = await s.caller(s.users.admin).sites.create({
      modelTypeId: type,
      areaCode: HO_XA_VINH_LINH,
      name: "Họ Nguyễn khu phố 3",
      establishedOn: "2025-07-01",
    });
    expect(current).toMatchObject({ areaName: "Xã Vĩnh Linh", districtCode: "464" });
    // Not the same area, so not flagged as a likely duplicate of the 2024 record.
    expect(current.warnings).toEqual([]);
    // Editing the old record keeps its old area while its date stays before the reform.
    const edited = await s.caller(s.users.admin).sites.update({ id: old.id, version: old.version, name: "Họ Nguyễn" });
    expect(edited).toMatchObject({ areaName: "Thị trấn Hồ Xá", version: 2 });
  });

  it("refuses an old area on a date after the reform, with the reason, and changes nothing", async () => {
    const before = await s.counts();
    await expectTrpcError(
      s.caller(s.users.haiLang).cameras.create(camera(HAI_AN, "2025-09-01")),
      "BAD_REQUEST",
      "Từ 01/07/2025 địa bàn này đã được sắp xếp lại: hãy chọn xã, phường, đặc khu hiện nay",
      "areaCode",
    );
    // Đặc khu Cồn Cỏ (19742) exists only from 01/07/2025; 30/06/2025 is the districts' last day.
    await expectTrpcError(
      s.caller(s.users.admin).cameras.create(camera(DAC_KHU_CON_CO, "2025-06-30")),
      "BAD_REQUEST",
      "Đây là xã, phường, đặc khu từ 01/07/2025: trước ngày đó hãy chọn xã, phường, thị trấn của huyện cũ",
      "areaCode",
    );
    expect(await s.counts()).toEqual(before);
  });

  it("on 30/06/2025, the last day of the districts, a reused code names the old area", async () => {
    const cam = await s.caller(s.users.haiLang).cameras.create(camera(XA_HAI_LANG, "2025-06-30"));
    const row = await s.t.db.cameraInstallation.findUniqueOrThrow({
      where: { id: cam.id },
      select: { area: { select: { catalog: true } } },
    });
    expect(row.area.catalog).toBe("three_level");
    await s.caller(s.users.admin).cameras.remove({ id: cam.id, version: cam.version, reason: "thử ngày cuối" });
  });

  it("an installation in a new commune covers it today and counts in its former district", async () => {
    const viewer = s.caller(s.users.viewer);
    const before = await viewer.dashboard.summary({});
    const cam = await s.caller(s.users.haiLang).cameras.create(camera(XA_HAI_LANG, "2026-02-01"));
    expect(cam).toMatchObject({ areaName: "Xã Hải Lăng", districtCode: HAI_LANG });
    const after = await viewer.dashboard.summary({});
    expect(after.cameraCoverage.covered).toBe(before.cameraCoverage.covered);
    expect(after.cameraCoverage.current.covered).toBe(before.cameraCoverage.current.covered + 1);
    const district = (x: typeof after) => x.byDistrict.find((d) => d.code === HAI_LANG);
    expect(district(after)?.cameras).toBe((district(before)?.cameras ?? 0) + 4);
    expect(district(after)?.currentCoveredAreas).toBe((district(before)?.currentCoveredAreas ?? 0) + 1);
  });

  it("an installation in an old area covers the new commune that took it over", async () => {
    const viewer = s.caller(s.users.viewer);
    await s.caller(s.users.haiLang).cameras.create(camera(HAI_AN, "2018-04-01"));
    const areas = await viewer.dashboard.areas({ districtCode: HAI_LANG });
    expect(areas.areas.find((a) => a.code === HAI_AN)).toMatchObject({ covered: true, cameras: 4, current: false });
    // In the historical view a unit is ticked by its own installations only, never at 0 cameras
    // (issue 22); in the view by today's communes the old area's installation rolls up into it.
    expect(areas.areas.find((a) => a.code === "19741" && a.current)).toMatchObject({
      name: "Xã Mỹ Thủy",
      covered: false,
      cameras: 0,
      current: true,
    });
    const today = await viewer.dashboard.areas({ districtCode: HAI_LANG, view: "current" });
    expect(today.areas.find((a) => a.code === "19741")).toMatchObject({
      name: "Xã Mỹ Thủy",
      covered: true,
      cameras: 4,
    });
    // Only through an installation of the period: in 2010–2015 neither is covered.
    const early = await viewer.dashboard.cameras({ districtCode: HAI_LANG, fromYear: 2010, toYear: 2015 });
    expect(early.coverage).toMatchObject({ covered: 0, total: 16, current: { covered: 0, total: 5 } });
  });

  it("an award names its area by code and year: the unit that existed that year", async () => {
    const award = (year: number, areaCode: string) =>
      s.caller(s.users.admin).awards.create({
        year,
        issuer: "provincial_police",
        form: "certificate",
        recipientKind: "collective",
        recipientName: `Tổ bảo vệ an ninh ${year}`,
        areaCode,
      });
    expect(await award(2020, HO_XA_VINH_LINH)).toMatchObject({ areaName: "Thị trấn Hồ Xá", districtCode: "464" });
    const recent = await award(2026, HO_XA_VINH_LINH);
    expect(recent).toMatchObject({ areaName: "Xã Vĩnh Linh", districtCode: "464" });
    // Moving it back to 2024 keeps the code and finds the unit of that year.
    const moved = await s.caller(s.users.admin).awards.update({ id: recent.id, version: recent.version, year: 2024 });
    expect(moved).toMatchObject({ areaName: "Thị trấn Hồ Xá", year: 2024 });
    const before = await s.counts();
    await expectTrpcError(
      award(2026, HAI_AN),
      "BAD_REQUEST",
      "Từ 01/07/2025 địa bàn này đã được sắp xếp lại: hãy chọn xã, phường, đặc khu hiện nay",
      "areaCode",
    );
    expect(await s.counts()).toEqual(before);
  });
});
