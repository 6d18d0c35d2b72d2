import { beforeAll, describe, expect, it } from "vitest";
import { cachedAggregate, dataVersion } from "../../server/services/dashboard/cache.ts";
import { dashboardSummary } from "../../server/services/dashboard/summary.ts";
import { dataVersions } from "../../server/services/dashboard/versions.ts";
import { HAI_AN, HAI_BA, HAI_LANG } from "../fixtures/units.ts";
import { entryFile, expectTrpcError } from "./helpers/entry.ts";

// The dashboard answers from a cache of aggregates (docs/decisions/008). Every test reads the
// figures first, so that they are cached, then writes, then expects the next call to see the write.

const s = entryFile();
let clan: number;
beforeAll(async () => {
  clan = await s.typeId("clan-no-crime");
}, 60_000);

const viewer = () => s.caller(s.users.viewer).dashboard;
const siteFigures = async () => {
  const [summary, yearly, areas, type] = await Promise.all([
    viewer().summary({}),
    viewer().yearly({ fromYear: 2015, toYear: 2016 }),
    viewer().areas({ districtCode: HAI_LANG }),
    viewer().modelType({ code: "clan-no-crime" }),
  ]);
  return {
    sites: summary.siteCount,
    in2015: yearly.years.find((y) => y.year === 2015)?.sites,
    haiAn: areas.areas.find((a) => a.code === HAI_AN)?.sites,
    haiBa: areas.areas.find((a) => a.code === HAI_BA)?.sites,
    clanSites: type.totalSites,
  };
};

describe("dashboard cache", () => {
  it("reflects a site's create, update, remove and restore in the next call", async () => {
    const editor = s.caller(s.users.haiLang);
    const before = await siteFigures();
    expect(await siteFigures()).toEqual(before); // now cached

    const site = await editor.sites.create({
      modelTypeId: clan,
      areaCode: HAI_AN,
      name: "Dòng họ Hồ",
      establishedOn: "2015-06-01",
    });
    const created = { ...before, sites: before.sites + 1, clanSites: before.clanSites + 1 };
    expect(await siteFigures()).toEqual({
      ...created,
      in2015: (before.in2015 ?? 0) + 1,
      haiAn: (before.haiAn ?? 0) + 1,
    });

    await editor.sites.update({ id: site.id, version: 1, areaCode: HAI_BA, establishedOn: "2017-01-01" });
    expect(await siteFigures()).toEqual({ ...created, haiBa: (before.haiBa ?? 0) + 1 });

    await editor.sites.remove({ id: site.id, version: 2, reason: "nhập nhầm" });
    expect(await siteFigures()).toEqual(before);

    await s.caller(s.users.admin).sites.restore({ id: site.id });
    expect(await siteFigures()).toEqual({ ...created, haiBa: (before.haiBa ?? 0) + 1 });
  });

  it("reflects camera installations and awards", async () => {
    const editor = s.caller(s.users.haiLang);
    const cameras = async () => (await viewer().cameras({})).totals.cameras;
    const summaryCameras = async () => (await viewer().summary({})).cameras.cameras;
    const awards = async () => (await viewer().awards({ fromYear: 2021, toYear: 2021 })).total;
    const [c0, a0] = [await cameras(), await awards()];
    expect(await summaryCameras()).toBe(c0);

    const cam = await editor.cameras.create({
      areaCode: HAI_AN,
      installedOn: "2019-05-01",
      cameras: 12,
      recorders: 1,
      memoryCards: 2,
      costVnd: 350_000_000,
      fundingSource: "mixed",
    });
    expect([await cameras(), await summaryCameras()]).toEqual([c0 + 12, c0 + 12]);
    await editor.cameras.update({ id: cam.id, version: 1, cameras: 5 });
    expect([await cameras(), await summaryCameras()]).toEqual([c0 + 5, c0 + 5]);
    await editor.cameras.remove({ id: cam.id, version: 2, reason: "trùng đợt" });
    expect([await cameras(), await summaryCameras()]).toEqual([c0, c0]);

    const award = await editor.awards.create({
      year: 2021,
      issuer: "provincial_committee",
      form: "certificate_of_merit",
      recipientKind: "collective",
      recipientName: "Ban Công an xã Hải An",
      areaCode: HAI_AN,
      decisionNumber: "12/QĐ-UBND",
    });
    expect(await awards()).toBe(a0 + 1);
    await editor.awards.update({ id: award.id, version: 1, year: 2020 });
    expect(await awards()).toBe(a0);
  });

  it("reflects the model-type catalogue (filter options and the names on the charts)", async () => {
    const admin = s.caller(s.users.admin);
    const names = async () => (await viewer().options()).modelTypes.map((m) => m.name);
    expect(await names()).not.toContain("Chợ an toàn");
    const created = await admin.modelTypes.create({
      code: "safe-market-cache",
      name: "Chợ an toàn",
      category: "other",
    });
    expect(await names()).toContain("Chợ an toàn");

    await admin.sites.create({
      modelTypeId: created.id,
      areaCode: HAI_AN,
      name: "Chợ Hải An",
      establishedOn: "2020-01-01",
    });
    expect((await viewer().summary({})).byModelType.map((m) => m.name)).toContain("Chợ an toàn");
    await admin.modelTypes.update({ id: created.id, version: 1, name: "Chợ văn minh" });
    const summary = await viewer().summary({});
    expect(summary.byModelType.map((m) => m.name)).toContain("Chợ văn minh");
    expect(summary.byModelType.map((m) => m.name)).not.toContain("Chợ an toàn");
  });

  it("sees writes that bypass the services (SQL, as another app server or psql would write)", async () => {
    const cam = await s.caller(s.users.admin).cameras.create({
      areaCode: HAI_BA,
      installedOn: "2018-01-01",
      cameras: 3,
      recorders: 0,
      memoryCards: 0,
      costVnd: 0,
      fundingSource: "mixed",
    });
    const cameras = async () => (await viewer().summary({})).cameras.cameras;
    const before = await cameras();
    await s.t.db.$executeRaw`UPDATE camera_installation SET cameras = cameras + 1 WHERE id = ${cam.id}`;
    expect(await cameras()).toBe(before + 1);
  });

  it("keeps the version when a write rolls back, and bumps it once per committed statement", async () => {
    const v0 = await dataVersion(s.t.db);
    await expect(
      s.t.db.$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE site SET notes = notes WHERE id = -1`;
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await dataVersion(s.t.db)).toBe(v0);
    const bands0 = (await dataVersions(s.t.db)).bands;
    await s.t.db.$executeRaw`UPDATE award SET notes = notes WHERE id = -1`;
    expect(await dataVersion(s.t.db)).toBe(v0 + 1n);
    // Only the award table's band grew (decision 060): 64 rows per table, band 3 for awards.
    const bands1 = (await dataVersions(s.t.db)).bands;
    for (const band of new Set([...bands0.keys(), ...bands1.keys()]))
      expect([band, (bands1.get(band) ?? 0n) - (bands0.get(band) ?? 0n)]).toEqual([band, band === 3 ? 1n : 0n]);
    // Reads, and writes to accounts, are not dashboard data.
    await s.caller(s.users.viewer).dashboard.summary({});
    await s.t.db.user.update({ where: { id: s.users.viewer.id }, data: { displayName: "Lãnh đạo" } });
    expect(await dataVersion(s.t.db)).toBe(v0 + 1n);
  });

  it("recounts after a write only the summary's figures that read the table written (decision 060)", async () => {
    const admin = s.caller(s.users.admin);
    const summary = async () => {
      const { siteCount, cameras } = await viewer().summary({});
      return { sites: siteCount, cameras: cameras.cameras };
    };
    const [live] = await s.t.db.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) FROM site WHERE deleted_at IS NULL`;
    const before = await summary();
    expect(before.sites).toBe(Number(live?.count));
    // A site written while its table's trigger of the data version is off: the roll-ups count it,
    // but nothing says the site figures changed, so they stay as kept.
    await s.t.db.$executeRawUnsafe("ALTER TABLE site DISABLE TRIGGER site_bumps_data_version");
    let hidden: number | undefined;
    try {
      const [row] = await s.t.db.$queryRaw<{ id: number }[]>`
        INSERT INTO site (model_type_id, area_id, name, established_on, search_text, updated_at)
        SELECT ${clan}, id, 'Dòng họ không báo', DATE '2016-01-01', 'dong ho khong bao', now()
        FROM admin_unit WHERE code = ${HAI_AN} RETURNING id`;
      hidden = row?.id;
    } finally {
      await s.t.db.$executeRawUnsafe("ALTER TABLE site ENABLE TRIGGER site_bumps_data_version");
    }
    const cam = await admin.cameras.create({
      areaCode: HAI_BA,
      installedOn: "2018-03-01",
      cameras: 4,
      recorders: 0,
      memoryCards: 0,
      costVnd: 0,
      fundingSource: "mixed",
    });
    // An installation's write: the camera figures are recounted, the site figures kept.
    expect(await summary()).toEqual({ sites: before.sites, cameras: before.cameras + 4 });
    // A site's write (any): the site figures are recounted, and the hidden site is there.
    await s.t.db.$executeRaw`UPDATE site SET notes = notes WHERE id = ${hidden}`;
    expect(await summary()).toEqual({ sites: before.sites + 1, cameras: before.cameras + 4 });
    await s.t.db.$executeRaw`DELETE FROM site WHERE id = ${hidden}`;
    await admin.cameras.remove({ id: cam.id, version: 1, reason: "thử bộ nhớ đệm" });
    expect(await summary()).toEqual(before);
  });

  it("gives every caller the same province-wide figures, and none to a caller without a session", async () => {
    const summary = await s.caller(s.users.haiLang).dashboard.summary({});
    const { asOf: _a, ...fresh } = await dashboardSummary(s.t.db, {});
    // The demo count comes alongside the figures (services/demo/counts.ts), not from dashboardSummary.
    const { asOf: _b, demo: _d, ...cached } = summary;
    expect(cached).toEqual(fresh);
    expect((await viewer().summary({})).siteCount).toBe(summary.siteCount);
    await expectTrpcError(s.caller(null).dashboard.summary({}), "UNAUTHORIZED");
  });

  it("stamps the summary with the time of the call, not of the computation", async () => {
    const first = await viewer().summary({});
    await new Promise((r) => setTimeout(r, 5));
    const second = await viewer().summary({});
    expect(Date.parse(second.asOf)).toBeGreaterThan(Date.parse(first.asOf));
  });
});

describe("cachedAggregate", () => {
  it("shares one computation between concurrent callers and keys inputs regardless of key order", async () => {
    let runs = 0;
    const compute = async () => {
      runs += 1;
      await new Promise((r) => setTimeout(r, 20));
      return { runs };
    };
    const [a, b] = await Promise.all([
      cachedAggregate(s.t.db, "test.share", { x: 1, y: 2 }, compute),
      cachedAggregate(s.t.db, "test.share", { y: 2, x: 1 }, compute),
    ]);
    expect(runs).toBe(1);
    expect(a).toBe(b);
    await cachedAggregate(s.t.db, "test.share", { x: 2, y: 2 }, compute);
    expect(runs).toBe(2);
  });

  it("does not keep a failed computation", async () => {
    let runs = 0;
    const flaky = async () => {
      runs += 1;
      if (runs === 1) throw new Error("glitch");
      return runs;
    };
    await expect(cachedAggregate(s.t.db, "test.flaky", {}, flaky)).rejects.toThrow("glitch");
    expect(await cachedAggregate(s.t.db, "test.flaky", {}, flaky)).toBe(2);
    expect(await cachedAggregate(s.t.db, "test.flaky", {}, flaky)).toBe(2);
  });

  it("computes again after any write to the data", async () => {
    let runs = 0;
    const compute = async () => ++runs;
    expect(await cachedAggregate(s.t.db, "test.version", {}, compute)).toBe(1);
    expect(await cachedAggregate(s.t.db, "test.version", {}, compute)).toBe(1);
    await s.t.db.$executeRaw`UPDATE model_type SET name = name WHERE id = -1`;
    expect(await cachedAggregate(s.t.db, "test.version", {}, compute)).toBe(2);
  });
});
