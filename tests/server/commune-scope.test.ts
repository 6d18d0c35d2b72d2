import { todayIso } from "@qt/shared/schemas/common";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../server/context.ts";
import { createSession, resolveSession } from "../../server/services/accounts/sessions.ts";
import { cameraInput } from "../fixtures/cameras.ts";
import { HAI_AN } from "../fixtures/units.ts";
import { makeUser } from "../fixtures/users.ts";
import { entryFile, expectTrpcError } from "./helpers/entry.ts";

/**
 * Commune police as editors (issue 11, decision 021): an editor scoped to Xã Gio Linh (19495, a
 * commune of today) writes records dated from 01/07/2025 in that commune and records dated before
 * in the old areas it took over (Thị trấn Gio Linh, 19495 of the old list; Xã Gio Châu, merged
 * into it on 01/01/2025); everything else is refused.
 */
const s = entryFile();
let gioLinh: SessionUser;
let gioLinhDistrict: SessionUser;
beforeAll(async () => {
  gioLinh = await makeUser(s.t.db, { role: "editor", communeCode: XA_GIO_LINH });
  gioLinhDistrict = await makeUser(s.t.db, { role: "editor", districtCode: GIO_LINH_DISTRICT });
}, 60_000);

const XA_GIO_LINH = "19495";
const GIO_CHAU = "19525";
const GIO_LINH_DISTRICT = "466";
const PHUONG_DONG_HOI = "18880";
const DAC_KHU_CON_CO = "19742";
const REFUSAL =
  "Bạn chỉ được cập nhật dữ liệu của Xã Gio Linh và của các địa bàn trước 01/07/2025 nay thuộc Xã Gio Linh.";

const camera = (areaCode: string, installedOn: string) =>
  cameraInput(areaCode, installedOn, { cameras: 3, fundingSource: "mixed" });
const award = (year: number, areaCode: string | null) => ({
  year,
  issuer: "provincial_police" as const,
  form: "certificate" as const,
  recipientKind: "collective" as const,
  recipientName: `Tổ an ninh ${year}`,
  areaCode,
});

describe("users: a scope is a former district or a commune of today", () => {
  const base = { displayName: "Công an xã", password: "Long-enough-1", role: "editor" as const };
  const admin = () => s.caller(s.users.admin);
  const unchanged = async (run: () => Promise<unknown>, message: string) => {
    const before = { users: await s.t.db.user.count(), audit: await s.t.db.auditEntry.count() };
    await expectTrpcError(run(), "BAD_REQUEST", message);
    expect({ users: await s.t.db.user.count(), audit: await s.t.db.auditEntry.count() }).toEqual(before);
  };

  it("creates a commune editor, shows the scope by name, and audits the commune", async () => {
    const created = await admin().users.create({ ...base, username: "ca.giolinh", communeCode: XA_GIO_LINH });
    expect(created).toMatchObject({
      districtCode: null,
      communeCode: XA_GIO_LINH,
      scope: { kind: "commune", code: XA_GIO_LINH, name: "Xã Gio Linh", formerDistrictName: "Huyện Gio Linh" },
    });
    const row = (await admin().users.list()).find((u) => u.id === created.id);
    expect(row?.scope).toEqual(created.scope);
    const audit = await s.t.db.auditEntry.findFirstOrThrow({
      where: { entity: "user", entityId: String(created.id), action: "create" },
      select: { after: true },
    });
    expect(audit.after).toMatchObject({ communeCode: XA_GIO_LINH, districtCode: null });
  });

  it("takes a district of former Quảng Bình as a district scope", async () => {
    const created = await admin().users.create({ ...base, username: "cb.donghoi", districtCode: "450" });
    expect(created.scope).toEqual({ kind: "district", code: "450", name: "Thành phố Đồng Hới" });
  });

  it("refuses both scopes, an old-only code, an unknown code and a code of the wrong kind, writing nothing", async () => {
    await unchanged(
      () => admin().users.create({ ...base, username: "xx-1", districtCode: "466", communeCode: XA_GIO_LINH }),
      "Chỉ chọn một phạm vi: một huyện cũ hoặc một xã, phường, đặc khu hiện nay, không chọn cả hai",
    );
    await unchanged(
      () => admin().users.create({ ...base, username: "xx-2", communeCode: GIO_CHAU }),
      `Mã ${GIO_CHAU} không phải là xã, phường, đặc khu hiện nay (chỉ có trong danh sách trước 01/07/2025).`,
    );
    await unchanged(
      () => admin().users.create({ ...base, username: "xx-3", communeCode: "99999" }),
      "Không có xã, phường, đặc khu hiện nay với mã 99999.",
    );
    await unchanged(
      () => admin().users.create({ ...base, username: "xx-4", communeCode: GIO_LINH_DISTRICT }),
      `Mã ${GIO_LINH_DISTRICT} không phải là xã, phường, đặc khu hiện nay (chỉ có trong danh sách trước 01/07/2025).`,
    );
    await unchanged(
      () => admin().users.create({ ...base, username: "xx-5", districtCode: XA_GIO_LINH }),
      "Không có huyện, thị xã, thành phố với mã này.",
    );
    await unchanged(
      () => admin().users.create({ ...base, username: "xx-6", role: "viewer", communeCode: XA_GIO_LINH }),
      "Chỉ biên tập viên mới được giới hạn theo huyện cũ hoặc xã",
    );
  });

  it("moves a district editor to a commune and back to the province; both at once changes nothing", async () => {
    const u = await admin().users.create({ ...base, username: "cb.chuyen", districtCode: GIO_LINH_DISTRICT });
    await unchanged(
      () => admin().users.update({ id: u.id, version: u.version, districtCode: "464", communeCode: XA_GIO_LINH }),
      "Chỉ chọn một phạm vi: một huyện cũ hoặc một xã, phường, đặc khu hiện nay, không chọn cả hai",
    );
    await unchanged(
      () => admin().users.update({ id: u.id, version: u.version, communeCode: HAI_AN }),
      `Mã ${HAI_AN} không phải là xã, phường, đặc khu hiện nay (chỉ có trong danh sách trước 01/07/2025).`,
    );
    const moved = await admin().users.update({ id: u.id, version: u.version, communeCode: XA_GIO_LINH });
    expect(moved).toMatchObject({ districtCode: null, communeCode: XA_GIO_LINH, version: u.version + 1 });
    // Renaming keeps the scope (neither code given).
    const renamed = await admin().users.update({ id: u.id, version: moved.version, displayName: "Công an Gio Linh" });
    expect(renamed.scope).toMatchObject({ kind: "commune", code: XA_GIO_LINH });
    const province = await admin().users.update({ id: u.id, version: renamed.version, communeCode: null });
    expect(province).toMatchObject({ districtCode: null, communeCode: null, scope: { kind: "province" } });
    const entry = await s.t.db.auditEntry.findFirstOrThrow({
      where: { entity: "user", entityId: String(u.id), action: "update" },
      orderBy: { id: "asc" },
      select: { before: true, after: true },
    });
    expect(entry.before).toMatchObject({ districtCode: GIO_LINH_DISTRICT, communeCode: null });
    expect(entry.after).toMatchObject({ districtCode: null, communeCode: XA_GIO_LINH });
  });

  it("the database refuses a row with both scopes (its trigger), whatever writes it", async () => {
    const [district, commune] = await Promise.all([
      s.t.db.adminUnit.findFirstOrThrow({ where: { code: GIO_LINH_DISTRICT, level: "district" } }),
      s.t.db.adminUnit.findFirstOrThrow({ where: { code: XA_GIO_LINH, catalog: "two_level" } }),
    ]);
    await expect(
      s.t.db.user.update({ where: { id: gioLinh.id }, data: { districtId: district.id, communeId: commune.id } }),
    ).rejects.toThrow(/district_id and commune_id cannot both be set/);
    const row = { displayName: "x", passwordHash: "!", role: "editor" as const };
    await expect(
      s.t.db.user.create({ data: { ...row, username: "both", districtId: district.id, communeId: commune.id } }),
    ).rejects.toThrow(/cannot both be set/);
    expect(await s.t.db.user.findUniqueOrThrow({ where: { id: gioLinh.id }, select: { districtId: true } })).toEqual({
      districtId: null,
    });
  });

  it("a session of a commune editor carries the commune, and auth.me names it", async () => {
    const { token } = await createSession(s.t.db, gioLinh.id, { ip: "10.0.0.2", userAgent: "vitest" });
    const user = await resolveSession(s.t.db, token);
    expect(user).toMatchObject({ communeCode: XA_GIO_LINH, districtId: null, scope: gioLinh.scope });
    expect(await s.caller(gioLinh).auth.me()).toMatchObject({ communeCode: XA_GIO_LINH, scope: gioLinh.scope });
  });
});

describe("records: a commune editor writes in their commune and the old areas it took over", () => {
  it("records a camera installation dated today; today's coverage and the former district count it", async () => {
    const viewer = s.caller(s.users.viewer);
    const before = await viewer.dashboard.summary({});
    const cam = await s.caller(gioLinh).cameras.create(camera(XA_GIO_LINH, todayIso()));
    expect(cam).toMatchObject({
      areaName: "Xã Gio Linh",
      districtCode: GIO_LINH_DISTRICT,
      currentCommuneCode: XA_GIO_LINH,
    });
    const after = await viewer.dashboard.summary({});
    expect(after.cameraCoverage.current.covered).toBe(before.cameraCoverage.current.covered + 1);
    const district = (x: typeof after) => x.byDistrict.find((d) => d.code === GIO_LINH_DISTRICT);
    expect(district(after)?.cameras).toBe((district(before)?.cameras ?? 0) + 3);
  });

  it("is refused in Phường Đồng Hới and in an old area of another commune, changing nothing", async () => {
    const before = await s.counts();
    await expectTrpcError(s.caller(gioLinh).cameras.create(camera(PHUONG_DONG_HOI, todayIso())), "FORBIDDEN", REFUSAL);
    await expectTrpcError(s.caller(gioLinh).cameras.create(camera(HAI_AN, "2020-05-01")), "FORBIDDEN", REFUSAL);
    await expectTrpcError(s.caller(gioLinh).awards.create(award(2020, HAI_AN)), "FORBIDDEN", REFUSAL);
    // A province-level award belongs to no commune.
    await expectTrpcError(
      s.caller(gioLinh).awards.create(award(2026, null)),
      "FORBIDDEN",
      "Khen thưởng cấp tỉnh chỉ do cán bộ cấp tỉnh cập nhật.",
    );
    expect(await s.counts()).toEqual(before);
  });

  it("writes history in Thị trấn Gio Linh and Xã Gio Châu (taken over by Xã Gio Linh) dated 2020", async () => {
    const town = await s.caller(gioLinh).cameras.create(camera(XA_GIO_LINH, "2020-03-01"));
    expect(town).toMatchObject({ areaName: "Thị trấn Gio Linh", currentCommuneCode: XA_GIO_LINH });
    const gioChau = await s.caller(gioLinh).cameras.create(camera(GIO_CHAU, "2020-03-02"));
    expect(gioChau).toMatchObject({ areaName: "Xã Gio Châu", currentCommuneCode: XA_GIO_LINH });
    expect(await s.caller(gioLinh).awards.create(award(2020, GIO_CHAU))).toMatchObject({ areaName: "Xã Gio Châu" });
  });

  it("names the right kind of unit for a date the area does not fit", async () => {
    await expectTrpcError(
      s.caller(s.users.admin).cameras.create(camera(DAC_KHU_CON_CO, "2020-03-01")),
      "BAD_REQUEST",
      "Đây là xã, phường, đặc khu từ 01/07/2025: trước ngày đó hãy chọn xã, phường, thị trấn của huyện cũ",
      "areaCode",
    );
    await expectTrpcError(
      s.caller(gioLinh).cameras.create(camera(GIO_CHAU, todayIso())),
      "BAD_REQUEST",
      "Từ 01/07/2025 địa bàn này đã được sắp xếp lại: hãy chọn xã, phường, đặc khu hiện nay",
      "areaCode",
    );
  });

  it("an update checks the stored record and the new state", async () => {
    const admin = s.caller(s.users.admin);
    const other = await admin.cameras.create(camera(HAI_AN, "2020-06-01"));
    await expectTrpcError(
      s.caller(gioLinh).cameras.update({ id: other.id, version: other.version, areaCode: XA_GIO_LINH }),
      "FORBIDDEN",
      REFUSAL,
    );
    const own = await s.caller(gioLinh).cameras.create(camera(XA_GIO_LINH, "2025-08-01"));
    await expectTrpcError(
      s.caller(gioLinh).cameras.update({ id: own.id, version: own.version, areaCode: PHUONG_DONG_HOI }),
      "FORBIDDEN",
      REFUSAL,
    );
    const moved = await s.caller(gioLinh).cameras.update({
      id: own.id,
      version: own.version,
      installedOn: "2021-08-01",
    });
    expect(moved).toMatchObject({ areaName: "Thị trấn Gio Linh", version: own.version + 1 });
    await s.caller(gioLinh).cameras.remove({ id: moved.id, version: moved.version, reason: "Nhập nhầm" });
  });

  it("the district editor of Gio Linh keeps their whole former district, before and after the reform", async () => {
    const district = s.caller(gioLinhDistrict);
    expect(await district.cameras.create(camera(XA_GIO_LINH, todayIso()))).toMatchObject({ areaName: "Xã Gio Linh" });
    expect(await district.cameras.create(camera("19537", "2019-01-01"))).toMatchObject({ districtCode: "466" });
    await expectTrpcError(
      district.cameras.create(camera(HAI_AN, "2019-01-01")),
      "FORBIDDEN",
      "Bạn chỉ được cập nhật dữ liệu của huyện, thị xã, thành phố mình phụ trách.",
    );
  });
});

describe("units.tree writable and the list filter by today's commune", () => {
  it("offers a commune editor their commune today, and the old areas it took over before the reform", async () => {
    const today = await s.caller(gioLinh).units.tree({ on: todayIso(), writable: true });
    expect(today.map((d) => [d.code, d.areas.map((a) => [a.code, a.current])])).toEqual([
      [GIO_LINH_DISTRICT, [[XA_GIO_LINH, true]]],
    ]);
    const old = await s.caller(gioLinh).units.tree({ on: "2020-06-01", writable: true });
    expect(old).toHaveLength(1);
    const names = old[0]?.areas.map((a) => a.name) ?? [];
    expect(names).toEqual(expect.arrayContaining(["Thị trấn Gio Linh", "Xã Gio Châu", "Xã Gio Quang"]));
    expect(names).not.toContain("Xã Gio Sơn");
    expect(old[0]?.areas.every((a) => !a.current)).toBe(true);
  });

  it("offers a district editor their district only, a viewer nothing, an admin everything", async () => {
    const district = await s.caller(gioLinhDistrict).units.tree({ on: todayIso(), writable: true });
    expect(district.map((d) => d.code)).toEqual([GIO_LINH_DISTRICT]);
    expect(await s.caller(s.users.viewer).units.tree({ on: todayIso(), writable: true })).toEqual([]);
    const all = await s.caller(s.users.admin).units.tree({ on: todayIso(), writable: true });
    expect(all.reduce((n, d) => n + d.areas.length, 0)).toBe(78);
  });

  it("filters by today's commune (its records and its old areas'), or by one old area", async () => {
    const viewer = s.caller(s.users.viewer);
    const byCommune = await viewer.cameras.list({ communeCode: XA_GIO_LINH, pageSize: 100 });
    const areas = new Set(byCommune.items.map((c) => c.areaName));
    expect(areas).toEqual(new Set(["Xã Gio Linh", "Thị trấn Gio Linh", "Xã Gio Châu"]));
    const byOldArea = await viewer.cameras.list({ areaCode: XA_GIO_LINH, pageSize: 100 });
    expect(new Set(byOldArea.items.map((c) => c.areaName))).toEqual(new Set(["Thị trấn Gio Linh"]));
  });
});
