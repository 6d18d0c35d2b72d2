import type { Db } from "../../db.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { DAY, repeatEvery } from "../../repeat.ts";

/** A roll-up group whose stored figures are not a recount of the base table's rows. */
export type RollupDifference = {
  table:
    | "site_rollup"
    | "site_rollup_total"
    | "camera_rollup"
    | "award_rollup"
    | "site_people_rollup"
    | "camera_funding_rollup";
  /** The group's key, e.g. "area 12, model type 3, religion buddhism, 2021, real". */
  group: string;
  stored: string;
  recounted: string;
};

/**
 * Recounts every roll-up group from the base tables (live rows only, as the triggers count) and
 * returns the groups whose stored figures differ (decision 046); a group stored with 0 is one (the
 * triggers delete a group that falls to 0). Reads only; one query per roll-up.
 */
export async function rollupDifferences(db: Db): Promise<RollupDifference[]> {
  const site = Prisma.sql`area_id, model_type_id, coalesce(religion::text, '') AS religion`;
  const lists = await Promise.all([
    differences(db, "site_rollup", {
      keys: ["area_id", "model_type_id", "religion", "year", "is_demo", "current_unit_id"],
      recount: Prisma.sql`SELECT ${site}, EXTRACT(YEAR FROM established_on)::int AS year, is_demo,
          coalesce(current_unit_id, 0) AS current_unit_id, COUNT(*)::int AS figures
        FROM site WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6`,
      stored: Prisma.sql`SELECT *, sites AS figures FROM site_rollup`,
      words: "'model type ' || k.model_type_id, 'religion ' || nullif(k.religion, ''), k.year",
    }),
    differences(db, "site_rollup_total", {
      keys: ["area_id", "model_type_id", "religion", "is_demo", "current_unit_id"],
      recount: Prisma.sql`SELECT ${site}, is_demo, coalesce(current_unit_id, 0) AS current_unit_id,
          COUNT(*)::int AS figures
        FROM site WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5`,
      stored: Prisma.sql`SELECT *, sites AS figures FROM site_rollup_total`,
      words: "'model type ' || k.model_type_id, 'religion ' || nullif(k.religion, ''), 'all years'",
    }),
    differences(db, "camera_rollup", {
      keys: ["area_id", "year", "is_demo", "current_unit_id"],
      recount: Prisma.sql`SELECT area_id, EXTRACT(YEAR FROM installed_on)::int AS year, is_demo,
          coalesce(current_unit_id, 0) AS current_unit_id,
          concat_ws(' ', COUNT(*), SUM(cameras), SUM(recorders), SUM(memory_cards), SUM(cost_vnd)) AS figures
        FROM camera_installation WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4`,
      stored: Prisma.sql`SELECT area_id, year, is_demo, current_unit_id,
          concat_ws(' ', installations, cameras, recorders, memory_cards, cost_vnd) AS figures
        FROM camera_rollup`,
      words: "k.year",
    }),
    differences(db, "camera_funding_rollup", {
      keys: ["area_id", "year", "is_demo", "current_unit_id", "funding_source"],
      recount: Prisma.sql`SELECT area_id, EXTRACT(YEAR FROM installed_on)::int AS year, is_demo,
          coalesce(current_unit_id, 0) AS current_unit_id, funding_source::text AS funding_source,
          concat_ws(' ', COUNT(*), SUM(cameras), SUM(cost_vnd)) AS figures
        FROM camera_installation WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5`,
      stored: Prisma.sql`SELECT area_id, year, is_demo, current_unit_id, funding_source,
          concat_ws(' ', installations, cameras, cost_vnd) AS figures
        FROM camera_funding_rollup`,
      words: "k.year, k.funding_source",
    }),
    differences(db, "award_rollup", {
      keys: ["area_id", "year", "issuer", "form", "recipient_kind", "is_demo", "current_unit_id"],
      recount: Prisma.sql`SELECT coalesce(area_id, 0) AS area_id, year, issuer::text AS issuer, form::text AS form,
          recipient_kind::text AS recipient_kind, is_demo, coalesce(current_unit_id, 0) AS current_unit_id,
          COUNT(*)::int AS figures
        FROM award WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6, 7`,
      stored: Prisma.sql`SELECT *, awards AS figures FROM award_rollup`,
      // Area 0: a province-level award, named by nothing.
      area: "'area ' || nullif(k.area_id, 0)",
      words: "k.year, k.issuer, k.form, k.recipient_kind",
    }),
    differences(db, "site_people_rollup", {
      keys: ["area_id", "model_type_id", "year", "is_demo", "current_unit_id"],
      recount: Prisma.sql`SELECT area_id, model_type_id, EXTRACT(YEAR FROM established_on)::int AS year, is_demo,
          coalesce(current_unit_id, 0) AS current_unit_id,
          concat_ws(' ', coalesce(SUM(households), 0), coalesce(SUM(members), 0), COUNT(households), COUNT(members))
            AS figures
        FROM site WHERE deleted_at IS NULL AND (households IS NOT NULL OR members IS NOT NULL) GROUP BY 1, 2, 3, 4, 5`,
      stored: Prisma.sql`SELECT area_id, model_type_id, year, is_demo, current_unit_id,
          concat_ws(' ', households, members, with_households, with_members) AS figures
        FROM site_people_rollup`,
      words: "'model type ' || k.model_type_id, k.year",
    }),
  ]);
  return lists.flat();
}

/**
 * One roll-up's groups whose stored `figures` differ from the recount's, each named by its key
 * columns `k` (the area, the table's own `words`, demo or real, and where a record moved to).
 */
async function differences(
  db: Db,
  table: RollupDifference["table"],
  q: { keys: string[]; recount: Prisma.Sql; stored: Prisma.Sql; words: string; area?: string },
): Promise<RollupDifference[]> {
  const moved = q.keys.includes("current_unit_id") ? ", 'moved to ' || nullif(k.current_unit_id, 0)" : "";
  const rows = await db.$queryRaw<{ grp: string; stored: string | null; recounted: string | null }[]>`
    WITH recount AS (${q.recount}), stored AS (${q.stored})
    SELECT concat_ws(', ', ${Prisma.raw(q.area ?? "'area ' || k.area_id")}, ${Prisma.raw(q.words)},
        CASE WHEN k.is_demo THEN 'demo' ELSE 'real' END${Prisma.raw(moved)}) AS grp,
      s.figures::text AS stored, r.figures::text AS recounted
    FROM stored s FULL JOIN recount r USING (${Prisma.raw(q.keys.join(", "))})
      CROSS JOIN LATERAL (SELECT ${Prisma.raw(q.keys.map((c) => `coalesce(s.${c}, r.${c}) AS ${c}`).join(", "))}) k
    WHERE s.figures IS DISTINCT FROM r.figures
    ORDER BY 1`;
  return rows.map((r) => ({
    table,
    group: r.grp,
    stored: r.stored ?? "(none)",
    recounted: r.recounted ?? "(none)",
  }));
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
