import { ZReportOptions } from "@qt/shared/schemas/reports";
import { describe, expect, it } from "vitest";
import { reportDocument } from "../../server/services/reports/content.ts";
import { renderDocx } from "../../server/services/reports/docx.ts";
import { buildReportModel } from "../../server/services/reports/model.ts";
import { fileDatabase } from "../support/file-db.ts";
import { docxParts } from "./reports-read.ts";

/**
 * One coverage headline per period (decision 027, issue 22): over the list of units in force on the
 * period's last day, named; the other list only when the period spans 01/07/2025. Expected figures
 * are counted here with plain SQL, never by the dashboard.
 */
const { t, caller: api } = fileDatabase({ from: "demo", role: "viewer" });
const THIS_YEAR = new Date().getFullYear();
const flat = (s: string) => s.replace(/\s+/g, " ");

/** Today's communes, and those with an installation of the years in them or in an area they took over. */
async function todayCoverage(fromYear: number, toYear: number) {
  const [row] = await t.db.$queryRaw<{ total: bigint; covered: bigint }[]>`
    SELECT COUNT(*) AS total, COUNT(*) FILTER (WHERE EXISTS (
        SELECT 1 FROM camera_installation ci JOIN admin_unit a ON a.id = ci.area_id
        WHERE ci.deleted_at IS NULL AND (a.id = c.id OR a.successor_id = c.id)
          AND EXTRACT(YEAR FROM ci.installed_on) BETWEEN ${fromYear} AND ${toYear})) AS covered
    FROM admin_unit c WHERE c.catalog = 'two_level' AND c.level = 'commune'`;
  return { total: Number(row?.total), covered: Number(row?.covered) };
}

describe("the coverage headline names its list", () => {
  it("this year, for today's whole province: over today's 78 communes, never 0/0, no second line", async () => {
    const expected = await todayCoverage(THIS_YEAR, THIS_YEAR);
    expect(expected.total).toBe(78);
    const s = await api().dashboard.summary({ fromYear: THIS_YEAR, toYear: THIS_YEAR });
    expect(s.cameraCoverage.headline).toEqual({ list: "two_level", ...expected });
    expect(s.cameraCoverage.secondary).toBeNull();
    // The screens' other answers and the map carry the same headline.
    const cams = await api().dashboard.cameras({ fromYear: THIS_YEAR, toYear: THIS_YEAR });
    expect(cams.coverage.headline).toEqual(s.cameraCoverage.headline);
    const map = await api().maps.measures({ level: "district", fromYear: THIS_YEAR, toYear: THIS_YEAR });
    expect(map.units.reduce((n, u) => n + u.total, 0)).toBe(78);
    expect(map.units.reduce((n, u) => n + u.covered, 0)).toBe(expected.covered);
  });

  it("2007–2022 of former Quảng Trị stays 73/126 over the old list, with no line for today's communes", async () => {
    const s = await api().dashboard.summary({ formerProvinceCode: "45", fromYear: 2007, toYear: 2022 });
    expect(s.cameraCoverage.headline).toEqual({ list: "three_level", covered: 73, total: 126 });
    expect(s.cameraCoverage.secondary).toBeNull();
  });

  it("a period across 01/07/2025 leads with today's communes and gives the old list second", async () => {
    const today = await todayCoverage(2007, THIS_YEAR);
    const [old] = await t.db.$queryRaw<{ total: bigint }[]>`
      SELECT COUNT(*) AS total FROM admin_unit a WHERE a.catalog = 'three_level' AND (a.level = 'commune'
        OR (a.level = 'district' AND NOT EXISTS (SELECT 1 FROM admin_unit c WHERE c.parent_id = a.id)))`;
    const s = await api().dashboard.summary({});
    expect(s.cameraCoverage.headline).toEqual({ list: "two_level", ...today });
    expect(s.cameraCoverage.secondary).toMatchObject({ list: "three_level", total: Number(old?.total) });
  });
});

describe("the reports print the headline", () => {
  it("this year's Word report never says 0/0 and names today's communes as the unit", async () => {
    const expected = await todayCoverage(THIS_YEAR, THIS_YEAR);
    const model = await buildReportModel(t.db, ZReportOptions.parse({ fromYear: THIS_YEAR, toYear: THIS_YEAR }));
    const text = flat((await docxParts(await renderDocx(model))).text);
    expect(text).not.toMatch(/\b0\/0\b/);
    expect(text).toContain(`${expected.covered}/78 xã, phường, đặc khu hiện nay có camera an ninh`);
    expect(text).toMatch(new RegExp(`triển khai tại ${expected.covered}/78 xã, phường, đặc khu hiện nay \\(`));
    // The district table adds up to today's 78 communes, not to zero.
    const table = reportDocument(model).body.find((b) => b.kind === "table" && b.headers[1]?.startsWith("Huyện"));
    expect(table?.kind === "table" && table.totals?.[3]).toBe("78");
  });

  it("the 2007–2022 report of former Quảng Trị lists in its annex only the units of that time, none ticked at 0", async () => {
    const model = await buildReportModel(
      t.db,
      ZReportOptions.parse({ formerProvinceCode: "45", fromYear: 2007, toYear: 2022 }),
    );
    const rows = model.annex.flatMap((d) => d.areas);
    expect(rows.filter((a) => a.current)).toEqual([]);
    expect(rows).toHaveLength(126);
    expect(rows.filter((a) => a.covered && a.cameras === 0)).toEqual([]);
    const text = flat((await docxParts(await renderDocx(model))).text);
    expect(text).not.toContain("từ 01/07/2025)");
    // Its annex totals: the old list only, e.g. Triệu Phong "13/18" (not "13/18; 4/5").
    expect(text).not.toMatch(/\d+\/\d+; \d+\/\d+/);
  });
});
