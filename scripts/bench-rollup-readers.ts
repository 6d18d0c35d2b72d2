/**
 * The figures moved to roll-ups by decision 058, timed on a private PostgreSQL, and what their
 * triggers add to a create. Not a test: it prints figures.
 *   tsx scripts/bench-rollup-readers.ts --sites 300000 [--code /work/main]
 * Fills N sites (a third with households and members), N/10 installations and N/10 awards with
 * plain SQL on this tree's migrations, then times each procedure (median of 5) with the services of
 * this tree and, with --code, of another tree (the code before the change) on the same database,
 * and one-row creates of a site and an award with the new triggers on and off.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { startPostgres } from "../tests/support/postgres.mjs";

const { values } = parseArgs({ options: { sites: { type: "string", default: "300000" }, code: { type: "string" } } });
const SITES = Number(values.sites);
const here = path.resolve(import.meta.dirname, "..");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

type Db = { $executeRawUnsafe: (sql: string) => Promise<number>; $disconnect: () => Promise<void> };
async function open(root: string, url: string) {
  const { chooseAdapter } = await import(path.join(root, "server/db/adapter.ts"));
  const { createDb } = await import(path.join(root, "server/db.ts"));
  const adapter = await chooseAdapter({ databaseUrl: url, dataDir: "/nonexistent" });
  return { adapter, db: createDb(adapter) as Db };
}

async function timeProcedures(root: string, url: string, label: string) {
  const { adapter, db } = await open(root, url);
  const dash = (f: string) => import(path.join(root, "server/services/dashboard", f));
  const [
    { dashboardAwards },
    { dashboardYearly },
    { dashboardAreas },
    { dashboardModelType },
    { dashboardCommunities },
  ] = await Promise.all(["awards.ts", "yearly.ts", "areas.ts", "model-type.ts", "communities.ts"].map(dash));
  const filters = {
    "2007–2022": { fromYear: 2007, toYear: 2022 },
    "05/05/2010–20/08/2021": { from: "2010-05-05", to: "2021-08-20" },
  };
  const calls: Record<string, (f: object) => Promise<unknown>> = {
    awards: (f) => dashboardAwards(db, f),
    yearly: (f) => dashboardYearly(db, f),
    "areas (one district)": (f) => dashboardAreas(db, { ...f, districtCode: process.env.DISTRICT_CODE ?? "" }),
    "modelType (first clan type)": (f) => dashboardModelType(db, { ...f, code: process.env.TYPE_CODE ?? "" }),
    communities: (f) => dashboardCommunities(db, f),
  };
  for (const [name, call] of Object.entries(calls)) {
    for (const [period, f] of Object.entries(filters)) {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        // A write first: the figures are never served from a cache here (the services are called).
        await db.$executeRawUnsafe(`UPDATE site SET version = version + 1 WHERE id = ${1 + i}`);
        const t0 = performance.now();
        await call(f);
        times.push(performance.now() - t0);
      }
      console.log(`${label}\t${name}\t${period}\t${median(times).toFixed(0)} ms`);
    }
  }
  await db.$disconnect();
  await adapter.close();
}

async function main() {
  const pg = await startPostgres();
  if (!pg) throw new Error("PostgreSQL is not installed");
  const { onServer } = await import("../tests/support/postgres.mjs");
  const url = pg.url("readers");
  await onServer(url, "CREATE DATABASE readers");
  try {
    const { adapter, db } = await open(here, url);
    const conn = await adapter.factory.connect();
    const fs = await import("node:fs");
    const dir = path.join(here, "prisma/migrations");
    for (const d of fs.readdirSync(dir).sort())
      if (fs.existsSync(path.join(dir, d, "migration.sql")))
        await conn.executeScript(fs.readFileSync(path.join(dir, d, "migration.sql"), "utf8"));
    const { seedReference } = await import("../prisma/seed/reference.ts");
    await seedReference(db as never);
    const t0 = performance.now();
    await conn.executeScript(`
      CREATE TABLE bench_area AS SELECT row_number() OVER (ORDER BY id) AS i, id FROM admin_unit
        WHERE catalog = 'three_level' AND level = 'commune';
      CREATE TABLE bench_type AS SELECT row_number() OVER (ORDER BY id) AS i, id, category FROM model_type;
      INSERT INTO site (model_type_id, area_id, name, established_on, religion, households, members, search_text, updated_at)
      SELECT t.id, a.id, 'Điểm ' || g, DATE '2007-01-01' + (g * 7919 % 6570)::int,
        CASE WHEN t.category = 'religious' THEN (ARRAY['buddhism','catholicism','protestantism','other'])[(1 + g % 4)::int]::religion END,
        CASE WHEN g % 3 = 0 THEN (g % 90)::int END, CASE WHEN g % 3 = 0 THEN (g % 300)::int END, 'diem ' || g, now()
      FROM generate_series(1, ${SITES}::bigint) g
      JOIN bench_area a ON a.i = 1 + (g * 31 % (SELECT count(*) FROM bench_area))
      JOIN bench_type t ON t.i = 1 + (g * 17 % (SELECT count(*) FROM bench_type));
      INSERT INTO camera_installation (area_id, installed_on, cameras, recorders, memory_cards, cost_vnd, funding_source, updated_at)
      SELECT a.id, DATE '2007-01-01' + (g * 4007 % 6570)::int, (1 + g % 12)::int, (g % 3)::int, (g % 5)::int,
        1000000 * (g % 90), 'mixed', now()
      FROM generate_series(1, ${SITES / 10}::bigint) g JOIN bench_area a ON a.i = 1 + (g * 13 % (SELECT count(*) FROM bench_area));
      INSERT INTO award (year, issuer, form, recipient_kind, recipient_name, area_id, updated_at)
      SELECT 2007 + (g % 18), (ARRAY['provincial_committee','ministry','department_v05','provincial_police'])[(1 + g % 4)::int]::award_issuer,
        (ARRAY['emulation_flag','certificate_of_merit','certificate'])[(1 + g % 3)::int]::award_form,
        (ARRAY['collective','individual'])[(1 + g % 2)::int]::recipient_kind, 'Tập thể ' || g,
        CASE WHEN g % 10 = 0 THEN NULL ELSE a.id END, now()
      FROM generate_series(1, ${SITES / 10}::bigint) g JOIN bench_area a ON a.i = 1 + (g * 11 % (SELECT count(*) FROM bench_area));
      ANALYZE;`);
    console.log(
      `filled ${SITES} sites, ${SITES / 10} installations and awards in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
    const q = async (sql: string) =>
      (
        (await (db as never as { $queryRawUnsafe: (s: string) => Promise<unknown[]> }).$queryRawUnsafe(sql)) as {
          v: string | number;
        }[]
      )[0]?.v;
    for (const t of ["site_rollup", "site_rollup_total", "camera_rollup", "award_rollup", "site_people_rollup"])
      console.log(`${t}: ${await q(`SELECT count(*)::int AS v FROM ${t}`)} groups`);
    process.env.TYPE_CODE = String(
      await q(`SELECT code AS v FROM model_type WHERE category = 'clan' ORDER BY id LIMIT 1`),
    );
    process.env.DISTRICT_CODE = String(
      await q(
        `SELECT code AS v FROM admin_unit WHERE level = 'district' AND catalog = 'three_level' ORDER BY code LIMIT 1`,
      ),
    );

    // One-row creates, each its own transaction, with the new triggers on and off (500 each, twice).
    const creates = async (on: boolean) => {
      const state = on ? "ENABLE" : "DISABLE";
      await conn.executeScript(`ALTER TABLE award ${state} TRIGGER award_rollup_insert;
        ALTER TABLE site ${state} TRIGGER site_people_rollup_insert;`);
      const out: Record<string, number> = {};
      for (const [name, sql] of Object.entries({
        site: `INSERT INTO site (model_type_id, area_id, name, established_on, households, search_text, updated_at)
          SELECT t.id, a.id, 'x', DATE '2015-03-03', 12, 'x', now() FROM bench_area a, bench_type t WHERE a.i = 5 AND t.i = 3`,
        award: `INSERT INTO award (year, issuer, form, recipient_kind, recipient_name, area_id, updated_at)
          SELECT 2015, 'ministry', 'certificate', 'collective', 'x', a.id, now() FROM bench_area a WHERE a.i = 5`,
      })) {
        const t1 = performance.now();
        for (let i = 0; i < 500; i++) await db.$executeRawUnsafe(sql);
        out[name] = (performance.now() - t1) / 500;
      }
      return out;
    };
    await creates(true); // warm
    const rounds: Record<string, number>[][] = [];
    for (let i = 0; i < 2; i++) rounds.push([await creates(false), await creates(true)]);
    for (const k of ["site", "award"]) {
      const off = median(rounds.map((r) => r[0]?.[k] ?? 0));
      const on = median(rounds.map((r) => r[1]?.[k] ?? 0));
      console.log(
        `one-row ${k} create: ${off.toFixed(2)} ms without the new trigger, ${on.toFixed(2)} ms with it (+${(on - off).toFixed(2)} ms)`,
      );
    }
    await conn.executeScript("ANALYZE");
    await db.$disconnect();
    await adapter.close();

    if (values.code) await timeProcedures(path.resolve(values.code), url, "before");
    await timeProcedures(here, url, "after");
  } finally {
    pg.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
