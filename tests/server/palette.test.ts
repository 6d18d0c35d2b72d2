import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  CATEGORY_COLOURS,
  CHART_BACKGROUND,
  CHART_FILLS,
  contrastRatio,
  RELIGION_COLOURS,
} from "../../shared/src/palette.ts";

const root = path.resolve(import.meta.dirname, "../..");
const read = (f: string) => fs.readFileSync(path.join(root, f), "utf8");

describe("chart palette (issue 22 item 9)", () => {
  it("computes WCAG contrast as published: 21:1 black on white, the issue's 1.3 / 2.3 / 2.25 for Okabe–Ito yellow, sky blue, orange", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    // WebAIM's checker: #767676 on white is 4.54:1.
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#F0E442", "#ffffff")).toBeCloseTo(1.3, 1);
    expect(contrastRatio("#56B4E9", "#ffffff")).toBeCloseTo(2.3, 1);
    expect(contrastRatio("#E69F00", "#ffffff")).toBeCloseTo(2.25, 1);
  });

  it("every chart fill reaches 3:1 against the chart's white background", () => {
    const weak = CHART_FILLS.filter((c) => contrastRatio(c, CHART_BACKGROUND) < 3).map(
      (c) => `${c} ${contrastRatio(c, CHART_BACKGROUND).toFixed(2)}:1`,
    );
    expect(weak).toEqual([]);
  });

  it("gives each category and each religion its own colour", () => {
    const cats = Object.values(CATEGORY_COLOURS);
    expect(new Set(cats).size).toBe(cats.length);
    const religions = Object.values(RELIGION_COLOURS);
    expect(new Set(religions).size).toBe(religions.length);
  });

  it("the screen charts and the report chart take their fills from the shared palette, none of their own", () => {
    const files = [
      ...fs.readdirSync(path.join(root, "client/features/charts")).map((f) => `client/features/charts/${f}`),
      "client/features/dashboard/CoverageChart.tsx",
      "server/services/reports/chart.ts",
    ];
    const ownFills = files.flatMap((f) =>
      [...read(f).matchAll(/fill[=:]\s*\{?["'`](#[0-9a-fA-F]{6})/g)].map((m) => `${f}: ${m[1]}`),
    );
    // White is the background and the text on a segment, never a series.
    expect(ownFills.filter((x) => !/#ffffff$/i.test(x) && !/#1b1f24$/i.test(x))).toEqual([]);
    for (const f of files.filter((x) => /Chart\.tsx$|chart\.ts$/.test(x) && !/ChartBox|ChartFrame/.test(x))) {
      expect(read(f), f).not.toMatch(/OKABE_ITO|#E69F00|#56B4E9|#F0E442|#9dc3e6/i);
    }
  });
});
