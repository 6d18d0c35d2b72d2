import { MAP_COLOURS, MAP_NO_DATA } from "@qt/shared/map/scale";
import { ZReportOptions } from "@qt/shared/schemas/reports";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DISTRICT_ATTRIBUTION } from "../../server/services/maps/boundaries.ts";
import { loadCommuneBoundaries } from "../../server/services/maps/load.ts";
import { reportDocument } from "../../server/services/reports/content.ts";
import { exportReport } from "../../server/services/reports/export.ts";
import { reportCommuneMapSvg, reportMapSvg } from "../../server/services/reports/map.ts";
import { buildReportModel } from "../../server/services/reports/model.ts";
import { communeFile } from "../fixtures/maps.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { expectedFigures } from "./helpers/figures.ts";
import { collect, docxImages, docxParts, pdfText } from "./reports-read.ts";

/** The coverage map in the conference report (Word and PDF), on the demo data. */
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb("demo");
}, 120_000);
afterAll(() => t.close());

const cli = { user: null, via: "cli" } as const;
const options = (extra: Record<string, unknown> = {}) =>
  ZReportOptions.parse({ fromYear: 2007, toYear: 2022, sections: ["summary", "cameras"], ...extra });

const mapOf = (doc: ReturnType<typeof reportDocument>) =>
  doc.body.find((b) => b.kind === "chart" && b.caption.startsWith("Bản đồ 1."));

/** The width and height a PNG declares (IHDR). */
const pngSize = (base64: string) => {
  const b = Buffer.from(base64, "base64");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
};

/** 20% bands of the share covered, darker for more: read off the scale's definition, not its code. */
const band = (covered: number, total: number) => MAP_COLOURS[Math.min(4, Math.floor((covered / total) * 5))];

describe("the map figure of the report", () => {
  it("is in the cameras section with its caption and attribution, printable at about 300 dpi", async () => {
    const doc = reportDocument(await buildReportModel(t.db, options()));
    const map = mapOf(doc);
    expect(map?.kind).toBe("chart");
    if (map?.kind !== "chart") return;
    expect(map.caption).toBe(
      `Bản đồ 1. Tỷ lệ địa bàn cấp xã có camera an ninh theo huyện, thị xã, thành phố (cũ), giai đoạn 2007–2022. ${DISTRICT_ATTRIBUTION}`,
    );
    // Printed 640 px wide (6.7 in in Word): three times as many pixels.
    expect(pngSize(map.png)).toEqual({ width: 1920, height: 1800 });
    const section = doc.body.findIndex((b) => b.kind === "heading" && b.text.includes("CAMERA"));
    expect(section).toBeGreaterThan(-1);
    expect(doc.body.indexOf(map)).toBeGreaterThan(section);
  });

  it("shades each district by the report's coverage, in 20% bands of the one colour scale", async () => {
    const svg = reportMapSvg(await buildReportModel(t.db, options()));
    const fills = new Map(
      [...svg.matchAll(/data-code="(\d+)" d="[^"]*" fill="(#[0-9a-f]{6})"/g)].map((m) => [m[1], m[2]]),
    );
    expect(fills.size).toBe(18);
    const shades = new Set<string>();
    for (const d of (await expectedFigures(t.db, { from: 2007, to: 2022 })).byDistrict) {
      const expected = d.areas > 0 ? band(d.coveredAreas, d.areas) : MAP_NO_DATA;
      expect(fills.get(d.code), d.name).toBe(expected);
      shades.add(expected as string);
    }
    // The demo data spreads over several bands: the test would notice a map of one colour.
    expect(shades.size).toBeGreaterThan(2);
    expect(svg).toContain("Ranh giới hành chính: geoBoundaries.org");
    expect(svg).toContain("80%–100%");
    expect(svg).not.toContain("Ngoài phạm vi báo cáo");
  });

  it("shows a one-district report on its old province, the other districts grey", async () => {
    const svg = reportMapSvg(await buildReportModel(t.db, options({ districtCodes: ["466"] })));
    const fills = [...svg.matchAll(/data-code="(\d+)" d="[^"]*" fill="(#[0-9a-f]{6})"/g)];
    expect(fills.map((f) => f[1]).sort()).toEqual([
      "461",
      "462",
      "464",
      "465",
      "466",
      "467",
      "468",
      "469",
      "470",
      "471",
    ]);
    for (const [, code, fill] of fills) expect(fill === MAP_NO_DATA).toBe(code !== "466");
    expect(svg).toContain("Ngoài phạm vi báo cáo");
  });

  it("counts coverage over today's communes for a period ending after 30/06/2025", async () => {
    const model = await buildReportModel(t.db, options({ fromYear: 2023, toYear: 2026 }));
    const svg = reportMapSvg(model);
    const expected = await expectedFigures(t.db, { from: 2023, to: 2026 });
    const fills = new Map(
      [...svg.matchAll(/data-code="(\d+)" d="[^"]*" fill="(#[0-9a-f]{6})"/g)].map((m) => [m[1], m[2]]),
    );
    for (const d of expected.byDistrict) {
      const shade = d.currentAreas > 0 ? band(d.currentCoveredAreas, d.currentAreas) : MAP_NO_DATA;
      expect(fills.get(d.code), d.name).toBe(shade);
    }
    const gio = expected.byDistrict.find((d) => d.code === "466");
    expect(gio?.currentCoveredAreas).toBeGreaterThan(0);
    expect(svg).toContain(`>${gio?.currentCoveredAreas}/${gio?.currentAreas}<`);
    expect(svg).toContain(">hiện nay có camera an ninh<");
  });

  it("is embedded in the Word file and the PDF with its caption", async () => {
    const o = options({ date: "2023-01-31" });
    const map = mapOf(reportDocument(await buildReportModel(t.db, o)));
    if (map?.kind !== "chart") throw new Error("no map");
    const docx = await collect((await exportReport(t.db, cli, o, "docx")).body);
    expect(await docxImages(docx)).toContain(map.png);
    expect((await docxParts(docx)).text).toContain("Bản đồ 1. Tỷ lệ địa bàn cấp xã có camera an ninh");
    const pdfBuf = await collect((await exportReport(t.db, cli, o, "pdf")).body);
    const pdf = await pdfText(pdfBuf);
    expect(pdf.text.replace(/\s+/g, " ")).toContain("Bản đồ 1. Tỷ lệ địa bàn cấp xã có camera an ninh");
    // Three images in the PDF: the two charts and the map.
    expect(pdfBuf.toString("latin1").match(/\/Subtype \/Image/g)?.length).toBeGreaterThanOrEqual(3);
  });
});

describe("the commune map of the report, once commune boundaries are loaded", () => {
  it("maps a former Quảng Trị report's communes of today, covered or not as its annex says", async () => {
    const admin = await makeUser(t.db, { role: "admin" });
    const text = JSON.stringify(await communeFile(t.db, "two_level"));
    const loaded = await loadCommuneBoundaries(
      t.db,
      admin,
      { list: "two_level", text, fileName: "xa.geojson", attribution: "Ô vuông thử nghiệm", missing: [] },
      "vi",
    );
    expect(loaded.ok).toBe(true);
    const o = options({ formerProvinceCode: "45", view: "current", sections: ["cameras", "annex"] });
    const model = await buildReportModel(t.db, o);
    // Today's communes of former Quảng Trị, covered through their own installations or the areas they took over.
    const expected = await expectedFigures(t.db, { from: 2007, to: 2022, province: "45" });
    const communes = expected.byDistrict.flatMap((d) => expected.areaRows(d.code, "current"));
    expect(
      model.annex
        .flatMap((d) => d.areas)
        .filter((a) => a.current)
        .map((a) => a.code),
    ).toEqual(communes.map((a) => a.code));
    expect(communes.some((a) => a.covered)).toBe(true);
    expect(communes.some((a) => !a.covered)).toBe(true);
    const svg = reportCommuneMapSvg(model) ?? "";
    const fills = new Map(
      [...svg.matchAll(/data-code="(\d+)" d="[^"]*" fill="(#[0-9a-f]{6})"/g)].map((m) => [m[1], m[2]]),
    );
    expect(fills.size).toBe(communes.length);
    for (const a of communes) expect(fills.get(a.code), a.name).toBe(a.covered ? MAP_COLOURS[4] : MAP_COLOURS[0]);
    expect(svg).toContain("Chưa có camera");
    expect(svg).toContain("Ô vuông thử nghiệm");

    const doc = reportDocument(model);
    const second = doc.body.find((b) => b.kind === "chart" && b.caption.startsWith("Bản đồ 2."));
    expect(second?.kind === "chart" && second.caption).toBe(
      "Bản đồ 2. Xã, phường, đặc khu có camera an ninh, giai đoạn 2007–2022. Ranh giới: Ô vuông thử nghiệm",
    );
    const docx = await collect((await exportReport(t.db, cli, { ...o, date: doc.meta.date }, "docx")).body);
    expect(await docxImages(docx)).toContain(second?.kind === "chart" ? second.png : "");
  });
});
