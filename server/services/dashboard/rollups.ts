import type { Db } from "../../db.ts";
import { DAY, repeatEvery } from "../../repeat.ts";

/** A roll-up group whose stored figures are not a recount of the base table's rows. */
export type RollupDifference = {
  table: "site_rollup" | "site_rollup_total" | "camera_rollup" | "award_rollup" | "site_people_rollup";
  /** The group's key, e.g. "area 12, model type 3, religion buddhism, 2021, real". */
  group: string;
  stored: string;
  recounted: string;
};

type Compared = { grp: string; stored: string | null; recounted: string | null };

/**
 * Recounts every roll-up group from the base tables (live rows only, as the triggers count) and
 * returns the groups whose stored figures differ (decision 046); a group stored with 0 is one (the
 * triggers delete a group that falls to 0). Reads only; one query per roll-up.
 */
export async function rollupDifferences(db: Db): Promise<RollupDifference[]> {
  const [sites, totals, cameras, awards, people] = await Promise.all([
    db.$queryRaw<{ grp: string; stored: string | null; recounted: string | null }[]>`
      WITH recount AS (
        SELECT area_id, model_type_id, coalesce(religion::text, '') AS religion,
          EXTRACT(YEAR FROM established_on)::int AS year, is_demo, coalesce(current_unit_id, 0) AS current_unit_id,
          COUNT(*)::int AS sites
        FROM site WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6),
      stored AS (SELECT * FROM site_rollup)
      SELECT concat_ws(', ', 'area ' || k.area_id, 'model type ' || k.model_type_id,
          'religion ' || nullif(k.religion, ''), k.year, CASE WHEN k.is_demo THEN 'demo' ELSE 'real' END,
          'moved to ' || nullif(k.current_unit_id, 0)) AS grp,
        s.sites::text AS stored, r.sites::text AS recounted
      FROM stored s FULL JOIN recount r USING (area_id, model_type_id, religion, year, is_demo, current_unit_id)
        CROSS JOIN LATERAL (SELECT coalesce(s.area_id, r.area_id) AS area_id,
          coalesce(s.model_type_id, r.model_type_id) AS model_type_id, coalesce(s.religion, r.religion) AS religion,
          coalesce(s.year, r.year) AS year, coalesce(s.is_demo, r.is_demo) AS is_demo,
          coalesce(s.current_unit_id, r.current_unit_id) AS current_unit_id) k
      WHERE s.sites IS DISTINCT FROM r.sites
      ORDER BY 1`,
    db.$queryRaw<{ grp: string; stored: string | null; recounted: string | null }[]>`
      WITH recount AS (
        SELECT area_id, model_type_id, coalesce(religion::text, '') AS religion, is_demo,
          coalesce(current_unit_id, 0) AS current_unit_id, COUNT(*)::int AS sites
        FROM site WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5),
      stored AS (SELECT * FROM site_rollup_total)
      SELECT concat_ws(', ', 'area ' || k.area_id, 'model type ' || k.model_type_id,
          'religion ' || nullif(k.religion, ''), 'all years', CASE WHEN k.is_demo THEN 'demo' ELSE 'real' END,
          'moved to ' || nullif(k.current_unit_id, 0)) AS grp,
        s.sites::text AS stored, r.sites::text AS recounted
      FROM stored s FULL JOIN recount r USING (area_id, model_type_id, religion, is_demo, current_unit_id)
        CROSS JOIN LATERAL (SELECT coalesce(s.area_id, r.area_id) AS area_id,
          coalesce(s.model_type_id, r.model_type_id) AS model_type_id, coalesce(s.religion, r.religion) AS religion,
          coalesce(s.is_demo, r.is_demo) AS is_demo, coalesce(s.current_unit_id, r.current_unit_id) AS current_unit_id) k
      WHERE s.sites IS DISTINCT FROM r.sites
      ORDER BY 1`,
    db.$queryRaw<{ grp: string; stored: string | null; recounted: string | null }[]>`
      WITH recount AS (
        SELECT area_id, EXTRACT(YEAR FROM installed_on)::int AS year, is_demo,
          coalesce(current_unit_id, 0) AS current_unit_id,
          concat_ws(' ', COUNT(*), SUM(cameras), SUM(recorders), SUM(memory_cards), SUM(cost_vnd)) AS figures
        FROM camera_installation WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4),
      stored AS (
        SELECT area_id, year, is_demo, current_unit_id, concat_ws(' ', installations, cameras, recorders, memory_cards, cost_vnd) AS figures
        FROM camera_rollup)
      SELECT concat_ws(', ', 'area ' || coalesce(s.area_id, r.area_id), coalesce(s.year, r.year),
          CASE WHEN coalesce(s.is_demo, r.is_demo) THEN 'demo' ELSE 'real' END,
          'moved to ' || nullif(coalesce(s.current_unit_id, r.current_unit_id), 0)) AS grp,
        s.figures AS stored, r.figures AS recounted
      FROM stored s FULL JOIN recount r USING (area_id, year, is_demo, current_unit_id)
      WHERE s.figures IS DISTINCT FROM r.figures
      ORDER BY 1`,
    db.$queryRaw<Compared[]>`
      WITH recount AS (
        SELECT coalesce(area_id, 0) AS area_id, year, issuer::text AS issuer, form::text AS form,
          recipient_kind::text AS recipient_kind, is_demo, coalesce(current_unit_id, 0) AS current_unit_id,
          COUNT(*)::int AS awards
        FROM award WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6, 7)
      SELECT concat_ws(', ', 'area ' || nullif(k.area_id, 0), k.year, k.issuer, k.form, k.recipient_kind,
          CASE WHEN k.is_demo THEN 'demo' ELSE 'real' END, 'moved to ' || nullif(k.current_unit_id, 0)) AS grp,
        s.awards::text AS stored, r.awards::text AS recounted
      FROM award_rollup s FULL JOIN recount r USING (area_id, year, issuer, form, recipient_kind, is_demo, current_unit_id)
        CROSS JOIN LATERAL (SELECT coalesce(s.area_id, r.area_id) AS area_id, coalesce(s.year, r.year) AS year,
          coalesce(s.issuer, r.issuer) AS issuer, coalesce(s.form, r.form) AS form,
          coalesce(s.recipient_kind, r.recipient_kind) AS recipient_kind, coalesce(s.is_demo, r.is_demo) AS is_demo,
          coalesce(s.current_unit_id, r.current_unit_id) AS current_unit_id) k
      WHERE s.awards IS DISTINCT FROM r.awards
      ORDER BY 1`,
    db.$queryRaw<Compared[]>`
      WITH recount AS (
        SELECT area_id, model_type_id, EXTRACT(YEAR FROM established_on)::int AS year, is_demo,
          coalesce(current_unit_id, 0) AS current_unit_id,
          concat_ws(' ', coalesce(SUM(households), 0), coalesce(SUM(members), 0), COUNT(households), COUNT(members))
            AS figures
        FROM site WHERE deleted_at IS NULL AND (households IS NOT NULL OR members IS NOT NULL) GROUP BY 1, 2, 3, 4, 5),
      stored AS (
        SELECT area_id, model_type_id, year, is_demo, current_unit_id,
          concat_ws(' ', households, members, with_households, with_members) AS figures
        FROM site_people_rollup)
      SELECT concat_ws(', ', 'area ' || coalesce(s.area_id, r.area_id),
          'model type ' || coalesce(s.model_type_id, r.model_type_id), coalesce(s.year, r.year),
          CASE WHEN coalesce(s.is_demo, r.is_demo) THEN 'demo' ELSE 'real' END,
          'moved to ' || nullif(coalesce(s.current_unit_id, r.current_unit_id), 0)) AS grp,
        s.figures AS stored, r.figures AS recounted
      FROM stored s FULL JOIN recount r USING (area_id, model_type_id, year, is_demo, current_unit_id)
      WHERE s.figures IS DISTINCT FROM r.figures
      ORDER BY 1`,
  ]);
  const of =
    (table: RollupDifference["table"]) =>
    (r: { grp: string; stored: string | null; recounted: string | null }): RollupDifference => ({
      table,
      group: r.grp,
      stored: r.stored ?? "(none)",
      recounted: r.recounted ?? "(none)",
    });
  return [
    ...sites.map(of("site_rollup")),
    ...totals.map(of("site_rollup_total")),
    ...cameras.map(of("camera_rollup")),
    ...awards.map(of("award_rollup")),
    ...people.map(of("site_people_rollup")),
  ];
}

/** Recomputes every roll-up from the base tables (the migration's function), e.g. after a restore. */
export async function rebuildRollups(db: Pick<Db, "$executeRaw">): Promise<void> {
  await db.$executeRaw`SELECT rollup_rebuild()`;
}

/**
 * Compares the roll-ups with a recount a few minutes after start and then daily (as the audit
 * chain's check): a difference is logged at error level with the first groups, so that whatever
 * wrote around the triggers (a restore by hand with triggers off) is noticed. Returns the stop
 * function.
 */
export function scheduleDailyRollupCheck(
  db: Db,
  log: { info: (o: object, m: string) => void; error: (o: object, m: string) => void },
  opts: { firstAfterMs?: number; everyMs?: number } = {},
): () => void {
  const tick = async () => {
    try {
      const differences = await rollupDifferences(db);
      if (differences.length === 0) {
        log.info({}, "roll-ups equal a recount");
        return;
      }
      log.error(
        { count: differences.length, first: differences.slice(0, 10) },
        "ROLL-UPS DIFFER FROM A RECOUNT: dashboard figures are wrong until `pnpm rollups:check --fix` (số liệu tổng hợp sai lệch)",
      );
    } catch (err) {
      log.error({ err }, "roll-up check failed");
    }
  };
  return repeatEvery(tick, opts.firstAfterMs ?? 6 * 60_000, opts.everyMs ?? DAY);
}
