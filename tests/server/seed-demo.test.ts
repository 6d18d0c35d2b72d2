import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadQuangTriDemo } from "../../prisma/seed/demo-quang-tri.ts";
import { seed } from "../../prisma/seed/index.ts";
import { createContextInner } from "../../server/context.ts";
import type { Db } from "../../server/db.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";

/**
 * The demo data beyond the article (decision 023): former Quảng Bình 2007–2025 and today's
 * communes since 01/07/2025, each part loaded once, dated while its area existed, never in the
 * future, all marked demo; the article's figures unchanged by them.
 */
let demo: TestDb;
let old: TestDb;
beforeAll(async () => {
  [demo, old] = await Promise.all([createTestDb("demo"), createTestDb("reference")]);
  // A database seeded before this change: the article's part only.
  await loadQuangTriDemo(old.db);
}, 60_000);
afterAll(async () => {
  await Promise.all([demo?.close(), old?.close()]);
});

type Row = { part: string; province: string; n: bigint };
/** Demo sites, installations and awards per part (old list: the old province; new list: "new"). */
async function parts(db: Db): Promise<Record<string, number>> {
  const rows = await db.$queryRaw<Row[]>`
    WITH r AS (SELECT 'site' AS part, area_id FROM site WHERE is_demo
      UNION ALL SELECT 'installation', area_id FROM camera_installation WHERE is_demo
      UNION ALL SELECT 'award', area_id FROM award WHERE is_demo)
    SELECT r.part, CASE WHEN a.catalog = 'two_level' THEN 'new' ELSE COALESCE(pp.code, p.code) END AS province,
      COUNT(*) AS n
    FROM r JOIN admin_unit a ON a.id = r.area_id JOIN admin_unit p ON p.id = a.parent_id
      LEFT JOIN admin_unit pp ON pp.id = p.parent_id
    GROUP BY 1, 2`;
  return Object.fromEntries(rows.map((r) => [`${r.part}:${r.province}`, Number(r.n)]));
}

/** What a demo site is, without ids: the same on any database seeded the same way. */
const siteKeys = (db: Db) =>
  db.$queryRaw<{ key: string }[]>`
    SELECT concat_ws('|', mt.code, a.catalog, a.code, s.name, s.established_on::text, s.households, s.members) AS key
    FROM site s JOIN model_type mt ON mt.id = s.model_type_id JOIN admin_unit a ON a.id = s.area_id
    WHERE s.is_demo ORDER BY s.id`;

describe("demo data of former Quảng Bình and of today's communes", () => {
  it("has sites, camera installations and awards in former Quảng Bình and in today's communes", async () => {
    const p = await parts(demo.db);
    expect(p["site:44"]).toBeGreaterThan(100);
    expect(p["installation:44"]).toBeGreaterThan(30);
    expect(p["award:44"]).toBe(16);
    expect(p["site:new"]).toBe(40 + 24);
    expect(p["installation:new"]).toBe(24);
    expect(p["award:new"]).toBe(6);
    // Today's communes on both old provinces' land.
    const lands = await demo.db.$queryRaw<{ code: string }[]>`
      SELECT DISTINCT p.code FROM site s JOIN admin_unit a ON a.id = s.area_id
      JOIN admin_unit d ON d.id = a.former_district_id JOIN admin_unit p ON p.id = d.parent_id
      WHERE s.is_demo AND a.catalog = 'two_level' ORDER BY 1`;
    expect(lands.map((l) => l.code)).toEqual(["44", "45"]);
  });

  it("uses the former Quảng Bình model names (at least 15 of them) on its land", async () => {
    const types = await demo.db.$queryRaw<{ code: string }[]>`
      SELECT DISTINCT mt.code FROM site s JOIN model_type mt ON mt.id = s.model_type_id
      JOIN admin_unit a ON a.id = s.area_id JOIN admin_unit d ON d.id = a.parent_id
      JOIN admin_unit p ON p.id = d.parent_id
      WHERE s.is_demo AND a.catalog = 'three_level' AND p.code = '44'`;
    const codes = types.map((t) => t.code);
    expect(codes.length).toBeGreaterThanOrEqual(15);
    expect(codes).toEqual(expect.arrayContaining(["clan-self-managed", "zalo-peace", "security-camera"]));
    // "Zalo - Kết nối bình yên" began in 2021 (in Đồng Hới).
    const zalo = await demo.db.site.findMany({
      where: {
        isDemo: true,
        modelType: { code: "zalo-peace" },
        area: { catalog: "three_level", parent: { parent: { code: "44", catalog: "three_level" } } },
      },
      select: { establishedOn: true },
    });
    expect(zalo.length).toBeGreaterThan(0);
    expect(zalo.every((s) => s.establishedOn >= new Date("2021-01-01"))).toBe(true);
  });

  it("dates every record while its area existed, and none in the future", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const [bad] = await demo.db.$queryRaw<{ sites: bigint; installations: bigint; awards: bigint }[]>`
      SELECT
        (SELECT COUNT(*) FROM site s JOIN admin_unit a ON a.id = s.area_id WHERE s.is_demo AND (
          s.established_on > COALESCE(a.valid_to, ${today}::date) OR s.established_on < COALESCE(a.valid_from, '2007-01-01')
          OR s.established_on > ${today}::date)) AS sites,
        (SELECT COUNT(*) FROM camera_installation ci JOIN admin_unit a ON a.id = ci.area_id WHERE ci.is_demo AND (
          ci.installed_on > COALESCE(a.valid_to, ${today}::date) OR ci.installed_on < COALESCE(a.valid_from, '2007-01-01')
          OR ci.installed_on > ${today}::date)) AS installations,
        (SELECT COUNT(*) FROM award aw JOIN admin_unit a ON a.id = aw.area_id WHERE aw.is_demo AND (
          aw.year > EXTRACT(YEAR FROM COALESCE(a.valid_to, ${today}::date))
          OR aw.year < EXTRACT(YEAR FROM COALESCE(a.valid_from, '2007-01-01')))) AS awards`;
    expect(bad).toEqual({ sites: 0n, installations: 0n, awards: 0n });
  });

  it("adds the new parts once to a database that has the article's part only, and the same rows", async () => {
    const before = await parts(old.db);
    expect(Object.keys(before).every((k) => k.endsWith(":45"))).toBe(true);
    const first = await seed(old.db, { demo: true });
    expect(first.demoLoaded).toBe(true);
    const after = await parts(old.db);
    // The article's part is not loaded again; the others are there, as on a fresh database.
    expect(after).toEqual(await parts(demo.db));
    expect(await siteKeys(old.db)).toEqual(await siteKeys(demo.db));
    await seed(old.db, { demo: true });
    expect(await parts(old.db)).toEqual(after);
  });

  it("leaves the article's figures (former Quảng Trị 2007–2022) as they were", async () => {
    const viewer = await makeUser(old.db, { role: "viewer" });
    const call = createCaller(createContextInner({ db: old.db, dbKind: old.kind, user: viewer }));
    const s = await call.dashboard.summary({ formerProvinceCode: "45", fromYear: 2007, toYear: 2022 });
    expect(s.cameraCoverage).toMatchObject({ covered: 73, total: 126 });
    expect(s.cameras).toMatchObject({ cameras: 1131, recorders: 53, memoryCards: 67, costVnd: 4_928_650_000 });
    expect(s.byModelType.find((m) => m.code === "clan-no-crime")?.sites).toBe(113);
  });

  it("loads nothing once the demo records were removed (the marker), even into an empty database", async () => {
    const fresh = await createTestDb("reference");
    try {
      await fresh.db.appSetting.create({ data: { key: "demo_removed", value: {} } });
      expect(await seed(fresh.db, { demo: true })).toEqual({ demoLoaded: false });
      expect(await fresh.db.site.count({ where: { isDemo: true } })).toBe(0);
    } finally {
      await fresh.close();
    }
  });
});
