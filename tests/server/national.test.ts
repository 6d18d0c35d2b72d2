import fs from "node:fs";
import path from "node:path";
import { LOCALE_HEADER } from "@qt/shared/format";
import { message } from "@qt/shared/messages/index";
import { ZReportOptions } from "@qt/shared/schemas/reports";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../../prisma/seed/index.ts";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import { buildApp } from "../../server/http/app.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { reportMapSvg } from "../../server/services/reports/map.ts";
import { buildReportModel } from "../../server/services/reports/model.ts";
import { sessionFor } from "../fixtures/sessions.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { expectTrpcError } from "./helpers/entry.ts";

/**
 * The national install (issue 26 item 1, decision 050), set up ONCE here as `PROVINCE=all
 * SEED_DEMO=true` sets it up (the 10 000+ units are seeded in this file only), with Quảng Trị's demo
 * records. Every expected figure is read from the national JSON or counted by SQL in the test.
 */
const DATA = path.resolve(import.meta.dirname, "../../prisma/seed/data/national");
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(DATA, f), "utf8"));
const today: { provinces: { code: string; name: string; communes: { code: string }[] }[] } = read("vietnam-2025.json");
const merges: Record<string, string[]> = read("province-merges-2025-07.json");
const successors: { rows: [string, string, string, string, string, boolean][] } = read("successors-2025-07.json");

let t: TestDb;
let admin: SessionUser;
let viewer: SessionUser;
const caller = (db: TestDb, user: SessionUser) =>
  createCaller(createContextInner({ db: db.db, dbKind: db.kind, user }));
const onToday = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestDb("migrated");
  await seed(t.db, { demo: true, province: "all" });
  admin = await makeUser(t.db, { role: "admin" });
  viewer = await makeUser(t.db, { role: "viewer" });
}, 600_000);
afterAll(() => t?.close());

/** Camera figures of the areas of old provinces `olds` in `fromYear`–`toYear`, counted by SQL. */
async function camerasBySql(db: TestDb, olds: string[], fromYear: number, toYear: number) {
  const [row] = await db.db.$queryRawUnsafe<
    { installations: number; cameras: number; covered: number; total: number }[]
  >(
    `WITH areas AS (
       SELECT a.id FROM admin_unit a
       JOIN admin_unit d ON d.id = CASE WHEN a.level = 'district' THEN a.id ELSE a.parent_id END
       JOIN admin_unit p ON p.id = d.parent_id
       WHERE a.catalog = 'three_level' AND p.code = ANY($1)
         AND (a.level = 'commune' OR NOT EXISTS (SELECT 1 FROM admin_unit c WHERE c.parent_id = a.id))
         AND (a.valid_from IS NULL OR a.valid_from <= make_date($3, 12, 31))
         AND (a.valid_to IS NULL OR a.valid_to >= make_date($2, 1, 1))),
     ci AS (SELECT * FROM camera_installation WHERE deleted_at IS NULL
       AND installed_on BETWEEN make_date($2, 1, 1) AND make_date($3, 12, 31) AND area_id IN (SELECT id FROM areas))
     SELECT (SELECT count(*)::int FROM ci) AS installations, (SELECT coalesce(sum(cameras), 0)::int FROM ci) AS cameras,
       (SELECT count(DISTINCT area_id)::int FROM ci) AS covered, (SELECT count(*)::int FROM areas) AS total`,
    olds,
    fromYear,
    toYear,
  );
  if (!row) throw new Error("no row");
  return row;
}

describe("the national install (PROVINCE=all)", () => {
  it("holds every unit of both lists, Quảng Trị's own history and the setting 'all'", async () => {
    const counts = await t.db.$queryRawUnsafe<{ catalog: string; level: string; n: number }[]>(
      "SELECT catalog::text, level::text, count(*)::int AS n FROM admin_unit GROUP BY 1, 2 ORDER BY 1, 2",
    );
    const of = (catalog: string, level: string) => counts.find((c) => c.catalog === catalog && c.level === level)?.n;
    expect(of("two_level", "province")).toBe(34);
    expect(of("two_level", "commune")).toBe(today.provinces.reduce((s, p) => s + p.communes.length, 0));
    expect(of("three_level", "province")).toBe(63);
    expect(of("three_level", "district")).toBe(696);
    // The national list's 10 035 and Quảng Trị's 12 communes merged before 30/06/2025 (its own history).
    expect(of("three_level", "commune")).toBe(10_035 + 12);
    // Every commune of today lies on a former district (none is left out of its province's figures).
    expect(
      await t.db.adminUnit.count({ where: { catalog: "two_level", level: "commune", formerDistrictId: null } }),
    ).toBe(0);
    const setting = await t.db.appSetting.findUniqueOrThrow({ where: { key: "province" } });
    expect((setting.value as { code: string }).code).toBe("all");
    // Quảng Trị's demo only, marked demo.
    const outside = await t.db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM site s JOIN admin_unit a ON a.id = s.area_id
       LEFT JOIN admin_unit d ON d.id = a.parent_id LEFT JOIN admin_unit p ON p.id = d.parent_id
       WHERE NOT (coalesce(p.code, d.code) IN ('44', '45') AND a.catalog = 'three_level')
         AND NOT (a.catalog = 'two_level' AND d.code = '44')`,
    );
    expect(outside[0]?.n).toBe(0);
    expect(await t.db.site.count({ where: { isDemo: false } })).toBe(0);
    expect(await t.db.site.count()).toBeGreaterThan(0);
  });

  it("sums the nation: 34 provinces, coverage over all 3,321 communes of today", async () => {
    const s = await caller(t, viewer).dashboard.summary({});
    expect(s.byProvince).toHaveLength(34);
    expect(s.cameraCoverage.current.total).toBe(3321);
    for (const p of today.provinces) {
      expect(s.byProvince?.find((r) => r.code === p.code)?.communes).toBe(p.communes.length);
    }
    expect(s.byProvince?.reduce((sum, r) => sum + r.sites, 0)).toBe(s.siteCount);
    expect(s.byProvince?.reduce((sum, r) => sum + r.cameras, 0)).toBe(s.cameras.cameras);
    expect(s.byProvince?.reduce((sum, r) => sum + r.installations, 0)).toBe(s.cameras.installations);
    // The map of the 34 provinces, shaded with the same rows.
    const map = await caller(t, viewer).maps.boundaries({ level: "province" });
    expect(map.features.map((f) => f.properties.code).sort()).toEqual(Object.keys(merges).sort());
    const measures = await caller(t, viewer).maps.measures({ level: "province" });
    expect(measures.units.map((u) => u.code)).toEqual(s.byProvince?.map((r) => r.code));
    // One province: one row, its communes.
    const one = await caller(t, viewer).dashboard.summary({ provinceCode: "25" });
    expect(one.byProvince?.map((r) => r.code)).toEqual(["25"]);
    expect(one.cameraCoverage.current.total).toBe(today.provinces.find((p) => p.code === "25")?.communes.length);
  });

  it("lists exactly a province's communes of today in units.tree, and its old districts on 15/06/2025", async () => {
    for (const code of ["25", "44", "79"]) {
      const tree = await caller(t, viewer).units.tree({ on: onToday, provinceCode: code });
      const codes = tree.flatMap((d) => d.areas.map((a) => a.code)).sort();
      expect(codes).toEqual(
        today.provinces
          .find((p) => p.code === code)
          ?.communes.map((c) => c.code)
          .sort(),
      );
      const old = await caller(t, viewer).units.tree({ on: "2025-06-15", provinceCode: code });
      expect(new Set(old.map((d) => d.province?.code))).toEqual(new Set(merges[code]));
    }
  });

  it("counts a camera in an old commune of Phú Thọ (old Hòa Bình) under province 25 only", async () => {
    const row = successors.rows.find((r) => r[0] === "17" && r[3] === "25" && r[2] && !r[5]);
    if (!row) throw new Error("no undivided old commune of Hòa Bình");
    await caller(t, admin).cameras.create({
      areaCode: row[2],
      installedOn: "2021-05-10",
      cameras: 4,
      recorders: 1,
      memoryCards: 1,
      costVnd: 12_000_000,
      fundingSource: "mixed",
    });
    const year = { fromYear: 2021, toYear: 2021 };
    const s = await caller(t, viewer).dashboard.summary(year);
    const quangTri = await camerasBySql(t, ["44", "45"], 2021, 2021);
    for (const r of s.byProvince ?? []) {
      const expected = r.code === "25" ? 1 : r.code === "44" ? quangTri.installations : 0;
      expect(r.installations, r.code).toBe(expected);
    }
    const own = await caller(t, viewer).dashboard.summary({ ...year, provinceCode: "25" });
    expect(own.cameras).toMatchObject({ installations: 1, cameras: 4 });
    expect(own.cameraCoverage.covered).toBe(1);
    expect(own.cameraCoverage.current.covered).toBe(1);
    const old = await caller(t, viewer).dashboard.summary({ ...year, provinceCode: "25", formerProvinceCode: "17" });
    expect(old.cameras.installations).toBe(1);
    const elsewhere = await caller(t, viewer).dashboard.summary({ ...year, provinceCode: "01" });
    expect(elsewhere.cameras.installations).toBe(0);
  });

  it("reads Quảng Trị 2007–2022 as Quảng Trị's own install does on the same records (73/126)", async () => {
    const filter = { formerProvinceCode: "45", fromYear: 2007, toYear: 2022 } as const;
    const national = await caller(t, viewer).dashboard.summary({ provinceCode: "44", ...filter });
    const expected = await camerasBySql(t, ["45"], 2007, 2022);
    expect(national.cameraCoverage).toMatchObject({ covered: expected.covered, total: expected.total });
    expect([national.cameraCoverage.covered, national.cameraCoverage.total]).toEqual([73, 126]);
    expect(national.cameras).toMatchObject({ installations: expected.installations, cameras: expected.cameras });

    const single = await createTestDb("demo");
    try {
      const own = await caller(single, await makeUser(single.db, { role: "viewer" })).dashboard.summary(filter);
      expect(national.cameraCoverage).toEqual(own.cameraCoverage);
      expect(national.cameras).toEqual(own.cameras);
      expect(national.siteCount).toBe(own.siteCount);
      expect(national.byDistrict).toEqual(own.byDistrict);
      // On a province's own install, its code is accepted (the same figures) and any other is a 400.
      const same = await caller(single, await makeUser(single.db, { role: "viewer" })).dashboard.summary({
        ...filter,
        provinceCode: "44",
      });
      expect(same.cameraCoverage).toEqual(own.cameraCoverage);
      await expectTrpcError(
        caller(single, await makeUser(single.db, { role: "viewer" })).dashboard.summary({ provinceCode: "25" }),
        "BAD_REQUEST",
        message("province.notInstalled", { code: "25", place: { vi: "tỉnh Quảng Trị", en: "" } }),
      );
    } finally {
      await single.close();
    }
  }, 180_000);

  it("refuses an unknown province (and an old one not merged into it) with a 400 in Vietnamese and English", async () => {
    const app = await buildApp({ db: t.db, dbKind: t.kind });
    try {
      const cookie = `qt_session=${await sessionFor(t.db, viewer.id)}`;
      const ask = async (input: object, locale: "vi" | "en") => {
        const res = await app.inject({
          method: "GET",
          url: `/api/trpc/dashboard.summary?input=${encodeURIComponent(JSON.stringify(input))}`,
          headers: { cookie, "x-qt-client": "web", [LOCALE_HEADER]: locale },
        });
        return { status: res.statusCode, text: (res.json() as { error: { message: string } }).error.message };
      };
      const codes = Object.keys(merges).sort().join(", ");
      for (const locale of ["vi", "en"] as const) {
        const unknown = await ask({ provinceCode: "99" }, locale);
        expect(unknown).toEqual({ status: 400, text: message("province.unknown", { code: "99", codes }, locale) });
        const malformed = await ask({ provinceCode: "all" }, locale);
        expect(malformed).toEqual({ status: 400, text: message("v.provinceCode", {}, locale) });
        const notMerged = await ask({ provinceCode: "25", formerProvinceCode: "45" }, locale);
        expect(notMerged.status).toBe(400);
        expect(notMerged.text).toBe(
          message(
            "territory.notMerged",
            {
              code: "45",
              place: { vi: "tỉnh Phú Thọ", en: "Phú Thọ province" },
              codes: "17 (Hoà Bình), 25 (Phú Thọ), 26 (Vĩnh Phúc)",
            },
            locale,
          ),
        );
      }
    } finally {
      await app.close();
    }
  }, 60_000);
});

describe("the national report (decision 050)", () => {
  /** Sites set up in `fromYear`–`toYear` on the land of old provinces `olds`, counted by SQL. */
  async function sitesBySql(olds: string[], fromYear: number, toYear: number) {
    const [row] = await t.db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM site s JOIN admin_unit a ON a.id = s.area_id
       JOIN admin_unit d ON d.id = CASE WHEN a.catalog = 'two_level' THEN a.former_district_id
                                        WHEN a.level = 'district' THEN a.id ELSE a.parent_id END
       JOIN admin_unit p ON p.id = d.parent_id
       WHERE s.deleted_at IS NULL AND p.code = ANY($1)
         AND s.established_on BETWEEN make_date($2, 1, 1) AND make_date($3, 12, 31)`,
      olds,
      fromYear,
      toYear,
    );
    return row?.n ?? 0;
  }

  it("prints one row per province of today (34), each its SQL counts, the totals the nation's", async () => {
    const doc = await caller(t, viewer).reports.preview({ fromYear: 2007, toYear: 2022, sections: ["summary"] });
    const table = doc.body.find((b) => b.kind === "table");
    if (table?.kind !== "table") throw new Error("no table in the summary");
    expect(table.headers[1]).toBe("Tỉnh, thành phố");
    expect(table.rows).toHaveLength(34);
    const n = (v: number) => v.toLocaleString("de-DE");
    const sums = { sites: 0, total: 0, covered: 0, cameras: 0 };
    for (const [i, p] of today.provinces.entries()) {
      const olds = merges[p.code] ?? [];
      const cams = await camerasBySql(t, olds, 2007, 2022);
      const sites = await sitesBySql(olds, 2007, 2022);
      const row = table.rows.find((r) => r[1] === p.name.replace(/^(Tỉnh|Thành phố)\s+/u, ""));
      expect(row, p.name).toEqual([String(i + 1), row?.[1], n(sites), n(cams.total), n(cams.covered), n(cams.cameras)]);
      sums.sites += sites;
      sums.total += cams.total;
      sums.covered += cams.covered;
      sums.cameras += cams.cameras;
    }
    expect(table.totals).toEqual(["", "Tổng cộng", n(sums.sites), n(sums.total), n(sums.covered), n(sums.cameras)]);
    // Quảng Trị's demo (its 15-year review: 73/126 in old Quảng Trị) counts in province 44 only.
    expect(sums.cameras).toBeGreaterThan(0);
  }, 300_000);

  it("maps the 34 provinces and says in how many of them cameras stand (SQL)", async () => {
    let withCameras = 0;
    for (const p of today.provinces) {
      if ((await camerasBySql(t, merges[p.code] ?? [], 2007, 2022)).installations > 0) withCameras++;
    }
    expect(withCameras).toBeGreaterThan(0);
    const doc = await caller(t, viewer).reports.preview({ fromYear: 2007, toYear: 2022, sections: ["cameras"] });
    const texts = doc.body.flatMap((b) => ("text" in b && typeof b.text === "string" ? [b.text] : []));
    expect(texts.join("\n")).toContain(`thuộc ${withCameras}/34 tỉnh, thành phố;`);
    const captions = doc.body.flatMap((b) => (b.kind === "chart" ? [b.caption] : []));
    expect(captions.find((c) => c.startsWith("Bản đồ 1."))).toContain("theo tỉnh, thành phố,");
    // The map itself: one shaded outline per province of today, not the 696 old districts.
    const model = await buildReportModel(t.db, ZReportOptions.parse({ fromYear: 2007, toYear: 2022 }));
    const codes = [...reportMapSvg(model).matchAll(/data-code="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(codes).toEqual(today.provinces.map((p) => p.code).sort());
  }, 300_000);

  it("keeps the district table for one province's report, with its old districts only", async () => {
    const doc = await caller(t, viewer).reports.preview({
      provinceCode: "44",
      fromYear: 2007,
      toYear: 2022,
      sections: ["summary"],
    });
    const table = doc.body.find((b) => b.kind === "table");
    if (table?.kind !== "table") throw new Error("no table in the summary");
    expect(table.headers[1]).toBe("Huyện, thị xã, thành phố");
    const [districts] = await t.db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM admin_unit d JOIN admin_unit p ON p.id = d.parent_id
       WHERE d.level = 'district' AND d.catalog = 'three_level' AND p.code IN ('44', '45')`,
    );
    expect(table.rows).toHaveLength(districts?.n ?? -1);
  });
});
