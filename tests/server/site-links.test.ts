import { changeLines } from "@qt/shared/history";
import { beforeAll, describe, expect, it } from "vitest";
import { HAI_AN, HAI_BA, HAI_LANG } from "../fixtures/units.ts";
import { entryFile, expectTrpcError } from "./helpers/entry.ts";

/**
 * Linking a camera installation or an award to a site (siteId): the site must exist, be live and
 * lie in the record's area; the record returns the site's name and model type; null unlinks.
 */
const s = entryFile();
let siteAn: { id: number };
let siteBa: { id: number };
beforeAll(async () => {
  const admin = s.caller(s.users.admin);
  const cameraType = await s.typeId("security-camera");
  siteAn = await admin.sites.create({
    modelTypeId: cameraType,
    areaCode: HAI_AN,
    name: "Camera an ninh thôn Hải Lâm",
    establishedOn: "2018-01-01",
  });
  siteBa = await admin.sites.create({
    modelTypeId: cameraType,
    areaCode: HAI_BA,
    name: "Camera an ninh thôn Mỹ Thủy",
    establishedOn: "2018-01-01",
  });
}, 60_000);

const camera = () => ({
  areaCode: HAI_AN,
  installedOn: "2019-05-01",
  cameras: 4,
  recorders: 1,
  memoryCards: 1,
  costVnd: 40_000_000,
  fundingSource: "socialized" as const,
});

const award = () => ({
  year: 2021,
  issuer: "provincial_police" as const,
  form: "certificate" as const,
  recipientKind: "collective" as const,
  recipientName: "Tổ camera thôn Hải Lâm",
  areaCode: HAI_AN,
});

async function removedSite() {
  const admin = s.caller(s.users.admin);
  const site = await admin.sites.create({
    modelTypeId: await s.typeId("clan-no-crime"),
    areaCode: HAI_AN,
    name: `Dòng họ ${Math.random()}`,
    establishedOn: "2015-01-01",
  });
  await admin.sites.remove({ id: site.id, version: site.version, reason: "Nhập nhầm" });
  return site;
}

/** A removed, a missing and another area's site are each refused, the message on siteId; nothing changes. */
async function expectBadSitesRefused(create: (siteId: number) => Promise<unknown>) {
  const removed = await removedSite();
  const cases: [number, string][] = [
    [removed.id, "Điểm mô hình đã bị xóa, không gắn được"],
    [999_999, "Điểm mô hình không tồn tại"],
    [siteBa.id, "Điểm mô hình không thuộc địa bàn đã chọn"],
  ];
  for (const [siteId, message] of cases) {
    const before = await s.counts();
    await expectTrpcError(create(siteId), "BAD_REQUEST", message, "siteId");
    expect(await s.counts()).toEqual(before);
  }
}

describe("cameras: linked site", () => {
  it("links a site of the same area and returns its name and model type, in get and list too", async () => {
    const cam = await s.caller(s.users.haiLang).cameras.create({ ...camera(), siteId: siteAn.id });
    const linked = {
      siteId: siteAn.id,
      siteName: "Camera an ninh thôn Hải Lâm",
      siteModelTypeName: expect.stringMatching(/camera/i),
      siteRemoved: false,
    };
    expect(cam).toMatchObject(linked);
    expect(await s.caller(s.users.viewer).cameras.get({ id: cam.id })).toMatchObject(linked);
    const list = await s.caller(s.users.viewer).cameras.list({ areaCode: HAI_AN, pageSize: 100 });
    expect(list.items.find((i) => i.id === cam.id)).toMatchObject(linked);
  });

  it("without a site returns nulls", async () => {
    const cam = await s.caller(s.users.admin).cameras.create(camera());
    expect(cam).toMatchObject({ siteId: null, siteName: null, siteModelTypeName: null, siteRemoved: false });
  });

  it("refuses a removed, missing or other-area site on create, with the message on siteId, changing nothing", async () => {
    await expectBadSitesRefused((siteId) => s.caller(s.users.haiLang).cameras.create({ ...camera(), siteId }));
  });

  it("on update: relinks, refuses a bad site or an area change that leaves the site behind, unlinks with null", async () => {
    const editor = s.caller(s.users.haiLang);
    const cam = await editor.cameras.create(camera());
    const linked = await editor.cameras.update({ id: cam.id, version: 1, siteId: siteAn.id });
    expect(linked).toMatchObject({ version: 2, siteId: siteAn.id, siteName: "Camera an ninh thôn Hải Lâm" });

    await expectTrpcError(
      editor.cameras.update({ id: cam.id, version: 2, siteId: siteBa.id }),
      "BAD_REQUEST",
      "Điểm mô hình không thuộc địa bàn đã chọn",
      "siteId",
    );
    await expectTrpcError(
      editor.cameras.update({ id: cam.id, version: 2, siteId: (await removedSite()).id }),
      "BAD_REQUEST",
      "Điểm mô hình đã bị xóa, không gắn được",
      "siteId",
    );
    // Moving the installation to Hải Ba while it stays linked to Hải An's site.
    await expectTrpcError(
      editor.cameras.update({ id: cam.id, version: 2, areaCode: HAI_BA }),
      "BAD_REQUEST",
      "Điểm mô hình không thuộc địa bàn đã chọn",
      "siteId",
    );
    const moved = await editor.cameras.update({ id: cam.id, version: 2, areaCode: HAI_BA, siteId: siteBa.id });
    expect(moved).toMatchObject({ version: 3, areaCode: HAI_BA, siteId: siteBa.id });

    const unlinked = await editor.cameras.update({ id: cam.id, version: 3, siteId: null });
    expect(unlinked).toMatchObject({ version: 4, siteId: null, siteName: null });
    expect(await s.t.db.cameraInstallation.findUniqueOrThrow({ where: { id: cam.id } })).toMatchObject({
      siteId: null,
    });
    const [last] = await s.history(s.users.viewer, "camera_installation", cam.id);
    if (!last) throw new Error("no history");
    // The link's change is the id's; the history names the site from the snapshot beside it.
    expect(last.changes).toEqual([{ field: "siteId", before: siteBa.id, after: null }]);
    expect(changeLines(last, "vi")).toEqual([
      { field: "siteId", label: "Điểm mô hình", before: "Camera an ninh thôn Mỹ Thủy", after: "—" },
    ]);
  });

  it("keeps a link to a site removed later: shown as removed, other fields still editable, not re-linkable", async () => {
    const admin = s.caller(s.users.admin);
    const site = await admin.sites.create({
      modelTypeId: await s.typeId("security-camera"),
      areaCode: HAI_AN,
      name: "Camera chợ Hải An",
      establishedOn: "2017-01-01",
    });
    const cam = await admin.cameras.create({ ...camera(), siteId: site.id });
    await admin.sites.remove({ id: site.id, version: site.version, reason: "Giải thể, nhập lại" });
    expect(await admin.cameras.get({ id: cam.id })).toMatchObject({ siteId: site.id, siteRemoved: true });
    const edited = await admin.cameras.update({ id: cam.id, version: 1, cameras: 6 });
    expect(edited).toMatchObject({ cameras: 6, siteId: site.id, siteRemoved: true });
    const unlinked = await admin.cameras.update({ id: cam.id, version: 2, siteId: null });
    await expectTrpcError(
      admin.cameras.update({ id: cam.id, version: unlinked.version, siteId: site.id }),
      "BAD_REQUEST",
      "Điểm mô hình đã bị xóa, không gắn được",
      "siteId",
    );
  });
});

describe("awards: linked site", () => {
  it("links a site of the award's area and unlinks it", async () => {
    const editor = s.caller(s.users.haiLang);
    const a = await editor.awards.create({ ...award(), siteId: siteAn.id });
    expect(a).toMatchObject({ siteId: siteAn.id, siteName: "Camera an ninh thôn Hải Lâm", siteRemoved: false });
    const unlinked = await editor.awards.update({ id: a.id, version: 1, siteId: null });
    expect(unlinked).toMatchObject({ siteId: null, siteName: null });
  });

  it("refuses a removed, missing or other-area site, with the message on siteId, changing nothing", async () => {
    await expectBadSitesRefused((siteId) => s.caller(s.users.haiLang).awards.create({ ...award(), siteId }));
  });

  it("refuses a site on a province-level award, and a move to province level that keeps the site", async () => {
    const province = s.caller(s.users.province);
    await expectTrpcError(
      province.awards.create({ ...award(), areaCode: null, siteId: siteAn.id }),
      "BAD_REQUEST",
      "Khen thưởng cấp tỉnh không gắn với điểm mô hình; hãy chọn xã, phường, thị trấn",
      "siteId",
    );
    const a = await province.awards.create({ ...award(), siteId: siteAn.id, recipientName: "Tổ tự quản" });
    await expectTrpcError(
      province.awards.update({ id: a.id, version: 1, areaCode: null }),
      "BAD_REQUEST",
      "Khen thưởng cấp tỉnh không gắn với điểm mô hình; hãy chọn xã, phường, thị trấn",
      "siteId",
    );
    await expectTrpcError(
      province.awards.update({ id: a.id, version: 1, areaCode: HAI_BA, districtCode: HAI_LANG }),
      "BAD_REQUEST",
      "Điểm mô hình không thuộc địa bàn đã chọn",
      "siteId",
    );
    const moved = await province.awards.update({ id: a.id, version: 1, areaCode: null, siteId: null });
    expect(moved).toMatchObject({ areaCode: null, siteId: null, version: 2 });
  });
});

describe("moving a linked site", () => {
  it("is refused while installations or awards in its area link to it, and allowed once unlinked", async () => {
    const admin = s.caller(s.users.admin);
    const site = await admin.sites.create({
      modelTypeId: await s.typeId("security-camera"),
      areaCode: HAI_AN,
      name: "Camera an ninh chợ Hải An",
      establishedOn: "2019-01-01",
    });
    const cam = await admin.cameras.create({ ...camera(), siteId: site.id });
    const before = await s.counts();
    await expectTrpcError(
      admin.sites.update({ id: site.id, version: site.version, areaCode: HAI_BA }),
      "BAD_REQUEST",
      "Điểm mô hình đang gắn với 1 đợt lắp đặt camera và 0 khen thưởng ở địa bàn hiện tại; hãy bỏ liên kết hoặc chuyển các bản ghi đó trước khi đổi địa bàn",
      "areaCode",
    );
    expect(await s.counts()).toEqual(before);
    // Other fields still change, and the move is allowed once the installation is unlinked.
    const renamed = await admin.sites.update({ id: site.id, version: site.version, name: "Camera chợ Hải An" });
    await admin.cameras.update({ id: cam.id, version: cam.version, siteId: null });
    const moved = await admin.sites.update({ id: site.id, version: renamed.version, areaCode: HAI_BA });
    expect(moved).toMatchObject({ areaCode: HAI_BA, districtCode: HAI_LANG });
  });
});
