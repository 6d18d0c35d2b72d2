import fs from "node:fs";
import path from "node:path";
import { LOCALE_HEADER } from "@qt/shared/format";
import { message } from "@qt/shared/messages/index";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../../prisma/seed/index.ts";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import { buildApp } from "../../server/http/app.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { cameraInput } from "../fixtures/cameras.ts";
import { sessionFor } from "../fixtures/sessions.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { expectTrpcError } from "./helpers/entry.ts";
import { parseCsv } from "./reports-read.ts";

/**
 * A provincial account on the national install (issue 26 item 2, decisions 051 and 059): every
 * figure it reads (dashboard, maps, reports and their downloads) is its province's, whatever the
 * filter says; another province is a 403; its lists (approvals, audit, targets, divided communes,
 * the filter bar's units) hold its province's rows only. National accounts are unchanged.
 * Camera installations are written in Quảng Trị (44: old provinces 44 and 45) and in Hà Nội (01);
 * every expected figure is counted by SQL here.
 */
const DATA = path.resolve(import.meta.dirname, "../../prisma/seed/data/national");
const merges: Record<string, string[]> = JSON.parse(
  fs.readFileSync(path.join(DATA, "province-merges-2025-07.json"), "utf8"),
);

let t: TestDb;
let admin: SessionUser;
const personas: Record<"viewer" | "editor" | "admin", SessionUser> = {} as never;
const caller = (user: SessionUser) => createCaller(createContextInner({ db: t.db, dbKind: t.kind, user }));
const refusal = (code: string) => message("scope.otherProvinceFigures", { province: "Tỉnh Quảng Trị", code });

/** The first old communes (valid in 2022) of old province `old`. */
async function oldCommunes(old: string, n: number): Promise<string[]> {
  const rows = await t.db.$queryRawUnsafe<{ code: string }[]>(
    `SELECT a.code FROM admin_unit a JOIN admin_unit d ON d.id = a.parent_id JOIN admin_unit p ON p.id = d.parent_id
     WHERE a.catalog = 'three_level' AND a.level = 'commune' AND p.code = $1
       AND (a.valid_from IS NULL OR a.valid_from <= '2022-12-31') AND (a.valid_to IS NULL OR a.valid_to >= '2022-01-01')
     ORDER BY a.code LIMIT $2`,
    old,
    n,
  );
  return rows.map((r) => r.code);
}

/** Camera installations and cameras of 2007–2022 in the old provinces merged into `province`, by SQL. */
async function camerasOf(province: string | null) {
  const [row] = await t.db.$queryRawUnsafe<{ installations: number; cameras: number }[]>(
    `SELECT count(*)::int AS installations, coalesce(sum(ci.cameras), 0)::int AS cameras
     FROM camera_installation ci JOIN admin_unit a ON a.id = ci.area_id
     JOIN admin_unit d ON d.id = CASE WHEN a.level = 'district' THEN a.id ELSE a.parent_id END
     JOIN admin_unit p ON p.id = d.parent_id
     WHERE ci.deleted_at IS NULL AND ci.installed_on BETWEEN '2007-01-01' AND '2022-12-31'
       AND ($1::text[] IS NULL OR p.code = ANY($1::text[]))`,
    province ? merges[province] : null,
  );
  if (!row) throw new Error("no row");
  return row;
}

/** The former districts of province of today `province` (codes), by SQL. */
async function districtsOf(province: string): Promise<Set<string>> {
  const rows = await t.db.$queryRawUnsafe<{ code: string }[]>(
    `SELECT d.code FROM admin_unit d JOIN admin_unit p ON p.id = d.parent_id
     WHERE d.level = 'district' AND p.code = ANY($1::text[])`,
    merges[province],
  );
  return new Set(rows.map((r) => r.code));
}

beforeAll(async () => {
  t = await createTestDb("migrated");
  await seed(t.db, { demo: false, province: "all" });
  admin = await makeUser(t.db, { role: "admin" });
  for (const role of ["viewer", "editor", "admin"] as const) {
    personas[role] = await makeUser(t.db, { role, provinceCode: "44" });
  }
  // Quảng Trị: 3 installations (old 44 and old 45); Hà Nội: 2, written by a national admin.
  const areas = [...(await oldCommunes("44", 2)), ...(await oldCommunes("45", 1)), ...(await oldCommunes("01", 2))];
  for (const [i, area] of areas.entries()) {
    await caller(admin).cameras.create(cameraInput(area, `2020-0${i + 1}-10`, { cameras: i + 3 }));
  }
  // Targets of 2020: install-wide, one district of Quảng Trị and one of Hà Nội.
  const [qt] = [...(await districtsOf("44"))].sort();
  const [hn] = [...(await districtsOf("01"))].sort();
  for (const unitCode of [undefined, qt, hn]) {
    await caller(admin).targets.set({ year: 2020, measure: "cameras", value: 10, unitCode });
  }
}, 600_000);
afterAll(() => t?.close());

const period = { fromYear: 2007, toYear: 2022 };

describe("a provincial account's figures on the national install", () => {
  it("dashboard: its province's figures with no province named or its own, 403 for another", async () => {
    const mine = await camerasOf("44");
    const nation = await camerasOf(null);
    expect(mine.installations).toBe(3);
    expect(nation.installations).toBe(5);
    // The national account reads the nation, unchanged.
    const national = await caller(admin).dashboard.summary(period);
    expect(national.cameras.installations).toBe(nation.installations);
    for (const user of Object.values(personas)) {
      for (const input of [period, { ...period, provinceCode: "44" }]) {
        const s = await caller(user).dashboard.summary(input);
        expect({ installations: s.cameras.installations, cameras: s.cameras.cameras }).toEqual(mine);
        expect(s.byProvince?.map((p) => p.code)).toEqual(["44"]);
      }
      await expectTrpcError(
        caller(user).dashboard.summary({ ...period, provinceCode: "01" }),
        "FORBIDDEN",
        refusal("01"),
      );
      await expectTrpcError(caller(user).dashboard.yearly({ provinceCode: "01" }), "FORBIDDEN", refusal("01"));
    }
  }, 120_000);

  it("maps: the districts of its province only, summing to its SQL count", async () => {
    const own = await districtsOf("44");
    const mine = await camerasOf("44");
    for (const user of Object.values(personas)) {
      const m = await caller(user).maps.measures({ ...period, level: "district" });
      expect(m.units.length).toBe(own.size);
      expect(m.units.every((u) => own.has(u.code))).toBe(true);
      expect(m.units.reduce((s, u) => s + u.cameras, 0)).toBe(mine.cameras);
      await expectTrpcError(
        caller(user).maps.measures({ ...period, level: "district", provinceCode: "01" }),
        "FORBIDDEN",
        refusal("01"),
      );
    }
  }, 120_000);

  it("map outlines: its province's districts and its province only, 403 for another", async () => {
    const own = await districtsOf("44");
    for (const user of Object.values(personas)) {
      const districts = await caller(user).maps.boundaries({ level: "district" });
      expect(districts.features.map((f) => f.properties.code).sort()).toEqual([...own].sort());
      const provinces = await caller(user).maps.boundaries({ level: "province" });
      expect(provinces.features.map((f) => f.properties.code)).toEqual(["44"]);
      await expectTrpcError(
        caller(user).maps.boundaries({ level: "district", provinceCode: "01" }),
        "FORBIDDEN",
        refusal("01"),
      );
    }
    // A national account still draws the whole country: its 34 provinces of today.
    const nation = await caller(admin).maps.boundaries({ level: "province" });
    expect(nation.features.length).toBe(34);
  }, 120_000);

  it("report downloads and preview: its province's rows, 403 in Vietnamese and English for another", async () => {
    const app = await buildApp({ db: t.db, dbKind: t.kind });
    try {
      const mine = await camerasOf("44");
      const get = async (user: SessionUser, url: string, locale: "vi" | "en" = "vi") =>
        app.inject({
          method: "GET",
          url,
          headers: { cookie: `qt_session=${await sessionFor(t.db, user.id)}`, [LOCALE_HEADER]: locale },
        });
      const national = await get(admin, "/api/reports/cameras.csv?fromYear=2007&toYear=2022");
      expect(parseCsv(national.body.slice(1)).slice(1).length).toBe((await camerasOf(null)).installations);
      for (const user of Object.values(personas)) {
        const res = await get(user, "/api/reports/cameras.csv?fromYear=2007&toYear=2022");
        expect(res.statusCode).toBe(200);
        expect(parseCsv(res.body.slice(1)).slice(1).length).toBe(mine.installations);
        for (const locale of ["vi", "en"] as const) {
          const other = await get(user, "/api/reports/summary.docx?fromYear=2007&toYear=2022&provinceCode=01", locale);
          expect(other.statusCode).toBe(403);
          expect((other.json() as { error: { message: string } }).error.message).toBe(
            message("scope.otherProvinceFigures", { province: "Tỉnh Quảng Trị", code: "01" }, locale),
          );
        }
      }
      const preview = await caller(personas.viewer).reports.preview({ ...period });
      // Its province's report ("toàn tỉnh Quảng Trị"), with no district of Hà Nội in it.
      expect(JSON.stringify(preview)).toContain("tỉnh Quảng Trị");
      expect(JSON.stringify(preview)).not.toContain("Ba Đình");
      await expectTrpcError(
        caller(personas.viewer).reports.preview({ ...period, provinceCode: "01" }),
        "FORBIDDEN",
        refusal("01"),
      );
    } finally {
      await app.close();
    }
  }, 180_000);

  it("the filter bar, approvals, targets and the divided list hold its province's units only", async () => {
    const own = await districtsOf("44");
    const options = await caller(personas.viewer).dashboard.options();
    expect(new Set(options.districts.map((d) => d.code))).toEqual(own);
    expect((await caller(admin).dashboard.options()).districts.length).toBe(696);

    const approvals = await caller(personas.viewer).approvals.status({ year: 2020 });
    expect(approvals.items.length).toBeGreaterThan(0);
    expect(approvals.items.every((i) => own.has(i.unit.districtCode))).toBe(true);
    const all = await caller(admin).approvals.status({ year: 2020 });
    expect(all.items.length).toBeGreaterThan(approvals.items.length);

    const targets = await caller(personas.viewer).targets.list({ year: 2020 });
    expect(targets.map((r) => r.unitCode)).toEqual([[...own].sort()[0]]);
    expect((await caller(admin).targets.list({ year: 2020 })).length).toBe(3);

    const divided = await caller(personas.editor).divided.list({});
    expect(divided.items.every((i) => own.has(i.district.code))).toBe(true);
  }, 120_000);

  it("the audit log: a provincial admin reads its province's accounts' entries only", async () => {
    await caller(personas.admin).targets.set({
      year: 2021,
      measure: "cameras",
      value: 5,
      unitCode: [...(await districtsOf("44"))].sort()[0],
    });
    const page = await caller(personas.admin).audit.list({ page: 1, pageSize: 100 });
    expect(page.total).toBeGreaterThan(0);
    expect(
      page.rows.every(
        (r) => r.userId === personas.admin.id || r.userId === personas.editor.id || r.userId === personas.viewer.id,
      ),
    ).toBe(true);
    const everything = await caller(admin).audit.list({ page: 1, pageSize: 100 });
    expect(everything.total).toBeGreaterThan(page.total);
  }, 60_000);

  it("audit alerts: a provincial admin is shown the breaks of its province's accounts' entries only", async () => {
    // A break found in an entry of each side: the province's admin's and the national admin's.
    const lastOf = async (userId: number) =>
      (await t.db.auditEntry.findFirstOrThrow({ where: { userId }, orderBy: { id: "desc" }, select: { id: true } })).id;
    const [qt] = [...(await districtsOf("44"))].sort();
    await caller(personas.admin).targets.set({ year: 2019, measure: "cameras", value: 3, unitCode: qt });
    await caller(admin).targets.set({ year: 2019, measure: "sites", value: 4 });
    const alertOn = async (broken: bigint) =>
      Number(
        (
          await t.db.auditEntry.create({
            data: { username: "", action: "audit_alert", entity: "audit_entry", entityId: String(broken) },
            select: { id: true },
          })
        ).id,
      );
    const [theirs, national] = [await alertOn(await lastOf(personas.admin.id)), await alertOn(await lastOf(admin.id))];
    const shown = await caller(personas.admin).audit.alerts();
    expect(shown.map((a) => a.id)).toEqual([theirs]);
    const all = (await caller(admin).audit.alerts()).map((a) => a.id);
    expect(all).toEqual(expect.arrayContaining([theirs, national]));
    // An alert it is not shown cannot be closed by it either; its own can.
    await expectTrpcError(caller(personas.admin).audit.acknowledgeAlert({ id: national }), "NOT_FOUND");
    await caller(personas.admin).audit.acknowledgeAlert({ id: theirs });
    expect(await caller(personas.admin).audit.alerts()).toEqual([]);
  }, 60_000);
});
