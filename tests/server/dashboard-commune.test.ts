import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";

/** The dashboard narrowed to one commune of today (issue 22 item 7), on the demo data. */
let t: TestDb;
let officer: SessionUser;
/** A commune of today with cameras recorded in an old commune that rolled into it. */
let commune: { id: number; code: string };
beforeAll(async () => {
  t = await createTestDb("demo");
  const rows = await t.db.$queryRaw<{ id: number; code: string }[]>`
    SELECT c.id, c.code FROM admin_unit c JOIN admin_unit a ON a.successor_id = c.id
      JOIN camera_installation ci ON ci.area_id = a.id AND ci.deleted_at IS NULL
    WHERE c.catalog = 'two_level' AND c.level = 'commune'
    GROUP BY c.id, c.code ORDER BY COUNT(*) DESC, c.code LIMIT 1`;
  commune = rows[0] as { id: number; code: string };
  // Commune accounts may read other communes' figures: the caller is another commune's officer.
  const other = await t.db.adminUnit.findFirstOrThrow({
    where: { catalog: "two_level", level: "commune", id: { not: commune.id } },
  });
  officer = await makeUser(t.db, { role: "editor", communeCode: other.code });
}, 120_000);
afterAll(() => t.close());

const dashboard = () => createCaller(createContextInner({ db: t.db, dbKind: t.kind, user: officer })).dashboard;

/** The commune's records from SQL: its own area or an old area whose successor it is. */
async function bySql(from: number, to: number) {
  const inCommune = (alias: string) => `(${alias}.id = ${commune.id} OR ${alias}.successor_id = ${commune.id})`;
  const [cams] = await t.db.$queryRawUnsafe<{ cameras: bigint; installations: bigint; old: bigint }[]>(
    `SELECT COALESCE(SUM(ci.cameras), 0) AS cameras, COUNT(*) AS installations,
       COUNT(*) FILTER (WHERE a.catalog = 'three_level') AS old
     FROM camera_installation ci JOIN admin_unit a ON a.id = ci.area_id
     WHERE ci.deleted_at IS NULL AND ${inCommune("a")}
       AND ci.installed_on >= DATE '${from}-01-01' AND ci.installed_on < DATE '${to + 1}-01-01'`,
  );
  const [sites] = await t.db.$queryRawUnsafe<{ sites: bigint }[]>(
    `SELECT COUNT(*) AS sites FROM site s JOIN admin_unit a ON a.id = s.area_id
     WHERE s.deleted_at IS NULL AND ${inCommune("a")}
       AND s.established_on >= DATE '${from}-01-01' AND s.established_on < DATE '${to + 1}-01-01'`,
  );
  return {
    cameras: Number(cams?.cameras),
    installations: Number(cams?.installations),
    old: Number(cams?.old),
    sites: Number(sites?.sites),
  };
}

describe("dashboard filtered to a commune of today", () => {
  it("counts the records of the commune and of the old communes that rolled into it, coverage x/1", async () => {
    const period = { fromYear: 2007, toYear: 2026 };
    const sql = await bySql(period.fromYear, period.toYear);
    expect(sql.old).toBeGreaterThan(0);
    const s = await dashboard().summary({ ...period, communeCode: commune.code });
    expect(s.filter.communeCode).toBe(commune.code);
    expect(s.cameras.cameras).toBe(sql.cameras);
    expect(s.cameras.installations).toBe(sql.installations);
    expect(s.siteCount).toBe(sql.sites);
    expect(s.cameraCoverage.headline).toEqual({ list: "two_level", covered: 1, total: 1 });
    // The province's figures are larger: the filter did narrow.
    const all = await dashboard().summary(period);
    expect(all.cameras.installations).toBeGreaterThan(s.cameras.installations);
    // The other procedures read the same filter.
    const cams = await dashboard().cameras({ ...period, communeCode: commune.code });
    expect(cams.totals.cameras).toBe(sql.cameras);
    expect(cams.coverage.headline).toEqual({ list: "two_level", covered: 1, total: 1 });
    expect(new Set(cams.areas.filter((a) => a.current).map((a) => a.code))).toEqual(new Set([commune.code]));
  });

  it("narrows the approval line to the commune and the former district its old areas were approved in", async () => {
    const [unit] = await t.db.$queryRaw<{ name: string; district: string }[]>`
      SELECT c.name, d.code AS district FROM admin_unit c JOIN admin_unit d ON d.id = c.former_district_id
      WHERE c.id = ${commune.id}`;
    const [count] = await t.db.$queryRaw<{ n: bigint }[]>`
      SELECT COUNT(*) AS n FROM admin_unit WHERE catalog = 'two_level' AND level = 'commune'`;
    // This year only: the commune's own year, no former district (their years end in 2025).
    const thisYear = await dashboard().approval({ fromYear: 2026, toYear: 2026, communeCode: commune.code });
    expect(thisYear.communes).toEqual({ approved: 0, total: 1, pending: [{ code: commune.code, name: unit?.name }] });
    expect(thisYear.districts.total).toBe(0);
    expect(thisYear.unitYears).toEqual({ draft: 1, submitted: 0, approved: 0 });
    // 2025–2026: the commune's two years and the former district's 2025.
    const both = await dashboard().approval({ fromYear: 2025, toYear: 2026, communeCode: commune.code });
    expect(both.communes.total).toBe(1);
    expect(both.districts.total).toBe(1);
    expect(both.districts.pending.map((d) => d.code)).toEqual([unit?.district]);
    expect(both.unitYears.draft + both.unitYears.submitted + both.unitYears.approved).toBe(3);
    // Without the commune the line counts every commune of today.
    expect((await dashboard().approval({ fromYear: 2026, toYear: 2026 })).communes.total).toBe(Number(count?.n));
  });

  it("refuses a code that is no commune of today with 400 in Vietnamese", async () => {
    const old = await t.db.adminUnit.findFirstOrThrow({
      where: { catalog: "three_level", level: "commune", successorId: commune.id },
      select: { code: true },
    });
    const taken = await t.db.adminUnit.count({ where: { catalog: "two_level", code: old.code } });
    for (const code of [...(taken ? [] : [old.code]), "99999"]) {
      await expect(dashboard().summary({ communeCode: code })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: `Không có xã, phường, đặc khu hiện nay (từ 01/07/2025) với mã ${code}.`,
      });
    }
  });
});
