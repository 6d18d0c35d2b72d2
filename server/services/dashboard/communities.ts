import type { TDashboardCommunities, TDashboardFilter } from "@qt/shared/schemas/dashboard";
import type { Db } from "../../db.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { districtOfArea } from "../units/area-sql.ts";
import { previousOf } from "./compare.ts";
import { type Filter, filterInputOf, resolveFilter } from "./filter.ts";
import { peopleGroupsFrom, siteGroupsFrom, siteGroupWhere } from "./rollup-sql.ts";
import { n } from "./rows.ts";

type Category = "clan" | "religious";

/**
 * Clan models and religious-community models: per model type (with households and members where
 * recorded), per religion and per district. The category filter does not apply: this screen is
 * about these two categories; a model-type filter narrows it to that type.
 */
export async function dashboardCommunities(db: Db, input: TDashboardFilter): Promise<TDashboardCommunities> {
  const f = { ...(await resolveFilter(db, filterInputOf(input))), category: null };
  const [figures, previous] = await Promise.all([
    communitiesOf(db, f),
    // With compare: the two totals over the same days a year earlier (decision 039).
    previousOf(db, f, input.compare, async (db, earlier) => {
      const e = await communitiesOf(db, earlier);
      return { clans: e.clans.sites, religious: e.religious.sites };
    }),
  ]);
  return { ...figures, ...(previous ? { previous } : {}) };
}

/**
 * From the roll-ups (decision 058): the sites' groups of the period (site_rollup, site_rollup_total)
 * and the households and members recorded on them (site_people_rollup).
 */
async function communitiesOf(db: Db, f: Filter): Promise<Omit<TDashboardCommunities, "previous">> {
  const sw = siteGroupWhere(f);
  const mine = Prisma.sql`mt.category IN ('clan', 'religious')`;
  const [types, religions, districts] = await Promise.all([
    db.$queryRaw<
      {
        code: string;
        name: string;
        category: Category;
        sites: bigint;
        districts: bigint;
        households: bigint | null;
        members: bigint | null;
      }[]
    >`WITH g AS (
        SELECT s.area_id, s.model_type_id, SUM(s.n) AS n FROM ${siteGroupsFrom(f)} WHERE ${mine} AND ${sw}
        GROUP BY 1, 2 HAVING SUM(s.n) > 0),
      p AS (
        SELECT s.model_type_id, SUM(s.households) AS households, SUM(s.members) AS members,
          SUM(s.with_households) AS with_households, SUM(s.with_members) AS with_members
        FROM ${peopleGroupsFrom(f)} WHERE ${mine} AND ${sw} GROUP BY 1),
      t AS (
        SELECT g.model_type_id, SUM(g.n) AS sites, COUNT(DISTINCT ${districtOfArea}) AS districts
        FROM g JOIN admin_unit a ON a.id = g.area_id GROUP BY 1)
      SELECT mt.code, mt.name, mt.category::text AS category, t.sites, t.districts,
        CASE WHEN p.with_households > 0 THEN p.households END AS households,
        CASE WHEN p.with_members > 0 THEN p.members END AS members
      FROM t JOIN model_type mt ON mt.id = t.model_type_id LEFT JOIN p ON p.model_type_id = t.model_type_id
      ORDER BY t.sites DESC, mt.name`,
    db.$queryRaw<{ religion: string; sites: bigint }[]>`
      SELECT s.religion, SUM(s.n) AS sites
      FROM ${siteGroupsFrom(f)} WHERE mt.category = 'religious' AND s.religion <> '' AND ${sw}
      GROUP BY 1 HAVING SUM(s.n) <> 0 ORDER BY sites DESC, 1`,
    db.$queryRaw<{ code: string; name: string; clans: bigint; religious: bigint }[]>`
      SELECT d.code, d.name,
        SUM(s.n) FILTER (WHERE mt.category = 'clan') AS clans,
        SUM(s.n) FILTER (WHERE mt.category = 'religious') AS religious
      FROM ${siteGroupsFrom(f)} JOIN admin_unit d ON d.id = ${districtOfArea}
      WHERE ${mine} AND ${sw} GROUP BY d.id HAVING SUM(s.n) <> 0 ORDER BY d.code`,
  ]);
  const typeRows = (category: Category) =>
    types
      .filter((t) => t.category === category)
      .map((t) => ({
        code: t.code,
        name: t.name,
        sites: n(t.sites),
        districts: n(t.districts),
        // SUM over sites that never recorded the count is NULL: "not recorded", shown as "—", not 0.
        households: t.households === null ? null : n(t.households),
        members: t.members === null ? null : n(t.members),
      }));
  const clans = typeRows("clan");
  const religious = typeRows("religious");
  return {
    clans: { sites: clans.reduce((s, t) => s + t.sites, 0), types: clans },
    religious: {
      sites: religious.reduce((s, t) => s + t.sites, 0),
      types: religious,
      byReligion: religions.map((r) => ({
        religion: r.religion as TDashboardCommunities["religious"]["byReligion"][number]["religion"],
        sites: n(r.sites),
      })),
    },
    byDistrict: districts.map((d) => ({ code: d.code, name: d.name, clans: n(d.clans), religious: n(d.religious) })),
  };
}
