import { expect } from "vitest";
import type { Db } from "../../../server/db.ts";
import { dashboardAreas } from "../../../server/services/dashboard/areas.ts";
import { dashboardAwards } from "../../../server/services/dashboard/awards.ts";
import { dashboardCommunities } from "../../../server/services/dashboard/communities.ts";
import { dashboardModelType } from "../../../server/services/dashboard/model-type.ts";
import { dashboardYearly } from "../../../server/services/dashboard/yearly.ts";

// The figures that read the roll-ups of decision 058 (awards, the yearly series, the areas table, a
// model type's page, communities), each compared with a recount in plain SQL written here, from the
// base tables only, under periods that take every kind of part (open, whole years, days at both ends).

/** District of area `a` and its commune of today, as the test writes them (decisions 022, 055). */
const DISTRICT = `(CASE WHEN a.former_district_id IS NOT NULL THEN a.former_district_id
  WHEN a.level = 'district' THEN a.id ELSE a.parent_id END)`;
const TODAY = (r: string) =>
  `coalesce(${r}.current_unit_id, CASE WHEN a.catalog = 'two_level' THEN a.id ELSE a.successor_id END)`;

type Period = { from?: string; to?: string; fromYear?: number; toYear?: number };
const PERIODS: Period[] = [{}, { fromYear: 2012, toYear: 2019 }, { from: "2010-05-05", to: "2021-08-20" }];

/** SQL: `col` (a date) within the period. */
function within(col: string, p: Period): string {
  const from = p.from ?? (p.fromYear ? `${p.fromYear}-01-01` : null);
  const to = p.to ?? (p.toYear ? `${p.toYear}-12-31` : null);
  return [from ? `${col} >= DATE '${from}'` : "TRUE", to ? `${col} <= DATE '${to}'` : "TRUE"].join(" AND ");
}

const num = (v: unknown) => (v === null ? null : Number(v));

export async function expectFiguresEqualRecount(db: Db) {
  const rows = <T>(sql: string) => db.$queryRawUnsafe<T[]>(sql);
  const [district] = await rows<{ id: number; code: string }>(
    `SELECT d.id, d.code FROM site s JOIN admin_unit a ON a.id = s.area_id JOIN admin_unit d ON d.id = ${DISTRICT}
     WHERE s.deleted_at IS NULL GROUP BY d.id ORDER BY count(*) DESC, d.code LIMIT 1`,
  );
  if (!district) throw new Error("no site to count");

  for (const p of PERIODS) {
    // Awards: by year and recipient kind; a days period takes the years whose 1 July it holds.
    const firstYear = p.from ? Number(p.from.slice(0, 4)) + (p.from.slice(5) <= "07-01" ? 0 : 1) : p.fromYear;
    const lastYear = p.to ? Number(p.to.slice(0, 4)) - (p.to.slice(5) >= "07-01" ? 0 : 1) : p.toYear;
    const years = `${firstYear ? `aw.year >= ${firstYear}` : "TRUE"} AND ${lastYear ? `aw.year <= ${lastYear}` : "TRUE"}`;
    for (const d of [null, district]) {
      const awards = await dashboardAwards(db, { ...p, ...(d ? { districtCode: d.code } : {}) });
      const recount = await rows<{ year: number; collective: bigint; individual: bigint }>(
        `SELECT aw.year, count(*) FILTER (WHERE recipient_kind = 'collective') AS collective,
           count(*) FILTER (WHERE recipient_kind <> 'collective') AS individual
         FROM award aw LEFT JOIN admin_unit a ON a.id = aw.area_id
         WHERE aw.deleted_at IS NULL AND ${years} ${d ? `AND ${DISTRICT} = ${d.id}` : ""} GROUP BY 1 ORDER BY 1`,
      );
      expect(awards.byYear.map((y) => [y.year, y.collective, y.individual])).toEqual(
        recount.map((r) => [r.year, num(r.collective), num(r.individual)]),
      );
    }

    // The yearly series: sites per year of the district, whatever the period (it sets the range).
    const yearly = await dashboardYearly(db, { ...p, districtCode: district.code });
    const perYear = new Map(
      (
        await rows<{ y: number; n: bigint }>(
          `SELECT date_part('year', s.established_on)::int AS y, count(*) AS n FROM site s
           JOIN admin_unit a ON a.id = s.area_id WHERE s.deleted_at IS NULL AND ${DISTRICT} = ${district.id} GROUP BY 1`,
        )
      ).map((r) => [r.y, Number(r.n)]),
    );
    expect(yearly.years.map((y) => [y.year, y.sites])).toEqual(
      yearly.years.map((y) => [y.year, perYear.get(y.year) ?? 0]),
    );
    expect(yearly.before).toBe([...perYear].filter(([y]) => y < yearly.fromYear).reduce((a, [, n]) => a + n, 0));

    // The areas table, in both views: sites, cameras and covered per listed area of the district.
    for (const view of ["historical", "current"] as const) {
      const table = await dashboardAreas(db, { ...p, view, districtCode: district.code });
      // An old commune and today's commune may share a code: the key names the list too.
      const key = (a: { code: string; current: boolean }) => `${a.code}${a.current ? " (today)" : ""}`;
      const listed = new Set(table.areas.map(key));
      const unit = view === "current" ? TODAY("r") : "a.id";
      const recount = async (table: string, what: string, date: string) =>
        Object.fromEntries(
          (
            await rows<{ code: string; n: bigint }>(
              `SELECT u.code || CASE WHEN u.catalog = 'two_level' THEN ' (today)' ELSE '' END AS code, ${what} AS n FROM ${table} r JOIN admin_unit a ON a.id = r.area_id
               JOIN admin_unit u ON u.id = ${unit}
               WHERE r.deleted_at IS NULL AND ${within(`r.${date}`, p)} AND ${DISTRICT} = ${district.id} GROUP BY 1`,
            )
          )
            .filter((r) => listed.has(r.code))
            .map((r) => [r.code, Number(r.n)]),
        );
      const shown = (field: "sites" | "cameras") =>
        Object.fromEntries(table.areas.filter((a) => a[field] > 0).map((a) => [key(a), a[field]]));
      expect(shown("sites")).toEqual(await recount("site", "count(*)", "established_on"));
      expect(shown("cameras")).toEqual(
        Object.fromEntries(
          Object.entries(await recount("camera_installation", "sum(r.cameras)", "installed_on")).filter(([, n]) => n),
        ),
      );
      // Covered: an installation of the period counts in the area (of today, in "current").
      expect(
        table.areas
          .filter((a) => a.covered)
          .map(key)
          .sort(),
      ).toEqual(Object.keys(await recount("camera_installation", "count(*)", "installed_on")).sort());
    }

    // A model type's page and the communities screen, over the whole province.
    const [type] = await rows<{ id: number; code: string }>(
      `SELECT mt.id, mt.code FROM site s JOIN model_type mt ON mt.id = s.model_type_id
       WHERE s.deleted_at IS NULL AND mt.category = 'clan' GROUP BY mt.id ORDER BY count(*) DESC LIMIT 1`,
    );
    if (type) {
      const page = await dashboardModelType(db, { ...p, code: type.code });
      const byDistrict = await rows<{ code: string; n: bigint }>(
        `SELECT d.code, count(*) AS n FROM site s JOIN admin_unit a ON a.id = s.area_id JOIN admin_unit d ON d.id = ${DISTRICT}
         WHERE s.deleted_at IS NULL AND s.model_type_id = ${type.id} AND ${within("s.established_on", p)}
         GROUP BY 1 ORDER BY n DESC, 1`,
      );
      expect(page.byDistrict.map((d) => [d.code, d.sites])).toEqual(byDistrict.map((d) => [d.code, Number(d.n)]));
      expect(page.totalSites).toBe(byDistrict.reduce((a, d) => a + Number(d.n), 0));
    }
    const communities = await dashboardCommunities(db, p);
    const types = await rows<{ code: string; n: bigint; households: bigint | null; members: bigint | null }>(
      `SELECT mt.code, count(*) AS n, sum(s.households) AS households, sum(s.members) AS members
       FROM site s JOIN model_type mt ON mt.id = s.model_type_id
       WHERE s.deleted_at IS NULL AND mt.category IN ('clan', 'religious') AND ${within("s.established_on", p)}
       GROUP BY 1 ORDER BY 1`,
    );
    expect(
      [...communities.clans.types, ...communities.religious.types]
        .map((t) => [t.code, t.sites, t.households, t.members])
        .sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    ).toEqual(
      types
        .map((t) => [t.code, Number(t.n), num(t.households), num(t.members)])
        .sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    const religions = await rows<{ religion: string; n: bigint }>(
      `SELECT s.religion::text AS religion, count(*) AS n FROM site s JOIN model_type mt ON mt.id = s.model_type_id
       WHERE s.deleted_at IS NULL AND mt.category = 'religious' AND s.religion IS NOT NULL
         AND ${within("s.established_on", p)} GROUP BY 1 ORDER BY 2 DESC, 1`,
    );
    expect(communities.religious.byReligion).toEqual(
      religions.map((r) => ({ religion: r.religion, sites: Number(r.n) })),
    );
  }
}
