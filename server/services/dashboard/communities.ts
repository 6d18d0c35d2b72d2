import type { TDashboardCommunities, TDashboardFilter } from "@qt/shared/schemas/dashboard";
import type { Db } from "../../db.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { districtOfArea } from "../units/area-sql.ts";
import { previousOf } from "./compare.ts";
import { type Filter, filterInputOf, resolveFilter, SITE_FROM, siteWhere } from "./filter.ts";
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

async function communitiesOf(db: Db, f: Filter): Promise<Omit<TDashboardCommunities, "previous">> {
  const sw = siteWhere(f);
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
    >`SELECT mt.code, mt.name, mt.category::text AS category, COUNT(*) AS sites,
        COUNT(DISTINCT ${districtOfArea}) AS districts, SUM(s.households) AS households, SUM(s.members) AS members
      FROM ${SITE_FROM} WHERE ${mine} AND ${sw}
      GROUP BY mt.id ORDER BY sites DESC, mt.name`,
    db.$queryRaw<{ religion: string; sites: bigint }[]>`
      SELECT s.religion::text AS religion, COUNT(*) AS sites
      FROM ${SITE_FROM} WHERE mt.category = 'religious' AND s.religion IS NOT NULL AND ${sw}
      GROUP BY 1 ORDER BY sites DESC, 1`,
    db.$queryRaw<{ code: string; name: string; clans: bigint; religious: bigint }[]>`
      SELECT d.code, d.name,
        COUNT(*) FILTER (WHERE mt.category = 'clan') AS clans,
        COUNT(*) FILTER (WHERE mt.category = 'religious') AS religious
      FROM ${SITE_FROM} JOIN admin_unit d ON d.id = ${districtOfArea}
      WHERE ${mine} AND ${sw} GROUP BY d.id ORDER BY d.code`,
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
