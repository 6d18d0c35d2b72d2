import {
  coverageHeadline,
  coverageOfList,
  coverageRows,
  listInForce,
  spansReform,
  unitListOf,
} from "@qt/shared/coverage";
import { describe, expect, it } from "vitest";

/**
 * Which list of units a coverage figure is counted over (decision 027), worked out by hand from the
 * rule: the list in force on the period's last day; today's communes took over on 01/07/2025.
 */
describe("the list in force at the end of a period", () => {
  it.each([
    [{}, "two_level"],
    [{ fromYear: 2007, toYear: null }, "two_level"],
    [{ fromYear: 2007, toYear: 2022 }, "three_level"],
    [{ fromYear: 2007, toYear: 2024 }, "three_level"],
    // 2025 ends on 31/12/2025, after the reform.
    [{ fromYear: 2025, toYear: 2025 }, "two_level"],
    [{ toYear: 2030 }, "two_level"],
  ] as const)("%o ends under %s", (period, list) => {
    expect(listInForce(period)).toBe(list);
  });

  it.each([
    [{}, true],
    [{ fromYear: 2007 }, true],
    [{ fromYear: 2025, toYear: 2025 }, true],
    [{ fromYear: 2024, toYear: 2026 }, true],
    [{ fromYear: 2026 }, false],
    [{ fromYear: 2007, toYear: 2024 }, false],
    [{ fromYear: 2007, toYear: 2022 }, false],
  ] as const)("%o spans 01/07/2025: %s", (period, spans) => {
    expect(spansReform(period)).toBe(spans);
  });
});

describe("the headline of a period", () => {
  const counts = { covered: 73, total: 126, current: { covered: 30, total: 78 } };

  it("2007–2022: the old list, no second line", () => {
    expect(coverageHeadline(counts, { fromYear: 2007, toYear: 2022 })).toEqual({
      headline: { list: "three_level", covered: 73, total: 126 },
      secondary: null,
    });
  });

  it("every year: today's communes first, the old list second", () => {
    expect(coverageHeadline(counts, {})).toEqual({
      headline: { list: "two_level", covered: 30, total: 78 },
      secondary: { list: "three_level", covered: 73, total: 126 },
    });
  });

  it("a period after the reform, or an old list with no unit in it: no second line", () => {
    expect(coverageHeadline(counts, { fromYear: 2026 }).secondary).toBeNull();
    const noOld = { ...counts, covered: 0, total: 0 };
    expect(coverageHeadline(noOld, { fromYear: 2020 })).toEqual({
      headline: { list: "two_level", covered: 30, total: 78 },
      secondary: null,
    });
    // One old unit is enough for the line.
    expect(coverageHeadline({ ...noOld, total: 1 }, { fromYear: 2020 }).secondary).toEqual({
      list: "three_level",
      covered: 0,
      total: 1,
    });
  });
});

describe("a district's coverage over one list", () => {
  const row = {
    code: "466",
    name: "Huyện Gio Linh",
    areas: 19,
    coveredAreas: 12,
    currentAreas: 4,
    currentCoveredAreas: 3,
  };

  it("reads the counts of the list asked", () => {
    expect(coverageOfList(row, "three_level")).toEqual({ covered: 12, total: 19 });
    expect(coverageOfList(row, "two_level")).toEqual({ covered: 3, total: 4 });
    expect(coverageRows([row], "two_level")).toEqual([{ code: "466", name: "Huyện Gio Linh", covered: 3, total: 4 }]);
  });

  it("maps today's communes under the current view, else the list in force", () => {
    expect(unitListOf({ fromYear: 2007, toYear: 2022, view: "current" })).toBe("two_level");
    expect(unitListOf({ fromYear: 2007, toYear: 2022, view: "historical" })).toBe("three_level");
    expect(unitListOf({ fromYear: 2007, toYear: 2022 })).toBe("three_level");
    expect(unitListOf({ fromYear: 2007, view: null })).toBe("two_level");
  });
});
