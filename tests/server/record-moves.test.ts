import { describe, expect, it } from "vitest";
import { DONG_HA, HAI_AN, HAI_LANG, PHUONG_1_DONG_HA } from "../fixtures/units.ts";
import { entryFile, expectTrpcError } from "./helpers/entry.ts";

/**
 * Camera installations and awards moved into another district by update, province-level awards,
 * and two updates racing on one version (what tests/server/sites.test.ts checks for sites).
 */
const s = entryFile();

const camera = () => ({
  areaCode: HAI_AN,
  installedOn: "2018-03-01",
  cameras: 7,
  recorders: 1,
  memoryCards: 3,
  costVnd: 120_000_000,
  fundingSource: "state_budget" as const,
});
const award = (recipientName: string, areaCode: string | null = HAI_AN) => ({
  year: 2019,
  issuer: "provincial_police" as const,
  form: "certificate" as const,
  recipientKind: "collective" as const,
  recipientName,
  areaCode,
});

/** The camera figures of one district on the dashboard. */
async function cameraFigures(districtCode: string) {
  const { districts } = await s.caller(s.users.viewer).dashboard.cameras({});
  const d = districts.find((x) => x.code === districtCode);
  if (!d) throw new Error(`no district ${districtCode} on the dashboard`);
  return { cameras: d.cameras, coveredAreas: d.coveredAreas, costVnd: d.costVnd };
}
const awardTotal = async (districtCode: string) =>
  (await s.caller(s.users.viewer).dashboard.awards({ districtCode })).total;

describe("moving a camera installation into another district", () => {
  it("is refused to a district editor, and nothing changes", async () => {
    const cam = await s.caller(s.users.haiLang).cameras.create(camera());
    const before = await s.counts();
    await expectTrpcError(
      s.caller(s.users.haiLang).cameras.update({ id: cam.id, version: 1, areaCode: PHUONG_1_DONG_HA }),
      "FORBIDDEN",
    );
    expect(await s.counts()).toEqual(before);
    const got = await s.caller(s.users.viewer).cameras.get({ id: cam.id });
    expect({ version: got.version, areaCode: got.areaCode, districtCode: got.districtCode }).toEqual({
      version: 1,
      areaCode: HAI_AN,
      districtCode: HAI_LANG,
    });
  });

  it("is done by a province editor, and both districts' figures follow", async () => {
    const cam = await s.caller(s.users.province).cameras.create(camera());
    const [fromBefore, toBefore] = [await cameraFigures(HAI_LANG), await cameraFigures(DONG_HA)];
    const moved = await s
      .caller(s.users.province)
      .cameras.update({ id: cam.id, version: 1, areaCode: PHUONG_1_DONG_HA });
    expect(moved).toMatchObject({ version: 2, areaCode: PHUONG_1_DONG_HA, districtCode: DONG_HA });
    const [fromAfter, toAfter] = [await cameraFigures(HAI_LANG), await cameraFigures(DONG_HA)];
    expect(fromAfter.cameras).toBe(fromBefore.cameras - 7);
    expect(fromAfter.costVnd).toBe(fromBefore.costVnd - 120_000_000);
    expect(toAfter.cameras).toBe(toBefore.cameras + 7);
    expect(toAfter.costVnd).toBe(toBefore.costVnd + 120_000_000);
    // Phường 1 had no installation in this file before: it is now covered. Hải An keeps the first
    // test's installation, so Hải Lăng's coverage stays.
    expect(toAfter.coveredAreas).toBe(toBefore.coveredAreas + 1);
    expect(fromAfter.coveredAreas).toBe(fromBefore.coveredAreas);
    // The district editor of the new district now owns it; the old one no longer does.
    await expectTrpcError(
      s.caller(s.users.haiLang).cameras.update({ id: cam.id, version: 2, cameras: 1 }),
      "FORBIDDEN",
    );
    expect(await s.caller(s.users.dongHa).cameras.update({ id: cam.id, version: 2, cameras: 8 })).toMatchObject({
      version: 3,
      cameras: 8,
    });
  });
});

describe("moving an award into another district", () => {
  it("is refused to a district editor, and nothing changes", async () => {
    const a = await s.caller(s.users.haiLang).awards.create(award("Tổ an ninh thôn 1"));
    const before = await s.counts();
    await expectTrpcError(
      s.caller(s.users.haiLang).awards.update({ id: a.id, version: 1, areaCode: PHUONG_1_DONG_HA }),
      "FORBIDDEN",
    );
    expect(await s.counts()).toEqual(before);
    const got = await s.caller(s.users.viewer).awards.get({ id: a.id });
    expect({ version: got.version, areaCode: got.areaCode, districtCode: got.districtCode }).toEqual({
      version: 1,
      areaCode: HAI_AN,
      districtCode: HAI_LANG,
    });
  });

  it("is done by a province editor, and both districts' figures follow", async () => {
    const a = await s.caller(s.users.province).awards.create(award("Tổ an ninh thôn 2"));
    const [fromBefore, toBefore] = [await awardTotal(HAI_LANG), await awardTotal(DONG_HA)];
    const moved = await s.caller(s.users.province).awards.update({ id: a.id, version: 1, areaCode: PHUONG_1_DONG_HA });
    expect(moved).toMatchObject({ version: 2, areaCode: PHUONG_1_DONG_HA, districtCode: DONG_HA });
    expect(await awardTotal(HAI_LANG)).toBe(fromBefore - 1);
    expect(await awardTotal(DONG_HA)).toBe(toBefore + 1);
  });
});

describe("province-level awards", () => {
  it("cannot be changed, moved into a district or removed by a district editor", async () => {
    const a = await s.caller(s.users.province).awards.create(award("Công an tỉnh Quảng Trị", null));
    const before = await s.counts();
    const message = "Khen thưởng cấp tỉnh chỉ do cán bộ cấp tỉnh cập nhật.";
    await expectTrpcError(
      s.caller(s.users.haiLang).awards.update({ id: a.id, version: 1, notes: "Sửa" }),
      "FORBIDDEN",
      message,
    );
    await expectTrpcError(
      s.caller(s.users.haiLang).awards.update({ id: a.id, version: 1, areaCode: HAI_AN }),
      "FORBIDDEN",
      message,
    );
    await expectTrpcError(
      s.caller(s.users.haiLang).awards.remove({ id: a.id, version: 1, reason: "Không thuộc huyện" }),
      "FORBIDDEN",
      message,
    );
    expect(await s.counts()).toEqual(before);
    expect(await s.caller(s.users.viewer).awards.get({ id: a.id })).toMatchObject({
      version: 1,
      areaCode: null,
      notes: a.notes,
    });
  });
});

describe("two updates racing on one version", () => {
  it("cameras: one wins, the other gets CONFLICT, and the winner's data is what is stored", async () => {
    const cam = await s.caller(s.users.admin).cameras.create({ ...camera(), installedOn: "2017-01-01" });
    const results = await Promise.allSettled([
      s.caller(s.users.admin).cameras.update({ id: cam.id, version: 1, cameras: 10 }),
      s.caller(s.users.province).cameras.update({ id: cam.id, version: 1, cameras: 20 }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost.map((r) => (r.reason as { code?: string }).code)).toEqual(["CONFLICT"]);
    const got = await s.caller(s.users.viewer).cameras.get({ id: cam.id });
    expect(got.version).toBe(2);
    expect(got.cameras).toBe((won[0] as PromiseFulfilledResult<{ cameras: number }>).value.cameras);
  });

  it("awards: one wins, the other gets CONFLICT, and the winner's data is what is stored", async () => {
    const a = await s.caller(s.users.admin).awards.create(award("Tổ an ninh thôn 3"));
    const results = await Promise.allSettled([
      s.caller(s.users.admin).awards.update({ id: a.id, version: 1, year: 2020 }),
      s.caller(s.users.province).awards.update({ id: a.id, version: 1, year: 2021 }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost.map((r) => (r.reason as { code?: string }).code)).toEqual(["CONFLICT"]);
    const got = await s.caller(s.users.viewer).awards.get({ id: a.id });
    expect(got.version).toBe(2);
    expect(got.year).toBe((won[0] as PromiseFulfilledResult<{ year: number }>).value.year);
  });
});
