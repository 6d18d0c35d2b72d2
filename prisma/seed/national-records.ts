import { foldVietnamese } from "@qt/shared/domain";
import { NATIONAL_CODE } from "@qt/shared/province";
import type { Db } from "../../server/db.ts";
import { Prisma } from "../../server/generated/prisma/client.ts";
import { BULK_TX } from "../../server/services/imports/commit.ts";
import { GIVEN, MIDDLE, SURNAMES } from "./demo-common.ts";
import { seededRandom } from "./factories.ts";

/**
 * `pnpm seed:national` (issue 26 item 5): a national install (decision 050) filled with generated
 * records over all 34 provinces, for the scale and load benchmarks — up to 1 000 000 sites, 100 000
 * camera installations and 50 000 awards, written with set-based SQL (INSERT … SELECT over
 * generate_series, 100 000 rows a statement) in one transaction. Every row is a demo row (`is_demo`,
 * labelled everywhere and removed with the demo, decision 023) carrying GENERATED_NOTE in its
 * notes; a new run replaces the previous run's rows. The roll-ups stay right through their own
 * statement triggers (decision 046/053): one aggregate of each 100 000-row statement.
 */
export const GENERATED_NOTE = "Dữ liệu sinh tự động (pnpm seed:national)";
export const NATIONAL_LIMITS = { sites: 1_000_000, installations: 100_000, awards: 50_000 } as const;
export type NationalSize = { sites: number; installations: number; awards: number };

/** A refusal of the generator: the database is not one it may fill. */
export class SeedRefusal extends Error {}

/** The day the two-level list took effect: records from it on lie in today's communes. */
const TWO_LEVELS = "2025-07-01";
const FIRST = "2007-01-01";
const CHUNK = 100_000;
/** Share of records dated from 01/07/2025 (in today's communes), per kind, in percent. */
const NEW_SHARE = { sites: 8, installations: 12, awards: 10 };

type AreaRow = { id: number; name: string; district: string; lo: string; hi: string; province: string; new: boolean };

export async function seedNationalRecords(
  db: Db,
  size: NationalSize,
  opts: { force?: boolean } = {},
): Promise<NationalSize & { areas: number; seconds: number; replaced: number }> {
  for (const [k, max] of Object.entries(NATIONAL_LIMITS)) {
    const v = size[k as keyof NationalSize];
    if (!Number.isInteger(v) || v < 0 || v > max) throw new SeedRefusal(`--${k}: 0 … ${max.toLocaleString("en")}`);
  }
  const t0 = Date.now();
  const [setting] = await db.$queryRaw<{ code: string | null }[]>`
    SELECT value->>'code' AS code FROM app_setting WHERE key = 'province'`;
  if (setting?.code !== NATIONAL_CODE) {
    throw new SeedRefusal(
      `Cơ sở dữ liệu này không phải bản cài toàn quốc (PROVINCE=all), mà là ${setting?.code ?? "chưa cài"}: không sinh dữ liệu. ` +
        `(Not a national install: ${setting?.code ?? "not set up"}.)`,
    );
  }
  const [real] = await db.$queryRaw<{ n: number }[]>`SELECT
    (SELECT count(*) FROM site WHERE NOT is_demo) + (SELECT count(*) FROM camera_installation WHERE NOT is_demo)
      + (SELECT count(*) FROM award WHERE NOT is_demo) AS n`;
  if (Number(real?.n ?? 0) > 0 && !opts.force) {
    throw new SeedRefusal(
      `Cơ sở dữ liệu có ${Number(real?.n)} bản ghi thật: không sinh dữ liệu (thêm --force nếu chắc chắn). ` +
        `(The database holds ${Number(real?.n)} real records; --force to fill it anyway.)`,
    );
  }
  const areas = await areaRows(db);
  const r = seededRandom(20070101);
  // How active a province is (1–4) times how active a commune is (1–3): an area appears that many
  // times in the pool the generator draws from.
  const provinceWeight = new Map<string, number>();
  const weightOf = (a: AreaRow) => {
    if (!provinceWeight.has(a.province)) provinceWeight.set(a.province, r.int(1, 4));
    return (provinceWeight.get(a.province) ?? 1) * r.int(1, 3);
  };
  const note = foldVietnamese(GENERATED_NOTE);

  const replaced = await db.$transaction(async (tx) => {
    let removed = 0;
    removed += await tx.$executeRaw`DELETE FROM award WHERE is_demo AND notes = ${GENERATED_NOTE}`;
    removed += await tx.$executeRaw`DELETE FROM camera_installation WHERE is_demo AND notes = ${GENERATED_NOTE}`;
    removed += await tx.$executeRaw`DELETE FROM site WHERE is_demo AND notes = ${GENERATED_NOTE}`;
    await tx.$executeRaw`SELECT setseed(0.2026)`;
    await tx.$executeRawUnsafe(`CREATE TEMP TABLE gen_area (id int, short text, short_fold text, area_fold text,
      lo date, hi date, is_new boolean, w int) ON COMMIT DROP`);
    for (let i = 0; i < areas.length; i += 5_000) {
      const rows = areas.slice(i, i + 5_000).map((a) => {
        const short = shortName(a.name);
        return Prisma.sql`(${a.id}::int, ${short}, ${foldVietnamese(short)}, ${foldVietnamese(`${a.name} ${a.district}`)},
          ${a.lo}::date, ${a.hi}::date, ${a.new}, ${weightOf(a)}::int)`;
      });
      await tx.$executeRaw`INSERT INTO gen_area VALUES ${Prisma.join(rows)}`;
    }
    // The pools drawn from: every area `w` times, numbered 1…n, old and new apart.
    await tx.$executeRawUnsafe(`CREATE TEMP TABLE gen_pool ON COMMIT DROP AS
      SELECT row_number() OVER (PARTITION BY is_new ORDER BY id, k) AS i, is_new, id, short, short_fold, area_fold, lo, hi
      FROM gen_area, generate_series(1, w) k`);
    await tx.$executeRawUnsafe("CREATE INDEX ON gen_pool (is_new, i)");
    const types = await tx.$queryRaw<{ id: number; name: string; category: string }[]>`
      SELECT id, name, category::text FROM model_type WHERE deleted_at IS NULL AND NOT is_demo ORDER BY code`;
    const typeRows = types.map(
      (t) => Prisma.sql`(${t.id}::int, ${t.name}, ${foldVietnamese(t.name)}, ${t.category}, ${r.int(1, 5)}::int)`,
    );
    await tx.$executeRawUnsafe(
      "CREATE TEMP TABLE gen_type (id int, name text, fold text, category text, w int) ON COMMIT DROP",
    );
    await tx.$executeRaw`INSERT INTO gen_type VALUES ${Prisma.join(typeRows)}`;
    await tx.$executeRawUnsafe(`CREATE TEMP TABLE gen_type_pool ON COMMIT DROP AS
      SELECT row_number() OVER (ORDER BY id, k) AS i, id, name, fold, category FROM gen_type, generate_series(1, w) k`);
    const [pools] = await tx.$queryRaw<{ old: number; new: number; types: number }[]>`SELECT
      (SELECT count(*)::int FROM gen_pool WHERE NOT is_new) AS old, (SELECT count(*)::int FROM gen_pool WHERE is_new) AS new,
      (SELECT count(*)::int FROM gen_type_pool) AS types`;
    if (!pools) throw new Error("no pools");

    for (let done = 0; done < size.sites; done += CHUNK) {
      await tx.$executeRaw`INSERT INTO site (model_type_id, area_id, name, host, established_on, status,
          status_changed_on, religion, households, members, notes, search_text, is_demo, updated_at)
        SELECT t.id, a.id, t.name || ' – ' || a.short || ' (' || x.g || ')', '', x.d, x.status::site_status,
          CASE WHEN x.status <> 'active' THEN least(x.d + x.later, CURRENT_DATE) END,
          CASE WHEN t.category = 'religious' THEN x.religion::religion END,
          CASE WHEN t.category IN ('clan', 'residential') THEN 10 + (x.h * 290)::int END,
          CASE WHEN t.category NOT IN ('clan', 'residential', 'camera') THEN 5 + (x.h * 120)::int END,
          ${GENERATED_NOTE}, t.fold || ' – ' || a.short_fold || ' (' || x.g || ') ' || ${note} || ' ' || a.area_fold,
          true, now()
        FROM (SELECT g, p.is_new, p.ai, 1 + floor(random() * ${pools.types})::int AS ti,
            p.u, random() AS h, floor(random() * 1500)::int AS later,
            (ARRAY['active','active','active','active','active','active','active','active','active','active','active',
              'active','active','active','active','active','active','suspended','suspended','dissolved'])[1 + floor(random() * 20)::int] AS status,
            (ARRAY['buddhism','buddhism','buddhism','buddhism','catholicism','catholicism','catholicism','protestantism',
              'caodaism','hoahao','other'])[1 + floor(random() * 11)::int] AS religion
          FROM generate_series(${done + 1}::int, ${Math.min(done + CHUNK, size.sites)}::int) g
          CROSS JOIN LATERAL ${drawArea(pools, NEW_SHARE.sites)} p OFFSET 0) x0
        JOIN gen_pool a ON a.is_new = x0.is_new AND a.i = x0.ai
        JOIN gen_type_pool t ON t.i = x0.ti
        CROSS JOIN LATERAL (SELECT x0.g, x0.h, x0.later, x0.status, x0.religion,
          a.lo + floor((a.hi - a.lo + 1) * sqrt(x0.u))::int AS d) x`;
    }
    if (size.installations > 0) {
      await tx.$executeRaw`INSERT INTO camera_installation (area_id, installed_on, cameras, recorders, memory_cards,
          cost_vnd, funding_source, notes, search_text, is_demo, updated_at)
        SELECT a.id, a.lo + floor((a.hi - a.lo + 1) * sqrt(x.u))::int, x.cameras, x.cameras / 8 + (x.h * 2)::int,
          (x.cameras * x.h)::int, x.cameras * (3 + floor(x.h * 10)::bigint) * 1000000, x.funding::funding_source,
          ${GENERATED_NOTE}, ${note} || ' ' || a.area_fold, true, now()
        FROM (SELECT g, p.is_new, p.ai, p.u, random() AS h, 1 + floor(random() * random() * 24)::int AS cameras,
            (ARRAY['state_budget','state_budget','socialized','socialized','socialized','mixed'])[1 + floor(random() * 6)::int] AS funding
          FROM generate_series(1, ${size.installations}::int) g
          CROSS JOIN LATERAL ${drawArea(pools, NEW_SHARE.installations)} p OFFSET 0) x
        JOIN gen_pool a ON a.is_new = x.is_new AND a.i = x.ai`;
    }
    if (size.awards > 0) {
      const people = Array.from({ length: 200 }, (_, i) => {
        const name = `${r.pick(SURNAMES)} ${r.pick(MIDDLE)} ${r.pick(GIVEN)}`;
        return Prisma.sql`(${i + 1}::int, ${name}, ${foldVietnamese(name)})`;
      });
      await tx.$executeRawUnsafe("CREATE TEMP TABLE gen_person (i int, name text, fold text) ON COMMIT DROP");
      await tx.$executeRaw`INSERT INTO gen_person VALUES ${Prisma.join(people)}`;
      await tx.$executeRaw`INSERT INTO award (year, issuer, form, recipient_kind, recipient_name, area_id,
          decision_number, notes, search_text, is_demo, updated_at)
        SELECT EXTRACT(YEAR FROM a.lo + floor((a.hi - a.lo + 1) * sqrt(x.u))::int)::int, x.issuer::award_issuer,
          x.form::award_form, x.kind::recipient_kind,
          CASE WHEN x.kind = 'collective' THEN 'Ban Công an ' || a.short ELSE pp.name END, a.id,
          x.g || '/QĐ-' || x.body, ${GENERATED_NOTE},
          CASE WHEN x.kind = 'collective' THEN 'ban cong an ' || a.short_fold ELSE pp.fold END
            || ' ' || x.g || '/qd-' || lower(x.body) || ' ' || ${note} || ' ' || a.area_fold,
          true, now()
        FROM (SELECT g, p.is_new, p.ai, p.u, 1 + floor(random() * 200)::int AS pi,
            CASE WHEN random() < 0.6 THEN 'collective' ELSE 'individual' END AS kind,
            (ARRAY['provincial_committee','provincial_committee','provincial_police','provincial_police','provincial_police',
              'ministry','department_v05','other'])[1 + floor(random() * 8)::int] AS issuer,
            (ARRAY['certificate','certificate','certificate','certificate_of_merit','certificate_of_merit',
              'emulation_flag'])[1 + floor(random() * 6)::int] AS form,
            (ARRAY['UBND','CAT','BCA'])[1 + g % 3] AS body
          FROM generate_series(1, ${size.awards}::int) g
          CROSS JOIN LATERAL ${drawArea(pools, NEW_SHARE.awards)} p OFFSET 0) x
        JOIN gen_pool a ON a.is_new = x.is_new AND a.i = x.ai
        JOIN gen_person pp ON pp.i = x.pi`;
    }
    return removed;
  }, BULK_TX);
  await db.$executeRawUnsafe("ANALYZE site");
  await db.$executeRawUnsafe("ANALYZE camera_installation");
  await db.$executeRawUnsafe("ANALYZE award");
  return { ...size, areas: areas.length, replaced, seconds: (Date.now() - t0) / 1000 };
}

/**
 * One draw of an area for row `g`: old or new pool (`share` % new), the index in it, and a
 * uniform number whose square root places the date in the area's days (later years more often:
 * the movement grew).
 */
const drawArea = (pools: { old: number; new: number }, share: number) =>
  Prisma.sql`(SELECT q.is_new, 1 + floor(random() * CASE WHEN q.is_new THEN ${pools.new}::int ELSE ${pools.old}::int END)::int AS ai,
    random() AS u FROM (SELECT g > 0 AND random() * 100 < ${share}::int AS is_new) q)`;

/** "Xã Hải Ba" → "Hải Ba": a name without its kind, for record names. */
const shortName = (name: string) => name.replace(/^(Xã|Phường|Thị trấn|Đặc khu|Huyện)\s+/u, "");

/**
 * Every area a record may lie in, with the days it may carry: before 01/07/2025 the old communes
 * (and districts without communes) of the 63 old provinces, within their own validity from 2007;
 * from 01/07/2025 to today the communes of today. `province`: the old or new province, for weights.
 */
async function areaRows(db: Db): Promise<AreaRow[]> {
  const rows = await db.$queryRaw<AreaRow[]>`
    SELECT a.id, a.name, coalesce(CASE WHEN a.level = 'commune' THEN d.name END, '') AS district,
      greatest(coalesce(a.valid_from, ${FIRST}::date), ${FIRST}::date)::text AS lo,
      least(coalesce(a.valid_to, CURRENT_DATE), ${TWO_LEVELS}::date - 1, CURRENT_DATE)::text AS hi,
      coalesce(p.code, d.code, '') AS province, false AS new
    FROM admin_unit a
    LEFT JOIN admin_unit d ON d.id = a.parent_id
    LEFT JOIN admin_unit p ON p.id = d.parent_id
    WHERE a.catalog = 'three_level' AND (a.level = 'commune'
      OR (a.level = 'district' AND NOT EXISTS (SELECT 1 FROM admin_unit c WHERE c.parent_id = a.id)))
    UNION ALL
    SELECT a.id, a.name, coalesce(f.name, ''), greatest(coalesce(a.valid_from, ${TWO_LEVELS}::date), ${TWO_LEVELS}::date)::text,
      least(coalesce(a.valid_to, CURRENT_DATE), CURRENT_DATE)::text, p.code, true
    FROM admin_unit a JOIN admin_unit p ON p.id = a.parent_id LEFT JOIN admin_unit f ON f.id = a.former_district_id
    WHERE a.catalog = 'two_level' AND a.level = 'commune'
    ORDER BY 1`;
  return rows.filter((a) => a.lo <= a.hi);
}
