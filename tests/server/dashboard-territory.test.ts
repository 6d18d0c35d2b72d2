import type { TDashboardFilter } from "@qt/shared/schemas/dashboard";
import type { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { countAreas } from "../fixtures/territory.ts";
import { fileDatabase } from "../support/file-db.ts";
import { shownMessage } from "./helpers/entry.ts";
import { expectedFigures } from "./helpers/figures.ts";

/** Territory (whole province of today, former Quảng Trị, former Quảng Bình) × view, on the demo data. */
const { t, caller } = fileDatabase({ from: "demo", role: "viewer" });
const dashboard = () => caller().dashboard;
const PERIOD = { fromYear: 2007, toYear: 2022 } as const;
const TERRITORIES = [undefined, "45", "44"] as const;

/** Sites of the period in the territory, and the distinct areas they count in under each view: from SQL. */
async function sitesBySql(province: string | undefined, modelType?: string) {
  const rows = await t.db.$queryRaw<{ sites: bigint; areas: bigint; communes: bigint }[]>`
    SELECT COUNT(*) AS sites, COUNT(DISTINCT s.area_id) AS areas,
      COUNT(DISTINCT CASE WHEN a.catalog = 'two_level' THEN a.id ELSE a.successor_id END) AS communes
    FROM site s JOIN admin_unit a ON a.id = s.area_id JOIN model_type mt ON mt.id = s.model_type_id
    JOIN admin_unit d ON d.id = COALESCE(a.former_district_id, CASE WHEN a.level = 'district' THEN a.id ELSE a.parent_id END)
    JOIN admin_unit p ON p.id = d.parent_id
    WHERE s.deleted_at IS NULL AND s.established_on BETWEEN DATE '2007-01-01' AND DATE '2022-12-31'
      AND (${province ?? null}::text IS NULL OR p.code = ${province ?? null}::text)
      AND (${modelType ?? null}::text IS NULL OR mt.code = ${modelType ?? null}::text)`;
  const r = rows[0];
  return { sites: Number(r?.sites), areas: Number(r?.areas), communes: Number(r?.communes) };
}

describe("territory and view on the dashboard", () => {
  it.each(TERRITORIES)("gives the same site and camera totals in both views (territory %s)", async (province) => {
    const filter: TDashboardFilter = { ...PERIOD, formerProvinceCode: province };
    const [h, c] = await Promise.all([
      dashboard().summary(filter),
      dashboard().summary({ ...filter, view: "current" }),
    ]);
    expect(c.filter).toMatchObject({ formerProvinceCode: province ?? null, view: "current" });
    expect(h.filter).toMatchObject({ view: "historical" });
    expect(c.siteCount).toBe(h.siteCount);
    expect(c.cameras).toEqual(h.cameras);
    expect(c.cameraCoverage).toEqual(h.cameraCoverage);
    expect(c.byDistrict.map(({ code, sites, cameras }) => ({ code, sites, cameras }))).toEqual(
      h.byDistrict.map(({ code, sites, cameras }) => ({ code, sites, cameras })),
    );
    expect(c.byModelType.map((m) => [m.code, m.sites, m.districts])).toEqual(
      h.byModelType.map((m) => [m.code, m.sites, m.districts]),
    );
    // Areas are counted where each view puts the records: their own area, or today's commune.
    const sql = await sitesBySql(province);
    expect(h.siteCount).toBe(sql.sites);
    expect(h.areasWithModels).toBe(sql.areas);
    expect(c.areasWithModels).toBe(sql.communes);
    const clan = await sitesBySql(province, "clan-no-crime");
    const communesOf = (s: typeof h) => s.byModelType.find((m) => m.code === "clan-no-crime")?.communes ?? 0;
    expect([communesOf(h), communesOf(c)]).toEqual([clan.areas, clan.communes]);
    const [cams, camsCurrent] = await Promise.all([
      dashboard().cameras(filter),
      dashboard().cameras({ ...filter, view: "current" }),
    ]);
    expect(camsCurrent.totals).toEqual(cams.totals);
    expect(camsCurrent.areas.reduce((s, a) => s + a.cameras, 0)).toBe(cams.totals.cameras);
    expect(cams.areas.reduce((s, a) => s + a.cameras, 0)).toBe(cams.totals.cameras);
    expect(camsCurrent.areas.every((a) => a.current)).toBe(true);
    expect(camsCurrent.areas.filter((a) => a.covered)).toHaveLength(cams.coverage.current.covered);
    // Coverage over both lists, counted from the tables (today's communes with the areas they took over).
    const expected = await expectedFigures(t.db, { from: 2007, to: 2022, province });
    expect(h.cameraCoverage).toMatchObject(expected.coverage);
    expect(h.byDistrict.map((d) => [d.code, d.currentCoveredAreas, d.currentAreas])).toEqual(
      expected.byDistrict.map((d) => [d.code, d.currentCoveredAreas, d.currentAreas]),
    );
  });

  it("counts coverage over the old areas that existed in the period and over today's communes of the territory", async () => {
    const coverage = async (formerProvinceCode?: "45" | "44", years: Partial<TDashboardFilter> = PERIOD) =>
      (await dashboard().summary({ ...years, formerProvinceCode })).cameraCoverage;
    const whole = await coverage();
    const qt = await coverage("45");
    const qb = await coverage("44");
    expect([whole.total, qt.total, qb.total]).toEqual([126 + 151, 126, 151]);
    const period = { from: "2007-01-01", to: "2022-12-31" };
    expect(qb.total).toBe(await countAreas(t.db, { catalog: "three_level", province: "44", ...period }));
    expect(whole.current.total).toBe(await countAreas(t.db, { catalog: "two_level" }));
    expect([whole.current.total, qt.current.total, qb.current.total]).toEqual([78, 37, 41]);
    expect(qt.covered).toBe(73); // the article's 73/126
    expect(whole.covered).toBe(qt.covered + qb.covered);
    // In 2025 the communes merged on 01/12/2024 and 01/01/2025 no longer count; in 2026 no old area exists.
    expect((await coverage("44", { fromYear: 2025 })).total).toBe(145);
    expect((await coverage("45", { fromYear: 2025 })).total).toBe(120);
    expect(await coverage(undefined, { fromYear: 2026 })).toMatchObject({ total: 0, current: { total: 78 } });
  });

  it("lists every former district of the territory in the district tables", async () => {
    const codes = async (formerProvinceCode?: "45" | "44") =>
      (await dashboard().summary({ formerProvinceCode })).byDistrict.map((d) => d.code);
    const options = (await dashboard().options()).districts;
    const of = (p: string) => options.filter((d) => d.province === p).map((d) => d.code);
    expect(await codes("44")).toEqual(of("44"));
    expect(await codes("45")).toEqual(of("45"));
    expect(await codes()).toEqual([...of("44"), ...of("45")]);
    expect((await dashboard().cameras({ formerProvinceCode: "44" })).districts.map((d) => d.code)).toEqual(of("44"));
  });

  it("lists today's communes in the current view of a district, with the records of the areas they took over", async () => {
    const filter = { ...PERIOD, districtCode: "466" }; // Gio Linh
    const [h, c] = await Promise.all([dashboard().areas(filter), dashboard().areas({ ...filter, view: "current" })]);
    const sum = (a: typeof h, k: "sites" | "cameras") => a.areas.reduce((s, x) => s + x[k], 0);
    expect(c.areas.every((a) => a.current)).toBe(true);
    // Today's communes on Gio Linh's land, from the units; by the units of the record's date a
    // 2007–2022 table lists none of them (they did not exist yet).
    const today = await t.db.$queryRaw<{ code: string }[]>`
      SELECT a.code FROM admin_unit a JOIN admin_unit d ON d.id = a.former_district_id
      WHERE a.catalog = 'two_level' AND d.code = '466' ORDER BY a.code`;
    expect(c.areas.map((a) => a.code)).toEqual(today.map((a) => a.code));
    expect(h.areas.filter((a) => a.current)).toEqual([]);
    expect(sum(c, "sites")).toBe(sum(h, "sites"));
    expect(sum(c, "cameras")).toBe(sum(h, "cameras"));
    expect(sum(c, "sites")).toBeGreaterThan(0);
    // Xã Gio Linh (19495) took over thị trấn Gio Linh and Gio Châu among others: their sites are its own.
    const successors = await t.db.$queryRaw<{ sites: bigint }[]>`
      SELECT COUNT(*) AS sites FROM site s JOIN admin_unit a ON a.id = s.area_id
      JOIN admin_unit n ON n.id = a.successor_id
      WHERE s.deleted_at IS NULL AND n.code = '19495' AND n.catalog = 'two_level'
        AND s.established_on BETWEEN DATE '2007-01-01' AND DATE '2022-12-31'`;
    expect(c.areas.find((a) => a.code === "19495")?.sites).toBe(Number(successors[0]?.sites));
    const expected = await expectedFigures(t.db, { ...{ from: 2007, to: 2022 }, districts: ["466"] });
    expect(
      c.areas.map((a) => ({ code: a.code, name: a.name, covered: a.covered, sites: a.sites, cameras: a.cameras })),
    ).toEqual(expected.areaRows("466", "current"));
    expect(c.areas.some((a) => a.covered)).toBe(true);
  });

  it("takes the territory on every procedure, and refuses unknown values with a Vietnamese 400", async () => {
    const qb = { ...PERIOD, formerProvinceCode: "44" } as const;
    const qbDistricts = (
      await t.db.adminUnit.findMany({
        where: { level: "district", parent: { code: "44", catalog: "three_level" } },
        select: { code: true },
      })
    ).map((d) => d.code);
    // Former Quảng Bình's figures come from its own districts only.
    const communities = (await dashboard().communities(qb)).byDistrict;
    expect(communities.length).toBeGreaterThan(0);
    expect(communities.every((d) => qbDistricts.includes(d.code))).toBe(true);
    const yearly = await dashboard().yearly(qb);
    expect(yearly.years.reduce((n, y) => n + y.sites, 0)).toBe((await sitesBySql("44")).sites);
    const clanSecurity = await dashboard().modelType({ ...qb, code: "clan-security" });
    expect(clanSecurity.totalSites).toBe((await sitesBySql("44", "clan-security")).sites);
    const clans = await dashboard().modelType({ ...PERIOD, formerProvinceCode: "45", code: "clan-no-crime" });
    expect(clans.totalSites).toBe((await sitesBySql("45", "clan-no-crime")).sites);
    const refused = async (input: unknown) =>
      dashboard()
        .summary(input as TDashboardFilter) // a bad value on purpose: the schema must refuse it
        .then(
          () => null,
          (e: TRPCError) => ({ code: e.code, message: shownMessage(e) }),
        );
    expect(await refused({ formerProvinceCode: "46" })).toEqual({
      code: "BAD_REQUEST",
      message: "Tỉnh cũ mã 46 không thuộc địa bàn tỉnh Quảng Trị; chọn một trong: 44 (Quảng Bình), 45 (Quảng Trị).",
    });
    expect(await refused({ view: "today" })).toEqual({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Cách tổng hợp không hợp lệ"),
    });
    expect(await refused({ formerProvinceCode: "44", districtCode: "466" })).toEqual({
      code: "BAD_REQUEST",
      message: "Huyện Gio Linh không thuộc địa bàn Quảng Bình cũ.",
    });
  });
});
