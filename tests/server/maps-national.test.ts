import { readFileSync } from "node:fs";
import path from "node:path";
import type { Position } from "geojson";
import { describe, expect, it } from "vitest";
import { contains, interiorPoint } from "../../scripts/maps/match.ts";
import { geometryProblems } from "../../server/services/maps/geometry.ts";
import { districtsFromSource, provinceOutlines } from "../../server/services/maps/source.ts";

/** The district maps of any province and the 34 provinces' outlines, against the national unit lists. */
const NATIONAL = path.resolve(import.meta.dirname, "../../../shared/data/national");
const read = (f: string) => JSON.parse(readFileSync(path.join(NATIONAL, f), "utf8"));
const before: { provinces: { code: string; districts: { code: string }[] }[] } = read("vietnam-before-2025-07.json");
const after: { provinces: { code: string; name: string }[] } = read("vietnam-2025.json");
const merges: Record<string, string[]> = read("province-merges-2025-07.json");
const districtsOfOld = (code: string) =>
  before.provinces.find((p) => p.code === code)?.districts.map((d) => d.code) ?? [];

// Beyond the whole country's box (Trường Sa included), and every ring closed, long enough, uncrossed.
const problems = (code: string, g: Parameters<typeof geometryProblems>[1]) =>
  geometryProblems(code, g).filter((p) => p.key !== "map.outsideProvince");
const inViệtNam = ([x, y]: Position) =>
  (x as number) > 102 && (x as number) < 118 && (y as number) > 6 && (y as number) < 24;

describe("districtsFromSource (the old districts of any province)", () => {
  // Phú Thọ from three old provinces (17 + 25 + 26), Hồ Chí Minh City from three with a city among them,
  // Hà Nội (a city, on its own), Đà Nẵng (48 + 49), Cao Bằng (districts merged in 2020).
  it.each(["25", "79", "01", "48", "04"])(
    "draws at least 80 percent of province %s's old districts, each once, valid, its own",
    (p) => {
      const old = merges[p] as string[];
      const expected = old.flatMap(districtsOfOld);
      const features = districtsFromSource(old);
      const codes = features.map((f) => f.properties.code);
      expect(new Set(codes).size).toBe(codes.length);
      expect(codes.filter((c) => expected.includes(c)).length / expected.length).toBeGreaterThanOrEqual(0.8);
      for (const f of features) {
        expect(districtsOfOld(f.properties.provinceCode)).toContain(f.properties.code);
        expect(old).toContain(f.properties.provinceCode);
        expect(f.properties.districtCode).toBe(f.properties.code);
        expect(problems(f.properties.code, f.geometry)).toEqual([]);
        const points = (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates).flat(2);
        expect(points.every(inViệtNam)).toBe(true);
      }
    },
  );

  it("names the district as the list of 2025 does, with its kind", () => {
    const [thuDuc] = districtsFromSource(["79"]).filter((f) => f.properties.code === "769");
    expect(thuDuc?.properties).toEqual({
      code: "769",
      name: "Thành phố Thủ Đức",
      districtCode: "769",
      provinceCode: "79",
    });
  });

  it("keeps Quảng Trị's two old provinces on their own files, whatever else is asked", () => {
    const both = districtsFromSource(["45", "44"]);
    expect(both.map((f) => f.properties.code)).toHaveLength(18);
    expect(districtsFromSource(["44"])).toEqual(both.filter((f) => f.properties.provinceCode === "44"));
  });

  it("places every district of the country inside its own province of today", () => {
    const outlines = new Map(provinceOutlines().map((o) => [o.properties.code, o.geometry]));
    const misplaced = Object.entries(merges).flatMap(([p, old]) =>
      districtsFromSource(old)
        .filter((f) => !contains(outlines.get(p) as never, interiorPoint(f.geometry)))
        .map((f) => `${p}/${f.properties.code}`),
    );
    expect(misplaced).toEqual([]);
  });

  it("refuses a code that is no old province's", () => {
    expect(() => districtsFromSource(["99"])).toThrow(/99/);
  });
});

describe("provinceOutlines (the 34 provinces since 01/07/2025)", () => {
  it("gives each province of today once, from its old provinces, as valid polygons", () => {
    const outlines = provinceOutlines();
    expect(outlines.map((o) => o.properties.code).sort()).toEqual(after.provinces.map((p) => p.code).sort());
    for (const o of outlines) {
      expect(o.properties.name).toBe(after.provinces.find((p) => p.code === o.properties.code)?.name);
      expect(o.properties.formerProvinceCodes).toEqual(merges[o.properties.code]);
      expect(problems(o.properties.code, o.geometry)).toEqual([]);
    }
  });
});
