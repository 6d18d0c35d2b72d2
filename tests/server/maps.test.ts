import { readFileSync } from "node:fs";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { DISTRICTS_ASSET } from "../../server/services/maps/boundaries.ts";
import { geometryProblems } from "../../server/services/maps/geometry.ts";
import { districtsFromSource } from "../../server/services/maps/source.ts";
import { fileDatabase } from "../support/file-db.ts";
import { expectedFigures } from "./helpers/figures.ts";

/** maps.boundaries and maps.measures on the demo data, against figures counted from the tables in the test. */
const { t, caller: api } = fileDatabase({ from: "demo", role: "viewer" });
const PERIOD = { fromYear: 2007, toYear: 2022 } as const;
const QT = ["461", "462", "464", "465", "466", "467", "468", "469", "470", "471"];
const QB = ["450", "452", "453", "454", "455", "456", "457", "458"];

describe("maps.boundaries (districts)", () => {
  it("gives the 18 districts of both old provinces in WGS84, each once, with the attribution", async () => {
    const b = await api().maps.boundaries({ level: "district" });
    expect(b.features.map((f) => f.properties.code).sort()).toEqual([...QB, ...QT].sort());
    expect(b.attribution).toContain("geoBoundaries.org");
    expect(b.attribution).toContain("CC BY 3.0 IGO");
    const gioLinh = b.features.find((f) => f.properties.code === "466");
    expect(gioLinh?.properties).toEqual({ code: "466", name: "Huyện Gio Linh", districtCode: "466" });
    for (const f of b.features) {
      const points = (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates).flat(2);
      for (const [x, y] of points) {
        expect(x).toBeGreaterThan(105.5);
        expect(x).toBeLessThan(107.5);
        expect(y).toBeGreaterThan(16);
        expect(y).toBeLessThan(18.2);
      }
    }
    // Small enough to send with the map: the source files are 72 KB together.
    expect(JSON.stringify(b).length).toBeLessThan(50_000);
  });

  it("gives one old province's districts for its territory", async () => {
    const b = await api().maps.boundaries({ level: "district", formerProvinceCode: "45" });
    expect(b.features.map((f) => f.properties.code).sort()).toEqual(QT);
  });

  it("ships the simplification of the committed source (pnpm maps:build is up to date)", () => {
    const committed = JSON.parse(readFileSync(DISTRICTS_ASSET, "utf8"));
    expect(committed.features).toEqual(districtsFromSource(["45", "44"]));
  });

  it("keeps every simplified district a valid polygon (the upload's own checks find nothing)", async () => {
    const b = await api().maps.boundaries({ level: "district" });
    for (const f of b.features) expect(geometryProblems(f.properties.code, f.geometry)).toEqual([]);
  });

  it("refuses the commune level while no boundaries are loaded, naming why", async () => {
    await expect(api().maps.boundaries({ level: "commune", list: "two_level" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Chưa nạp ranh giới cấp xã cho danh mục này.",
    });
  });

  it("refuses a commune level without its list, and an unknown territory", async () => {
    await expect(api().maps.boundaries({ level: "commune" } as never)).rejects.toBeInstanceOf(TRPCError);
    await expect(api().maps.boundaries({ level: "district", formerProvinceCode: "99" } as never)).rejects.toMatchObject(
      { code: "BAD_REQUEST" },
    );
  });
});

describe("maps.measures", () => {
  it("gives each district its coverage, sites and cameras, counted from the tables", async () => {
    const [m, expected] = await Promise.all([
      api().maps.measures({ level: "district", ...PERIOD }),
      expectedFigures(t.db, { from: 2007, to: 2022 }),
    ]);
    expect(m.level).toBe("district");
    expect(m.units).toEqual(
      expected.byDistrict.map((d) => ({
        code: d.code,
        name: d.name,
        districtCode: d.code,
        covered: d.coveredAreas,
        total: d.areas,
        sites: d.sites,
        cameras: d.cameras,
      })),
    );
    // Not a map of zeros: the demo data has cameras and sites; the article's 73/126 is in it.
    expect(expected.coverage.covered).toBeGreaterThan(73);
    expect(m.units.filter((u) => QT.includes(u.code)).reduce((s, u) => s + u.covered, 0)).toBe(73);
    expect(m.units.reduce((s, u) => s + u.sites, 0)).toBe(expected.siteCount);
    // The demo records of 2007–2022: sites, installations and awards (decision 023).
    const [demo] = await t.db.$queryRaw<{ n: bigint }[]>`
      SELECT (SELECT COUNT(*) FROM site WHERE is_demo AND deleted_at IS NULL
          AND EXTRACT(YEAR FROM established_on) BETWEEN 2007 AND 2022)
        + (SELECT COUNT(*) FROM camera_installation WHERE is_demo AND deleted_at IS NULL
          AND EXTRACT(YEAR FROM installed_on) BETWEEN 2007 AND 2022)
        + (SELECT COUNT(*) FROM award WHERE is_demo AND deleted_at IS NULL AND year BETWEEN 2007 AND 2022) AS n`;
    expect(Number(demo?.n)).toBeGreaterThan(0);
    expect(m.demo.records).toBe(Number(demo?.n));
  });

  it("counts coverage over today's communes for a period ending after 30/06/2025, with the areas they took over", async () => {
    const [m, expected] = await Promise.all([
      api().maps.measures({ level: "district", fromYear: 2007 }),
      expectedFigures(t.db, { from: 2007 }),
    ]);
    expect(m.units).toEqual(
      expected.byDistrict.map((d) =>
        expect.objectContaining({
          code: d.code,
          covered: d.currentCoveredAreas,
          total: d.currentAreas,
          cameras: d.cameras,
        }),
      ),
    );
    expect(m.units.reduce((s, u) => s + u.total, 0)).toBe(78);
  });

  it("counts the sites of one model type per district", async () => {
    const type = await t.db.modelType.findFirstOrThrow({ where: { category: "clan" }, select: { code: true } });
    const [m, expected] = await Promise.all([
      api().maps.measures({ level: "district", ...PERIOD, modelTypeCode: type.code }),
      expectedFigures(t.db, { from: 2007, to: 2022, modelType: type.code }),
    ]);
    expect(expected.siteCount).toBeGreaterThan(0);
    expect(m.units.map((u) => [u.code, u.sites])).toEqual(expected.byDistrict.map((d) => [d.code, d.sites]));
  });

  it("follows the territory", async () => {
    const m = await api().maps.measures({ level: "district", ...PERIOD, formerProvinceCode: "44" });
    expect(m.units.map((u) => u.code)).toEqual(QB);
  });

  it("gives the communes of Gio Linh in each view's list, today's communes with the areas they took over", async () => {
    const expected = await expectedFigures(t.db, { from: 2007, to: 2022, districts: ["466"] });
    for (const view of ["historical", "current"] as const) {
      const m = await api().maps.measures({ level: "commune", ...PERIOD, view, districtCode: "466" });
      expect(m.list).toBe(view === "current" ? "two_level" : "three_level");
      const rows = expected.areaRows("466", view);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.some((r) => r.covered)).toBe(true);
      expect(m.units).toEqual(
        rows.map((a) => ({
          code: a.code,
          name: a.name,
          districtCode: "466",
          covered: a.covered ? 1 : 0,
          total: 1,
          sites: a.sites,
          cameras: a.cameras,
        })),
      );
    }
  });

  it("refuses an unknown district with NOT_FOUND", async () => {
    await expect(api().maps.measures({ level: "district", districtCode: "999" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
