import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seed } from "../../prisma/seed/index.ts";
import { GENERATED_NOTE, SeedRefusal, seedNationalRecords } from "../../prisma/seed/national-records.ts";
import { createContextInner } from "../../server/context.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { rollupDifferences } from "../../server/services/dashboard/rollups.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";

// `pnpm seed:national` (issue 26 item 5): a national install filled with generated demo records over
// all 34 provinces, by set-based SQL, the roll-ups right after it (`pnpm rollups:check` exits 0).
// Every expected figure is the size asked or counted here by SQL; the province of a record is read
// through the national merge list (the JSON file, not the code under test).

const root = path.resolve(import.meta.dirname, "../..");
const merges: Record<string, string[]> = JSON.parse(
  fs.readFileSync(path.join(root, "prisma/seed/data/national/province-merges-2025-07.json"), "utf8"),
);
const provinceOf = new Map(Object.entries(merges).flatMap(([code, olds]) => olds.map((o) => [o, code] as const)));
const where = inject("dbTemplates");

function cli(file: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ["--import", "tsx", path.join(root, file), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    timeout: 300_000,
  });
}

describe("seed:national refuses a database that is not a national install", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb("reference");
  }, 120_000);
  afterAll(() => t?.close());

  it("on Quảng Trị's install: refused, nothing written", async () => {
    const before = await t.db.site.count();
    await expect(seedNationalRecords(t.db, { sites: 100, installations: 10, awards: 10 })).rejects.toThrow(SeedRefusal);
    await expect(seedNationalRecords(t.db, { sites: 100, installations: 10, awards: 10 })).rejects.toThrow(
      /PROVINCE=all/,
    );
    expect(await t.db.site.count()).toBe(before);
  });
});

// The national units are seeded once here, on the PostgreSQL step's server (pnpm test step 4):
// on PGlite that seed alone takes a minute of the suite (national.test.ts pays it once already).
describe.runIf(where.kind === "postgresql")("seed:national on a national install (PostgreSQL)", () => {
  let t: TestDb;
  let url: string;
  beforeAll(async () => {
    t = await createTestDb("migrated");
    await seed(t.db, { demo: false, province: "all" });
    const [row] = await t.db.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
    if (where.kind !== "postgresql" || !row) throw new Error("no database");
    url = where.urls.migrated.replace(/\/[^/]+$/, `/${row.name}`);
  }, 600_000);
  afterAll(() => t?.close());

  /** Generated records of each kind, and how many lie in each province of today, by SQL. */
  async function counted() {
    const [kinds] = await t.db.$queryRawUnsafe<{ sites: number; installations: number; awards: number }[]>(
      `SELECT (SELECT count(*)::int FROM site WHERE is_demo AND notes = $1) AS sites,
        (SELECT count(*)::int FROM camera_installation WHERE is_demo AND notes = $1) AS installations,
        (SELECT count(*)::int FROM award WHERE is_demo AND notes = $1) AS awards`,
      GENERATED_NOTE,
    );
    // The old province (three_level) or the province of today (two_level) each site lies in.
    const places = await t.db.$queryRawUnsafe<{ catalog: string; code: string; n: number }[]>(
      `SELECT a.catalog::text, CASE WHEN a.catalog = 'two_level' THEN d.code
          WHEN a.level = 'district' THEN d.code ELSE p.code END AS code, count(*)::int AS n
       FROM site s JOIN admin_unit a ON a.id = s.area_id JOIN admin_unit d ON d.id = a.parent_id
       LEFT JOIN admin_unit p ON p.id = d.parent_id
       WHERE s.notes = $1 GROUP BY 1, 2`,
      GENERATED_NOTE,
    );
    const byProvince = new Map<string, number>();
    for (const p of places) {
      const today = p.catalog === "two_level" ? p.code : provinceOf.get(p.code);
      if (!today) throw new Error(`old province ${p.code} is not in the merge list`);
      byProvince.set(today, (byProvince.get(today) ?? 0) + p.n);
    }
    return { ...kinds, byProvince, places };
  }

  it("fills every province with the size asked, dates within each area's days, roll-ups right", async () => {
    const run = cli("server/cli/seed-national.ts", [
      "--database-url",
      url,
      "--sites",
      "2000",
      "--installations",
      "500",
      "--awards",
      "300",
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Generated 2000 sites, 500 installations, 300 awards in [\d.]+ s/);

    const c = await counted();
    expect({ sites: c.sites, installations: c.installations, awards: c.awards }).toEqual({
      sites: 2000,
      installations: 500,
      awards: 300,
    });
    // All 34 provinces of today hold sites, in old communes and in today's.
    expect([...c.byProvince.keys()].sort()).toEqual(Object.keys(merges).sort());
    expect(new Set(c.places.map((p) => p.catalog))).toEqual(new Set(["three_level", "two_level"]));
    // Every record dated from 2007 to today, within the days its area existed (old list until
    // 30/06/2025, today's from 01/07/2025), and marked demo.
    const [outside] = await t.db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM (
         SELECT s.established_on AS d, s.area_id FROM site s WHERE s.notes = $1
         UNION ALL SELECT c.installed_on, c.area_id FROM camera_installation c WHERE c.notes = $1
         UNION ALL SELECT make_date(w.year, 1, 1), w.area_id FROM award w WHERE w.notes = $1) r
       JOIN admin_unit a ON a.id = r.area_id
       WHERE r.d < DATE '2007-01-01' OR r.d > CURRENT_DATE
         OR (a.catalog = 'three_level' AND (r.d > DATE '2025-06-30' OR r.d > coalesce(a.valid_to, r.d)
           OR extract(year FROM r.d) < extract(year FROM coalesce(a.valid_from, r.d))))
         OR (a.catalog = 'two_level' AND extract(year FROM r.d) < 2025)`,
      GENERATED_NOTE,
    );
    expect(outside?.n).toBe(0);
    const [notDemo] = await t.db.$queryRaw<{ n: number }[]>`SELECT
      ((SELECT count(*) FROM site WHERE NOT is_demo) + (SELECT count(*) FROM camera_installation WHERE NOT is_demo)
        + (SELECT count(*) FROM award WHERE NOT is_demo))::int AS n`;
    expect(notDemo?.n).toBe(0);
    // Several model types and years, not one.
    const [spread] = await t.db.$queryRawUnsafe<{ types: number; years: number }[]>(
      `SELECT count(DISTINCT model_type_id)::int AS types, count(DISTINCT extract(year FROM established_on))::int AS years
       FROM site WHERE notes = $1`,
      GENERATED_NOTE,
    );
    expect(spread?.types).toBe(await t.db.modelType.count());
    expect(spread?.years).toBe(new Date().getUTCFullYear() - 2007 + 1);

    const checked = cli("server/cli/rollups-check.ts", [], { DATABASE_URL: url });
    expect(checked.status, checked.stderr).toBe(0);
    expect(await rollupDifferences(t.db)).toEqual([]);
    // The dashboard reads them: the nation's figures are the generated records.
    const viewer = await makeUser(t.db, { role: "viewer" });
    const summary = await createCaller(
      createContextInner({ db: t.db, dbKind: t.kind, user: viewer }),
    ).dashboard.summary({});
    expect(summary.siteCount).toBe(2000);
    expect(summary.cameras.installations).toBe(500);
    expect(summary.byProvince?.every((p) => p.sites === c.byProvince.get(p.code))).toBe(true);
  }, 400_000);

  it("replaces its own earlier run; refuses a database with real records unless forced", async () => {
    const [area] = await t.db.$queryRaw<{ id: number }[]>`SELECT area_id AS id FROM site LIMIT 1`;
    const [type] = await t.db.$queryRaw<{ id: number }[]>`SELECT id FROM model_type LIMIT 1`;
    await t.db.site.create({
      data: {
        areaId: area?.id ?? 0,
        modelTypeId: type?.id ?? 0,
        name: "Điểm thật",
        establishedOn: new Date("2020-05-01"),
      },
    });
    await expect(seedNationalRecords(t.db, { sites: 100, installations: 0, awards: 0 })).rejects.toThrow(
      /1 bản ghi thật/,
    );
    expect((await counted()).sites).toBe(2000);
    const done = await seedNationalRecords(t.db, { sites: 700, installations: 50, awards: 0 }, { force: true });
    expect(done.replaced).toBe(2800);
    const c = await counted();
    expect({ sites: c.sites, installations: c.installations, awards: c.awards }).toEqual({
      sites: 700,
      installations: 50,
      awards: 0,
    });
    expect(await t.db.site.count({ where: { isDemo: false } })).toBe(1);
    expect(await rollupDifferences(t.db)).toEqual([]);
  }, 120_000);
});
