import { Prisma } from "../../generated/prisma/client.ts";
import { approvedWhere, districtIn, type Filter } from "./filter.ts";

/**
 * The period as whole calendar years, read from the roll-ups (decision 046), and the days at its
 * ends that are not whole years, read from the base tables (a period 15/12/2021–14/06/2022 reads
 * the rows of those days; 2007–2022 reads roll-ups only). `years` null: no whole year.
 */
export function periodParts(f: Pick<Filter, "from" | "toExcl">): {
  years: { from: number | null; to: number | null } | null;
  days: { from: Date | null; toExcl: Date | null }[];
} {
  const jan1 = (y: number) => new Date(Date.UTC(y, 0, 1));
  const isJan1 = (d: Date) => d.getUTCMonth() === 0 && d.getUTCDate() === 1;
  const first = f.from ? f.from.getUTCFullYear() + (isJan1(f.from) ? 0 : 1) : null;
  const last = f.toExcl ? f.toExcl.getUTCFullYear() - 1 : null;
  if (first !== null && last !== null && first > last)
    return { years: null, days: [{ from: f.from, toExcl: f.toExcl }] };
  const days: { from: Date | null; toExcl: Date | null }[] = [];
  if (f.from && first !== null && !isJan1(f.from)) days.push({ from: f.from, toExcl: jan1(first) });
  if (f.toExcl && last !== null && !isJan1(f.toExcl)) days.push({ from: jan1(last + 1), toExcl: f.toExcl });
  return { years: { from: first, to: last }, days };
}

const yearsWhere = (years: { from: number | null; to: number | null }) =>
  Prisma.join(
    [
      Prisma.sql`TRUE`,
      ...(years.from !== null ? [Prisma.sql`year >= ${years.from}`] : []),
      ...(years.to !== null ? [Prisma.sql`year <= ${years.to}`] : []),
    ],
    " AND ",
  );

const daysWhere = (col: Prisma.Sql, d: { from: Date | null; toExcl: Date | null }) =>
  Prisma.join(
    [
      Prisma.sql`deleted_at IS NULL`,
      ...(d.from ? [Prisma.sql`${col} >= ${d.from}`] : []),
      ...(d.toExcl ? [Prisma.sql`${col} < ${d.toExcl}`] : []),
    ],
    " AND ",
  );

/**
 * SQL: the live sites of the filter's period as groups with columns area_id, model_type_id,
 * religion ('' for none), year, is_demo, current_unit_id (0: the rule's) and n (the count, > 0). Sites `s` below are these groups.
 */
function siteGroups(f: Pick<Filter, "from" | "toExcl">): Prisma.Sql {
  const { years, days } = periodParts(f);
  const parts = [
    ...(years
      ? [
          Prisma.sql`SELECT area_id, model_type_id, religion, year, is_demo, current_unit_id, sites AS n FROM site_rollup
            WHERE sites <> 0 AND ${yearsWhere(years)}`,
        ]
      : []),
    ...days.map(
      (d) => Prisma.sql`SELECT area_id, model_type_id, coalesce(religion::text, '') AS religion,
        EXTRACT(YEAR FROM established_on)::int AS year, is_demo, coalesce(current_unit_id, 0) AS current_unit_id,
        COUNT(*)::int AS n FROM site
        WHERE ${daysWhere(Prisma.sql`established_on`, d)} GROUP BY 1, 2, 3, 4, 5, 6`,
    ),
  ];
  return Prisma.join(parts, " UNION ALL ");
}

/** Site groups `s` joined to model_type `mt` and admin_unit `a`: the roll-up's SITE_FROM. */
export const siteGroupsFrom = (f: Filter) =>
  Prisma.sql`(${siteGroups(f)}) s JOIN model_type mt ON mt.id = s.model_type_id JOIN admin_unit a ON a.id = s.area_id`;

/** The site groups that count under the filter (siteWhere's conditions but the period's). */
export function siteGroupWhere(f: Filter): Prisma.Sql {
  const parts = [districtIn(f, "s"), approvedWhere(f, Prisma.sql`s.year`)];
  if (f.category) parts.push(Prisma.sql`mt.category = ${f.category}::model_category`);
  if (f.modelType) parts.push(Prisma.sql`mt.id = ${f.modelType.id}`);
  return Prisma.join(parts, " AND ");
}

/**
 * SQL: camera installations of the filter (period, districts, approved) as groups `cg` with columns
 * area_id, year, is_demo, current_unit_id, installations (> 0), cameras, recorders, memory_cards, cost_vnd, joined
 * to their admin_unit `a`.
 */
export function cameraGroups(f: Filter): Prisma.Sql {
  const { years, days } = periodParts(f);
  const parts = [
    ...(years
      ? [
          Prisma.sql`SELECT area_id, year, is_demo, current_unit_id, installations, cameras, recorders, memory_cards, cost_vnd
            FROM camera_rollup WHERE installations <> 0 AND ${yearsWhere(years)}`,
        ]
      : []),
    ...days.map(
      (d) => Prisma.sql`SELECT area_id, EXTRACT(YEAR FROM installed_on)::int AS year, is_demo,
        coalesce(current_unit_id, 0) AS current_unit_id, COUNT(*)::int AS installations, SUM(cameras) AS cameras, SUM(recorders) AS recorders,
        SUM(memory_cards) AS memory_cards, SUM(cost_vnd) AS cost_vnd FROM camera_installation
        WHERE ${daysWhere(Prisma.sql`installed_on`, d)} GROUP BY 1, 2, 3, 4`,
    ),
  ];
  return Prisma.sql`SELECT cg.* FROM (${Prisma.join(parts, " UNION ALL ")}) cg
    JOIN admin_unit a ON a.id = cg.area_id WHERE ${districtIn(f, "cg")} AND ${approvedWhere(f, Prisma.sql`cg.year`)}`;
}
