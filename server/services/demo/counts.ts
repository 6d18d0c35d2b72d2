import type { TDemoFigure } from "@qt/shared/schemas/demo";
import type { Db } from "../../db.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { type Filter, type FilterInput, resolveFilter } from "../dashboard/filter.ts";
import {
  AWARD_GROUPS_FROM,
  awardGroupWhere,
  cameraGroups,
  siteGroupsFrom,
  siteGroupWhere,
} from "../dashboard/rollup-sql.ts";

/** Demo records of a scope, by kind. */
export type DemoCounts = { sites: number; installations: number; awards: number };

/**
 * The one demo count (decision 023, issue 22): the demo records that lie in a scope (territory,
 * district, period) — model sites, camera installations and awards, under the same conditions as
 * the figures (siteWhere, cameraWhere, awardWhere) — in one query. A model category or type narrows
 * the scope to sites: installations and awards have none. The dashboard's badge, the slides, every
 * report and the admins' notice (whole province, every year) state this number, so one scope reads
 * the same everywhere. Zero means the scope holds real records only.
 */
export async function demoCountsOf(db: Db, f: Filter): Promise<DemoCounts> {
  const sitesOnly = f.category !== null || f.modelType !== null;
  const [row] = await db.$queryRaw<{ sites: bigint; installations: bigint; awards: bigint }[]>`
    SELECT (SELECT coalesce(SUM(s.n), 0) FROM ${siteGroupsFrom(f, { demo: true })} WHERE s.is_demo AND ${siteGroupWhere(f)}) AS sites,
      ${
        sitesOnly
          ? Prisma.sql`0`
          : Prisma.sql`(SELECT coalesce(SUM(cg.installations), 0) FROM (${cameraGroups(f)}) cg WHERE cg.is_demo)`
      } AS installations,
      ${
        sitesOnly
          ? Prisma.sql`0`
          : Prisma.sql`(SELECT coalesce(SUM(g.awards), 0) FROM ${AWARD_GROUPS_FROM} WHERE g.is_demo AND ${awardGroupWhere(f)})`
      } AS awards`;
  return {
    sites: Number(row?.sites ?? 0),
    installations: Number(row?.installations ?? 0),
    awards: Number(row?.awards ?? 0),
  };
}

/** The scope's demo count as every figure carries it. */
export async function demoRecordsOf(db: Db, f: Filter): Promise<TDemoFigure> {
  const c = await demoCountsOf(db, f);
  return { records: c.sites + c.installations + c.awards };
}

/** The same for a dashboard input (codes not yet resolved). */
export async function demoRecords(db: Db, input: FilterInput): Promise<TDemoFigure> {
  return demoRecordsOf(db, await resolveFilter(db, input));
}
