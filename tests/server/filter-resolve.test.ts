import { message } from "@qt/shared/messages/index";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../server/errors.ts";
import { Prisma } from "../../server/generated/prisma/client.ts";
import {
  areaListed,
  areaOfView,
  awardWhere,
  cameraWhere,
  existedInPeriod,
  type Filter,
  type FilterInput,
  filterInputOf,
  periodOfDays,
  resolveFilter,
} from "../../server/services/dashboard/filter.ts";
import { recordProvince } from "../../server/services/units/province.ts";
import { cameraInput } from "../fixtures/cameras.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { GIO_LINH, XA_BEN_HAI, XA_GIO_LINH } from "./helpers/approvals.ts";
import { entryFile } from "./helpers/entry.ts";

/**
 * The dashboard's filter (dashboard/filter.ts) resolved and applied directly: its refusals, the units
 * it lists, and the SQL conditions of the current view, a commune of today, an open-ended period and
 * the awards' years. Expected rows are counted here in plain SQL or by hand from what the test writes.
 */
const s = entryFile();

/** The refusal resolveFilter throws for `input`: its kind, key and parameters. */
const refusal = (input: FilterInput, db = s.t.db) =>
  resolveFilter(db, input).then(
    () => null,
    (e: unknown) => {
      if (!(e instanceof AppError)) throw e;
      return { kind: e.kind, key: e.key, params: e.params };
    },
  );

/** The districts (code order) of one old province, by SQL. */
const districtsOf = async (db: TestDb["db"], ...old: string[]) =>
  (
    await db.$queryRaw<{ code: string }[]>`
      SELECT d.code FROM admin_unit d JOIN admin_unit p ON p.id = d.parent_id
       WHERE d.level = 'district' AND p.level = 'province' AND p.catalog = 'three_level' AND p.code IN (${Prisma.join(old)})
       ORDER BY d.code`
  ).map((r) => r.code);

describe("resolveFilter's refusals", () => {
  it("unknown districts (each once) and model types are NOT_FOUND, never an empty page", async () => {
    expect(await refusal({ districtCodes: [GIO_LINH, "998", "999", "998"] })).toEqual({
      kind: "not-found",
      key: "district.notFound",
      params: { codes: "998, 999" },
    });
    expect(await refusal({ modelTypeCode: "no-such-type" })).toEqual({
      kind: "not-found",
      key: "modelType.notFoundCode",
      params: { code: "no-such-type" },
    });
  });

  it("a commune must be one of today's list: an old commune's code or a district's is refused", async () => {
    const [old] = await s.t.db.$queryRaw<{ code: string }[]>`
      SELECT code FROM admin_unit WHERE catalog = 'three_level' AND level = 'commune'
         AND code NOT IN (SELECT code FROM admin_unit WHERE catalog = 'two_level') ORDER BY code LIMIT 1`;
    for (const code of [old?.code ?? "", GIO_LINH]) {
      expect(await refusal({ communeCode: code })).toEqual({
        kind: "invalid",
        key: "commune.notCurrent",
        params: { code },
      });
    }
  });

  it("districts outside the old province named: all of them, by name", async () => {
    const quangBinh = await districtsOf(s.t.db, "44");
    const [first] = quangBinh;
    const err = await refusal({ formerProvinceCode: "44", districtCodes: [GIO_LINH, "464", first ?? ""] });
    expect(err).toMatchObject({ kind: "invalid", key: "territory.outside" });
    const names = await s.t.db.adminUnit.findMany({
      where: { level: "district", catalog: "three_level", code: { in: ["464", GIO_LINH] } },
      orderBy: { code: "asc" },
      select: { name: true },
    });
    expect(err?.params).toEqual({ districts: names.map((n) => n.name).join(", "), province: "Quảng Bình" });
    expect(message("territory.outside", err?.params)).toBe(
      `${names.map((n) => n.name).join(", ")} không thuộc địa bàn Quảng Bình cũ.`,
    );
  });
});

describe("what resolveFilter lists", () => {
  it("nothing named: the whole province, the historical view, every record", async () => {
    const f = await resolveFilter(s.t.db, {});
    expect(f).toMatchObject({
      province: null,
      territory: null,
      districts: [],
      commune: null,
      category: null,
      modelType: null,
      view: "historical",
      approvedOnly: false,
    });
  });

  it("an old province: its districts in code order; with one of them named, that one only", async () => {
    const all = await resolveFilter(s.t.db, { formerProvinceCode: "45" });
    expect(all.territory?.code).toBe("45");
    expect(all.districts.map((d) => d.code)).toEqual(await districtsOf(s.t.db, "45"));
    const one = await resolveFilter(s.t.db, { formerProvinceCode: "45", districtCodes: [GIO_LINH] });
    expect(one.districts.map((d) => d.code)).toEqual([GIO_LINH]);
  });

  it("a commune of today, the current view and approved-only as named", async () => {
    const f = await resolveFilter(s.t.db, { communeCode: XA_GIO_LINH, view: "current", approvedOnly: true });
    expect(f.commune).toMatchObject({ code: XA_GIO_LINH, name: "Xã Gio Linh", provinceCode: "44" });
    expect(f).toMatchObject({ view: "current", approvedOnly: true });
    expect(filterInputOf({ districtCode: GIO_LINH })).toEqual({ districtCodes: [GIO_LINH] });
    expect(filterInputOf({})).toEqual({ districtCodes: [] });
  });
});

describe("on the national install", () => {
  let national: TestDb;
  beforeAll(async () => {
    national = await createTestDb("reference");
    await recordProvince(national.db, "all");
  }, 300_000);
  afterAll(() => national?.close());

  it("a province of today: its old provinces' districts; an old province of another is refused in its name", async () => {
    const f = await resolveFilter(national.db, { provinceCode: "44" });
    expect(f.province?.code).toBe("44");
    expect(f.districts.map((d) => d.code)).toEqual(await districtsOf(national.db, "44", "45"));
    const err = await refusal({ provinceCode: "44", formerProvinceCode: "01" }, national.db);
    expect(err).toMatchObject({ kind: "invalid", key: "territory.notMerged" });
    expect(message("territory.notMerged", err?.params)).toBe(
      "Tỉnh cũ mã 01 không thuộc địa bàn tỉnh Quảng Trị; chọn một trong: 44 (Quảng Bình), 45 (Quảng Trị).",
    );
    const commune = await resolveFilter(national.db, { provinceCode: "44", communeCode: XA_GIO_LINH });
    expect(commune.commune?.code).toBe(XA_GIO_LINH);
  });
});

/** Rows of `sql` counted (one column n). */
const countOf = async (sql: Prisma.Sql) => (await s.t.db.$queryRaw<{ n: number }[]>(sql))[0]?.n;

const filterOf = (days: { from: string | null; to: string | null }, more: Partial<Filter> = {}) =>
  ({ ...periodOfDays(days), districts: [], commune: null, approvedOnly: false, view: "historical", ...more }) as Filter;

describe("the SQL conditions", () => {
  it("an open-ended period lists the units that existed after its start, or before its end", async () => {
    const units = (f: Filter) =>
      countOf(Prisma.sql`SELECT count(*)::int AS n FROM admin_unit a WHERE ${existedInPeriod(f)}`);
    const since2025 = await countOf(
      Prisma.sql`SELECT count(*)::int AS n FROM admin_unit WHERE valid_to IS NULL OR valid_to >= '2025-07-01'`,
    );
    const until2024 = await countOf(
      Prisma.sql`SELECT count(*)::int AS n FROM admin_unit WHERE valid_from IS NULL OR valid_from <= '2024-12-31'`,
    );
    expect(await units(filterOf({ from: "2025-07-01", to: null }))).toBe(since2025);
    expect(await units(filterOf({ from: null, to: "2024-12-31" }))).toBe(until2024);
    expect(since2025).toBeGreaterThan(0);
    expect(until2024).toBeGreaterThan(0);
  });

  it("the current view lists today's communes only and counts an old area's record in its commune of today", async () => {
    const listed = (f: Filter) =>
      countOf(Prisma.sql`SELECT count(*)::int AS n FROM admin_unit a WHERE ${areaListed(f)}`);
    const today = await countOf(Prisma.sql`SELECT count(*)::int AS n FROM admin_unit WHERE catalog = 'two_level'`);
    expect(await listed(filterOf({ from: null, to: null }, { view: "current" }))).toBe(today);
    expect(await listed(filterOf({ from: null, to: null }))).toBe(
      await countOf(Prisma.sql`SELECT count(*)::int AS n FROM admin_unit`),
    );

    // Thị trấn Gio Linh (old list, code 19495) in 2024: Xã Gio Linh since 01/07/2025.
    const cam = await s.caller(s.users.province).cameras.create(cameraInput(XA_GIO_LINH, "2024-05-01"));
    const unitOf = async (view: "current" | "historical") =>
      (
        await s.t.db.$queryRaw<{ unit: number }[]>`
          SELECT ${areaOfView(filterOf({ from: null, to: null }, { view }), "ci")} AS unit
            FROM camera_installation ci JOIN admin_unit a ON a.id = ci.area_id WHERE ci.id = ${cam.id}`
      )[0]?.unit;
    const id = async (catalog: "two_level" | "three_level") =>
      (await s.t.db.adminUnit.findUniqueOrThrow({ where: { catalog_code: { catalog, code: XA_GIO_LINH } } })).id;
    expect(await unitOf("current")).toBe(await id("two_level"));
    expect(await unitOf("historical")).toBe(await id("three_level"));
    await s.t.db.cameraInstallation.delete({ where: { id: cam.id } });
  });

  it("a commune of today keeps the installations that roll up to it: 2 of 3 written here", async () => {
    const api = s.caller(s.users.province).cameras;
    const made = [
      await api.create(cameraInput(XA_GIO_LINH, "2024-05-01")), // Thị trấn Gio Linh, old list
      await api.create(cameraInput(XA_GIO_LINH, "2026-02-01")),
      await api.create(cameraInput(XA_BEN_HAI, "2026-02-01")),
    ];
    const commune = await s.t.db.adminUnit.findUniqueOrThrow({
      where: { catalog_code: { catalog: "two_level", code: XA_GIO_LINH } },
      select: { id: true, code: true, name: true },
    });
    const ids = Prisma.join(made.map((m) => m.id));
    const kept = (f: Filter) =>
      countOf(Prisma.sql`SELECT count(*)::int AS n FROM camera_installation ci JOIN admin_unit a ON a.id = ci.area_id
        WHERE ci.id IN (${ids}) AND ${cameraWhere(f)}`);
    expect(await kept(filterOf({ from: null, to: null }, { commune }))).toBe(2);
    expect(await kept(filterOf({ from: null, to: null }))).toBe(3);
    await s.t.db.cameraInstallation.deleteMany({ where: { id: { in: made.map((m) => m.id) } } });
  });

  it("awards count by year between the period's first and last 01/07: 2023 and 2024 of 2022–2025", async () => {
    const made = [];
    for (const year of [2022, 2023, 2024, 2025]) {
      made.push(
        await s.caller(s.users.province).awards.create({
          year,
          issuer: "provincial_police",
          form: "certificate",
          recipientKind: "collective",
          recipientName: `Tập thể ${year}`,
          areaCode: null,
        }),
      );
    }
    const ids = Prisma.join(made.map((m) => m.id));
    const years = async (days: { from: string | null; to: string | null }) =>
      (
        await s.t.db.$queryRaw<{ year: number }[]>`
          SELECT aw.year FROM award aw LEFT JOIN admin_unit a ON a.id = aw.area_id
           WHERE aw.id IN (${ids}) AND ${awardWhere(filterOf(days))} ORDER BY aw.year`
      ).map((r) => r.year);
    expect(await years({ from: "2023-01-01", to: "2024-12-31" })).toEqual([2023, 2024]);
    expect(await years({ from: null, to: "2023-12-31" })).toEqual([2022, 2023]);
    expect(await years({ from: "2024-01-01", to: null })).toEqual([2024, 2025]);
    await s.t.db.award.deleteMany({ where: { id: { in: made.map((m) => m.id) } } });
  });
});
