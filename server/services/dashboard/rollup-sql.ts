import { REVIEW_PERIOD } from "@qt/shared/domain";
import { awardYears } from "@qt/shared/period";
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
 * Whether whole years [from, to] are cheaper read as every year (site_rollup_total) less the years
 * outside them: when fewer years of the review period (2007 to this year) lie outside than inside.
 * Both give the same groups; only the rows read differ.
 */
function yearsAsComplement(years: { from: number | null; to: number | null }): boolean {
  const first = REVIEW_PERIOD.fromYear;
  const last = new Date().getUTCFullYear();
  const inside = (years.to ?? last) - (years.from ?? first) + 1;
  const outside = Math.max(0, (years.from ?? first) - first) + Math.max(0, last - (years.to ?? last));
  return outside < inside;
}

type Years = { from: number | null; to: number | null };
type Days = { from: Date | null; toExcl: Date | null };
/** A part of a period, added (sign 1) or taken away (-1): every year, whole years, or days. */
export type PeriodPart =
  | { grain: "all"; sign: 1 }
  | { grain: "years"; years: Years; sign: 1 | -1 }
  | { grain: "days"; days: Days; sign: 1 | -1 };

const DAY_MS = 86_400_000;

/**
 * The days at one end of a period as the fewest base rows: days that fill more than half of their
 * calendar year are read as that year's roll-up less the base rows of the year's other days.
 */
function endParts(d: Days): PeriodPart[] {
  if (!d.from || !d.toExcl) return [{ grain: "days", days: d, sign: 1 }];
  const year = d.from.getUTCFullYear();
  const jan1 = new Date(Date.UTC(year, 0, 1));
  const next = new Date(Date.UTC(year + 1, 0, 1));
  const inside = (d.toExcl.getTime() - d.from.getTime()) / DAY_MS;
  if (d.toExcl > next || inside * 2 <= (next.getTime() - jan1.getTime()) / DAY_MS)
    return [{ grain: "days", days: d, sign: 1 }];
  return [
    { grain: "years", years: { from: year, to: year }, sign: 1 },
    ...(d.from > jan1 ? [{ grain: "days" as const, days: { from: jan1, toExcl: d.from }, sign: -1 as const }] : []),
    ...(d.toExcl < next ? [{ grain: "days" as const, days: { from: d.toExcl, toExcl: next }, sign: -1 as const }] : []),
  ];
}

/**
 * The period as signed parts whose sum is its records (decisions 046, 053): the whole years from
 * the yearly roll-ups — or, with `total` (the sites' year-free grain, not with approvedOnly, which
 * needs each row's year) and most of the review period inside, every year less the years outside
 * —, and each end's days from the base tables, or as its year less the year's other days.
 */
export function periodPlan(f: Pick<Filter, "from" | "toExcl">, opts: { total: boolean }): PeriodPart[] {
  const { years, days } = periodParts(f);
  const parts: PeriodPart[] = [];
  if (years && opts.total && yearsAsComplement(years)) {
    parts.push({ grain: "all", sign: 1 });
    if (years.from !== null) parts.push({ grain: "years", years: { from: null, to: years.from - 1 }, sign: -1 });
    if (years.to !== null) parts.push({ grain: "years", years: { from: years.to + 1, to: null }, sign: -1 });
  } else if (years) parts.push({ grain: "years", years, sign: 1 });
  return [...parts, ...days.flatMap(endParts)];
}

/**
 * SQL: the roll-up's or base table's rows that may count under the filter's districts and commune
 * (none: TRUE), a cheap superset narrowed exactly by districtIn(f, alias) afterwards: with a commune
 * of today, the old areas it took over and the divided old communes it is one of the successors of
 * (a record there may have been moved to it, decision 055).
 */
const areaIn = (f: Pick<Filter, "districts" | "commune">) => {
  if (!f.districts.length && !f.commune) return Prisma.sql`TRUE`;
  const inDistricts = districtIn({ districts: f.districts, commune: null });
  const mayRollUp = f.commune
    ? Prisma.sql` AND (${districtIn({ districts: [], commune: f.commune })}
        OR a.id IN (SELECT old_id FROM unit_successor WHERE new_id = ${f.commune.id}))`
    : Prisma.empty;
  return Prisma.sql`area_id IN (SELECT a.id FROM admin_unit a WHERE ${inDistricts}${mayRollUp})`;
};

/**
 * SQL: the live sites of the filter's period as groups with columns area_id, model_type_id,
 * religion ('' for none), year (NULL from the year-free grain), is_demo, current_unit_id (the commune
 * of today an editor chose, 0: the rule's, decision 055) and n (the count; < 0 in a
 * part taken away). Sites `s` below are these groups: a reader sums n per group and keeps the
 * groups above 0. `demo`: the demo groups only (the demo count).
 */
function siteGroups(f: Filter, opts: GroupOpts = {}): Prisma.Sql {
  const only = Prisma.sql`${areaIn(f)}${opts.demo ? Prisma.sql` AND is_demo` : Prisma.empty}`;
  const parts = planOf(f, { total: !f.approvedOnly }, opts).map((p) => {
    if (p.grain === "all")
      return Prisma.sql`SELECT area_id, model_type_id, religion, NULL::int AS year, is_demo, current_unit_id,
        sites AS n FROM site_rollup_total WHERE sites <> 0 AND ${only}`;
    if (p.grain === "years")
      return Prisma.sql`SELECT area_id, model_type_id, religion, year, is_demo, current_unit_id,
        ${p.sign}::int * sites AS n FROM site_rollup WHERE sites <> 0 AND ${yearsWhere(p.years)} AND ${only}`;
    return Prisma.sql`SELECT area_id, model_type_id, coalesce(religion::text, '') AS religion,
        EXTRACT(YEAR FROM established_on)::int AS year, is_demo, coalesce(current_unit_id, 0) AS current_unit_id,
        ${p.sign}::int * COUNT(*)::int AS n FROM site
        WHERE ${daysWhere(Prisma.sql`established_on`, p.days)} AND ${only} GROUP BY 1, 2, 3, 4, 5, 6`;
  });
  return Prisma.join(parts, " UNION ALL ");
}

/** Site groups `s` joined to model_type `mt` and admin_unit `a`: the roll-up's SITE_FROM. */
export const siteGroupsFrom = (f: Filter, opts: GroupOpts = {}) =>
  Prisma.sql`(${siteGroups(f, opts)}) s JOIN model_type mt ON mt.id = s.model_type_id JOIN admin_unit a ON a.id = s.area_id`;

/**
 * `demo`: the demo groups only (the demo count). `allYears`: every year of the yearly grain whatever
 * the filter's period (the yearly series, which needs the years before it too).
 */
type GroupOpts = { demo?: boolean; allYears?: boolean };

const planOf = (f: Filter, plan: { total: boolean }, opts: GroupOpts): PeriodPart[] =>
  opts.allYears ? [{ grain: "years", years: { from: null, to: null }, sign: 1 }] : periodPlan(f, plan);

/**
 * The households and members recorded on the live sites of the filter's period (decision 058), as
 * groups `s` with the site groups' keys but religion (area_id, model_type_id, year, is_demo,
 * current_unit_id) and households, members, with_households, with_members (how many sites recorded
 * each; < 0 in a part taken away), joined to model_type `mt` and admin_unit `a`: siteGroupWhere
 * applies. Summed per model type by the reader: a sum with no site recording it is "not recorded".
 */
export function peopleGroupsFrom(f: Filter): Prisma.Sql {
  const parts = periodPlan(f, { total: false }).map((p) =>
    p.grain === "days"
      ? Prisma.sql`SELECT area_id, model_type_id, EXTRACT(YEAR FROM established_on)::int AS year, is_demo,
        coalesce(current_unit_id, 0) AS current_unit_id, ${p.sign}::int * coalesce(SUM(households), 0) AS households,
        ${p.sign}::int * coalesce(SUM(members), 0) AS members, ${p.sign}::int * COUNT(households) AS with_households,
        ${p.sign}::int * COUNT(members) AS with_members FROM site
        WHERE ${daysWhere(Prisma.sql`established_on`, p.days)} AND (households IS NOT NULL OR members IS NOT NULL)
          AND ${areaIn(f)} GROUP BY 1, 2, 3, 4, 5`
      : Prisma.sql`SELECT area_id, model_type_id, year, is_demo, current_unit_id, ${p.sign}::int * households AS households,
        ${p.sign}::int * members AS members, ${p.sign}::int * with_households AS with_households,
        ${p.sign}::int * with_members AS with_members FROM site_people_rollup
        WHERE ${p.grain === "years" ? yearsWhere(p.years) : Prisma.sql`TRUE`} AND ${areaIn(f)}`,
  );
  return Prisma.sql`(${Prisma.join(parts, " UNION ALL ")}) s
    JOIN model_type mt ON mt.id = s.model_type_id JOIN admin_unit a ON a.id = s.area_id`;
}

/**
 * Award groups `g` (award_rollup, decision 058: area_id 0 for a province-level award, year, issuer,
 * form, recipient_kind, is_demo, current_unit_id, awards) left-joined to their admin_unit `a`.
 * Awards are dated by year only, so the period is whole years (awardYears) and no base row is read.
 */
export const AWARD_GROUPS_FROM = Prisma.sql`award_rollup g LEFT JOIN admin_unit a ON a.id = g.area_id`;

/** The award groups that count under the filter: awardWhere's conditions on the roll-up. */
export function awardGroupWhere(f: Pick<Filter, "days" | "districts" | "commune" | "approvedOnly">): Prisma.Sql {
  const parts = [approvedWhere(f, Prisma.sql`g.year`)];
  const years = awardYears(f.days);
  if (years.from !== null) parts.push(Prisma.sql`g.year >= ${years.from}`);
  if (years.to !== null) parts.push(Prisma.sql`g.year <= ${years.to}`);
  parts.push(districtIn(f, "g"));
  return Prisma.join(parts, " AND ");
}

/** The site groups that count under the filter (siteWhere's conditions but the period's). */
export function siteGroupWhere(f: Filter): Prisma.Sql {
  const parts = [districtIn(f, "s"), approvedWhere(f, Prisma.sql`s.year`)];
  if (f.category) parts.push(Prisma.sql`mt.category = ${f.category}::model_category`);
  if (f.modelType) parts.push(Prisma.sql`mt.id = ${f.modelType.id}`);
  return Prisma.join(parts, " AND ");
}

/**
 * SQL: camera installations of the filter (period, districts, approved) as groups `cg` with columns
 * area_id, year (NULL unless approvedOnly), is_demo, current_unit_id, installations (> 0), cameras, recorders, memory_cards, cost_vnd, joined
 * to their admin_unit `a`.
 */
export function cameraGroups(f: Filter): Prisma.Sql {
  const parts = periodPlan(f, { total: false }).map((p) =>
    p.grain === "days"
      ? Prisma.sql`SELECT area_id, EXTRACT(YEAR FROM installed_on)::int AS year, is_demo,
        coalesce(current_unit_id, 0) AS current_unit_id, ${p.sign}::int * COUNT(*)::int AS installations, ${p.sign}::int * SUM(cameras) AS cameras,
        ${p.sign}::int * SUM(recorders) AS recorders, ${p.sign}::int * SUM(memory_cards) AS memory_cards,
        ${p.sign}::int * SUM(cost_vnd) AS cost_vnd FROM camera_installation
        WHERE ${daysWhere(Prisma.sql`installed_on`, p.days)} AND ${areaIn(f)} GROUP BY 1, 2, 3, 4`
      : Prisma.sql`SELECT area_id, year, is_demo, current_unit_id, ${p.sign}::int * installations AS installations,
        ${p.sign}::int * cameras AS cameras, ${p.sign}::int * recorders AS recorders,
        ${p.sign}::int * memory_cards AS memory_cards, ${p.sign}::int * cost_vnd AS cost_vnd
        FROM camera_rollup WHERE installations <> 0 AND ${p.grain === "years" ? yearsWhere(p.years) : Prisma.sql`TRUE`}
          AND ${areaIn(f)}`,
  );
  // A part taken away cancels rows of a part added: the groups are summed, those left empty dropped.
  // The year is kept only where approvedOnly needs it: summed over the years, the groups are one per
  // area (~300 at 300 000 sites, against ~5 000 per area and year) for every reader after this.
  const year = f.approvedOnly ? Prisma.sql`year` : Prisma.sql`NULL::int`;
  return Prisma.sql`SELECT cg.* FROM (
      SELECT area_id, ${year} AS year, is_demo, current_unit_id, SUM(installations)::int AS installations, SUM(cameras) AS cameras,
        SUM(recorders) AS recorders, SUM(memory_cards) AS memory_cards, SUM(cost_vnd) AS cost_vnd
      FROM (${Prisma.join(parts, " UNION ALL ")}) p GROUP BY 1, 2, 3, 4 HAVING SUM(installations) > 0) cg
    JOIN admin_unit a ON a.id = cg.area_id WHERE ${districtIn(f, "cg")} AND ${approvedWhere(f, Prisma.sql`cg.year`)}`;
}

/**
 * SQL: the filter's camera installations per funding source (decision 060) as rows `source`,
 * installations, cameras, cost: the whole years from camera_funding_rollup, the days at the ends
 * from the base rows (periodPlan), summed per group, those left empty dropped.
 */
export function fundingGroups(f: Filter): Prisma.Sql {
  const parts = periodPlan(f, { total: false }).map((p) =>
    p.grain === "days"
      ? Prisma.sql`SELECT area_id, EXTRACT(YEAR FROM installed_on)::int AS year, coalesce(current_unit_id, 0) AS current_unit_id,
        funding_source::text AS source, ${p.sign}::int * COUNT(*)::int AS installations, ${p.sign}::int * SUM(cameras) AS cameras,
        ${p.sign}::int * SUM(cost_vnd) AS cost_vnd FROM camera_installation
        WHERE ${daysWhere(Prisma.sql`installed_on`, p.days)} AND ${areaIn(f)} GROUP BY 1, 2, 3, 4`
      : Prisma.sql`SELECT area_id, year, current_unit_id, funding_source AS source, ${p.sign}::int * installations AS installations,
        ${p.sign}::int * cameras AS cameras, ${p.sign}::int * cost_vnd AS cost_vnd FROM camera_funding_rollup
        WHERE ${p.grain === "years" ? yearsWhere(p.years) : Prisma.sql`TRUE`} AND ${areaIn(f)}`,
  );
  return Prisma.sql`SELECT g.source, SUM(g.installations) AS installations, SUM(g.cameras) AS cameras,
      SUM(g.cost_vnd) AS cost
    FROM (SELECT area_id, year, current_unit_id, source, SUM(installations)::int AS installations,
        SUM(cameras) AS cameras, SUM(cost_vnd) AS cost_vnd
      FROM (${Prisma.join(parts, " UNION ALL ")}) p GROUP BY 1, 2, 3, 4 HAVING SUM(installations) > 0) g
    JOIN admin_unit a ON a.id = g.area_id WHERE ${districtIn(f, "g")} AND ${approvedWhere(f, Prisma.sql`g.year`)}
    GROUP BY 1`;
}
