import type { TDashboardFilter } from "@qt/shared/schemas/dashboard";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { fileDatabase } from "../support/file-db.ts";
import { shownMessage } from "./helpers/entry.ts";

/** Periods by dates and "so với cùng kỳ" (issue 28 items 1–2), on the demo data of former Quảng Trị. */
const { t, caller } = fileDatabase({ from: "demo", role: "viewer" });
const dashboard = () => caller().dashboard;

/**
 * Sites, cameras and coverage of former Quảng Trị (45) from `from` to `to` (inclusive), by SQL. The
 * periods here end before 01/07/2025, so coverage is over the areas of the list before it that
 * existed in the period, each covered by an installation of its own in the period.
 */
async function bySql(from: string, to: string) {
  const district = `COALESCE(a.former_district_id, CASE WHEN a.level = 'district' THEN a.id ELSE a.parent_id END)`;
  const in45 = `${district} IN (SELECT d.id FROM admin_unit d JOIN admin_unit p ON p.id = d.parent_id WHERE p.code = '45' AND d.level = 'district')`;
  const [sites] = await t.db.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT COUNT(*) AS n FROM site s JOIN admin_unit a ON a.id = s.area_id
     WHERE s.deleted_at IS NULL AND s.established_on BETWEEN $1::date AND $2::date AND ${in45}`,
    from,
    to,
  );
  const [cams] = await t.db.$queryRawUnsafe<{ n: bigint | null }[]>(
    `SELECT SUM(ci.cameras) AS n FROM camera_installation ci JOIN admin_unit a ON a.id = ci.area_id
     WHERE ci.deleted_at IS NULL AND ci.installed_on BETWEEN $1::date AND $2::date AND ${in45}`,
    from,
    to,
  );
  const [cov] = await t.db.$queryRawUnsafe<{ covered: bigint; total: bigint }[]>(
    `SELECT COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM camera_installation ci WHERE ci.area_id = a.id
        AND ci.deleted_at IS NULL AND ci.installed_on BETWEEN $1::date AND $2::date)) AS covered, COUNT(*) AS total
     FROM admin_unit a WHERE a.catalog = 'three_level'
       AND (a.level = 'commune' OR (a.level = 'district' AND NOT EXISTS (SELECT 1 FROM admin_unit c WHERE c.parent_id = a.id)))
       AND (a.valid_from IS NULL OR a.valid_from <= $2::date) AND (a.valid_to IS NULL OR a.valid_to >= $1::date)
       AND ${in45}`,
    from,
    to,
  );
  return {
    sites: Number(sites?.n),
    cameras: Number(cams?.n ?? 0),
    coverage: { list: "three_level", covered: Number(cov?.covered), total: Number(cov?.total) },
  };
}

const figures = (s: { siteCount: number; cameras: { cameras: number }; cameraCoverage: { headline: object } }) => ({
  sites: s.siteCount,
  cameras: s.cameras.cameras,
  coverage: s.cameraCoverage.headline,
});

describe("periods by dates and the same period last year", () => {
  it("compares a year with the year before: previous is 2021 by SQL, named by its days", async () => {
    const s = await dashboard().summary({
      formerProvinceCode: "45",
      fromYear: 2022,
      toYear: 2022,
      compare: "same-period-last-year",
    });
    const [y2022, y2021] = await Promise.all([bySql("2022-01-01", "2022-12-31"), bySql("2021-01-01", "2021-12-31")]);
    expect(y2021.sites + y2021.cameras).toBeGreaterThan(0);
    expect(figures(s)).toEqual(y2022);
    expect(s.previous).toBeDefined();
    expect(s.previous && figures(s.previous)).toEqual(y2021);
    expect(s.previous && [s.previous.from, s.previous.to]).toEqual(["2021-01-01", "2021-12-31"]);
    // Coverage both ways: the other list's counts come along, as in the current figures.
    expect(s.previous?.cameraCoverage.current.total).toBe(s.cameraCoverage.current.total);
    expect(s.filter).toMatchObject({ compare: "same-period-last-year", fromYear: 2022, toYear: 2022 });
    // Without compare there is no previous.
    expect((await dashboard().summary({ formerProvinceCode: "45", fromYear: 2022, toYear: 2022 })).previous).toBe(
      undefined,
    );
  });

  // Decision 053: most of the review period is read as every year less the years outside, and an
  // end that fills most of its year as the year less its other days; the figures stay a recount.
  it.each([
    ["2008-02-10", "2022-11-20"],
    ["2021-03-01", "2021-12-31"],
    ["2007-01-01", "2022-12-31"],
    ["2010-05-05", "2011-01-20"],
  ])("reads %s–%s as a recount, whichever parts of the roll-ups it takes", async (from, to) => {
    const s = await dashboard().summary({ formerProvinceCode: "45", from, to });
    expect(figures(s)).toEqual(await bySql(from, to));
  });

  it("adds the two halves of 2022 by dates up to the year", async () => {
    const base: TDashboardFilter = { formerProvinceCode: "45" };
    const [h1, h2, year] = await Promise.all([
      dashboard().summary({ ...base, from: "2022-01-01", to: "2022-06-30" }),
      dashboard().summary({ ...base, from: "2022-07-01", to: "2022-12-31" }),
      dashboard().summary({ ...base, fromYear: 2022, toYear: 2022 }),
    ]);
    expect(figures(h1)).toEqual(await bySql("2022-01-01", "2022-06-30"));
    expect(figures(h2)).toEqual(await bySql("2022-07-01", "2022-12-31"));
    expect(h1.siteCount + h2.siteCount).toBe(year.siteCount);
    expect(h1.cameras.cameras + h2.cameras.cameras).toBe(year.cameras.cameras);
    expect(h1.cameras.costVnd + h2.cameras.costVnd).toBe(year.cameras.costVnd);
    // The year by dates is the year by years.
    const byDays = await dashboard().summary({ ...base, from: "2022-01-01", to: "2022-12-31" });
    expect(figures(byDays)).toEqual(figures(year));
    // Awards carry a year only: the half holding 01/07 takes them, so the halves still add up.
    const [a1, a2, ay] = await Promise.all([
      dashboard().awards({ ...base, from: "2022-01-01", to: "2022-06-30" }),
      dashboard().awards({ ...base, from: "2022-07-01", to: "2022-12-31" }),
      dashboard().awards({ ...base, fromYear: 2022, toYear: 2022 }),
    ]);
    expect(a1.total + a2.total).toBe(ay.total);
  });

  it("compares the reporting period 15/12/2021–14/06/2022 with 15/12/2020–14/06/2021", async () => {
    const filter: TDashboardFilter = {
      formerProvinceCode: "45",
      from: "2021-12-15",
      to: "2022-06-14",
      compare: "same-period-last-year",
    };
    const [s, cams, awards] = await Promise.all([
      dashboard().summary(filter),
      dashboard().cameras(filter),
      dashboard().awards(filter),
    ]);
    expect(figures(s)).toEqual(await bySql("2021-12-15", "2022-06-14"));
    expect(s.previous && [s.previous.from, s.previous.to]).toEqual(["2020-12-15", "2021-06-14"]);
    expect(s.previous && figures(s.previous)).toEqual(await bySql("2020-12-15", "2021-06-14"));
    expect(cams.previous?.totals.cameras).toBe((await bySql("2020-12-15", "2021-06-14")).cameras);
    expect(cams.previous?.coverage.headline).toEqual(s.previous?.cameraCoverage.headline);
    expect(awards.previous).toMatchObject({ from: "2020-12-15", to: "2021-06-14" });
  });

  it.each([
    [{ from: "2022-06-30", to: "2022-01-01" }, "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc"],
    [{ from: "2022-02-30", to: "2022-06-30" }, "Ngày không tồn tại"],
    [{ from: "30/06/2022" }, "Ngày của kỳ phải có dạng yyyy-mm-dd"],
    [
      { fromYear: 2022, from: "2022-01-01" },
      "Chọn thời gian theo năm (fromYear, toYear) hoặc theo ngày (from, to), không dùng cả hai",
    ],
    [{ fromYear: 2022, compare: "last-year" }, "Kiểu so sánh không hợp lệ"],
  ])("refuses %o with 400 and a Vietnamese message", async (input, text) => {
    const err = await dashboard()
      .summary(input as TDashboardFilter)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe("BAD_REQUEST");
    expect(shownMessage(err as TRPCError)).toContain(text);
  });
});
