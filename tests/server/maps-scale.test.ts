import { MAP_COLOURS, MAP_NO_DATA, mapClasses, mapClassLabel, mapColour, mapValueText } from "@qt/shared/map/scale";
import { describe, expect, it } from "vitest";

describe("the maps' one colour scale", () => {
  it("bands coverage in fifths, labelled in whole percents", () => {
    const classes = mapClasses("coverage", [0.1, 0.5, null]);
    expect(classes.map((c) => mapClassLabel("coverage", c))).toEqual([
      "0%–20%",
      "20%–40%",
      "40%–60%",
      "60%–80%",
      "80%–100%",
    ]);
    expect(mapColour(classes, 0)).toBe(MAP_COLOURS[0]);
    expect(mapColour(classes, 0.5)).toBe(MAP_COLOURS[2]);
    expect(mapColour(classes, 1)).toBe(MAP_COLOURS[4]);
    expect(mapColour(classes, null)).toBe(MAP_NO_DATA);
  });

  it("gives communes two classes: no camera, covered", () => {
    const classes = mapClasses("coverage", [0, 1, 1]);
    expect(classes.map((c) => [mapClassLabel("coverage", c), c.colour])).toEqual([
      ["0%", MAP_COLOURS[0]],
      ["100%", MAP_COLOURS[4]],
    ]);
  });

  it("bands counts from 0 alone, then nice widths up to the largest", () => {
    expect(mapClasses("sites", [0, 37, 12]).map((c) => mapClassLabel("sites", c))).toEqual([
      "0",
      "1–10",
      "11–20",
      "21–30",
      "31–40",
    ]);
    expect(mapClasses("cameras", [3, 1]).map((c) => mapClassLabel("cameras", c))).toEqual(["0", "1", "2", "3"]);
    expect(mapClasses("sites", [0, 0]).map((c) => mapClassLabel("sites", c))).toEqual(["0"]);
    const big = mapClasses("cameras", [1234]);
    expect(big.map((c) => mapClassLabel("cameras", c, "en"))).toEqual(["0", "1–500", "501–1,000", "1,001–1,500"]);
    expect(mapColour(big, 1234)).toBe(MAP_COLOURS[3]);
  });

  it("says a unit's exact figure for the tooltip and the table", () => {
    const u = {
      code: "466",
      name: "Huyện Gio Linh",
      districtCode: "466",
      covered: 5,
      total: 9,
      sites: 1131,
      cameras: 0,
    };
    expect(mapValueText(u, "coverage")).toBe("5/9 (55,6%)");
    expect(mapValueText(u, "coverage", "en")).toBe("5/9 (55.6%)");
    expect(mapValueText(u, "sites")).toBe("1.131");
    expect(mapValueText({ ...u, total: 0, covered: 0 }, "coverage")).toBe("—");
  });
});
