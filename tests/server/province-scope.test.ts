import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../server/context.ts";
import { HAI_AN, HAI_LANG } from "../fixtures/units.ts";
import { makeUser } from "../fixtures/users.ts";
import { type EntrySetup, entrySetup, expectTrpcError } from "./helpers/entry.ts";

/**
 * Province scopes (issue 26 item 2, decision 051). On Quảng Trị's own install a scope of province
 * 44 is the whole install; any other code is 400. With a second province's units beside it (today's
 * Thành phố Huế, 46, and its old province, written here by SQL as a national install holds them),
 * a provincial admin of 44 reads, writes and manages Quảng Trị only.
 */
let s: EntrySetup;
let national: SessionUser;
let qt: { admin: SessionUser; editor: SessionUser; viewer: SessionUser };
const HUE_OLD_AREA = "19990";
const HUE_COMMUNE = "19991";
const HUE_DISTRICT = "474";

async function addHue(db: EntrySetup["t"]["db"]) {
  await db.$executeRaw`INSERT INTO admin_unit (code, catalog, name, kind, level, valid_to)
    VALUES ('46', 'three_level', 'Tỉnh Thừa Thiên Huế', 'tinh', 'province', '2025-06-30')`;
  await db.$executeRaw`INSERT INTO admin_unit (code, catalog, name, kind, level, parent_id, valid_to)
    SELECT ${HUE_DISTRICT}, 'three_level', 'Thành phố Huế', 'thanh_pho', 'district', id, '2025-06-30'
      FROM admin_unit WHERE code = '46' AND catalog = 'three_level'`;
  await db.$executeRaw`INSERT INTO admin_unit (code, catalog, name, kind, level, valid_from)
    VALUES ('46', 'two_level', 'Thành phố Huế', 'thanh_pho', 'province', '2025-07-01')`;
  await db.$executeRaw`INSERT INTO admin_unit (code, catalog, name, kind, level, parent_id, former_district_id, valid_from)
    SELECT ${HUE_COMMUNE}, 'two_level', 'Phường Thuận Hóa', 'phuong', 'commune', p.id, d.id, '2025-07-01'
      FROM admin_unit p, admin_unit d
     WHERE p.code = '46' AND p.catalog = 'two_level' AND d.code = ${HUE_DISTRICT} AND d.catalog = 'three_level'`;
  await db.$executeRaw`INSERT INTO admin_unit (code, catalog, name, kind, level, parent_id, successor_id, valid_to)
    SELECT ${HUE_OLD_AREA}, 'three_level', 'Phường Phú Hội', 'phuong', 'commune', d.id, c.id, '2025-06-30'
      FROM admin_unit d, admin_unit c
     WHERE d.code = ${HUE_DISTRICT} AND d.catalog = 'three_level' AND c.code = ${HUE_COMMUNE} AND c.catalog = 'two_level'`;
}

/** A count read by SQL in the test (decision 041: figures from outside the code under test). */
const count = async (rows: Promise<{ n: number }[]>) => (await rows)[0]?.n ?? -1;

async function site(user: SessionUser, areaCode: string, name: string) {
  const modelTypeId = await s.typeId("clan-no-crime");
  return s.caller(user).sites.create({ modelTypeId, areaCode, name, establishedOn: "2019-05-01" });
}

describe("a province scope on an install of one province", () => {
  let one: EntrySetup;
  beforeAll(async () => {
    one = await entrySetup();
  }, 60_000);
  afterAll(() => one.t.close());

  it("province 44 is the whole install: its admin sees every account and province-level award", async () => {
    const admin = await makeUser(one.t.db, { role: "admin", provinceCode: "44" });
    expect(admin.reach).toBeNull();
    const all = await one.t.db.user.count();
    expect((await one.caller(admin).users.list()).length).toBe(all);
    const award = await one.caller(one.users.admin).awards.create({
      year: 2019,
      issuer: "provincial_police",
      form: "certificate",
      recipientKind: "collective",
      recipientName: "Tập thể cấp tỉnh",
      areaCode: null,
    });
    expect((await one.caller(admin).awards.get({ id: award.id })).id).toBe(award.id);
    const made = await one.caller(admin).users.create({
      username: "qt-viewer",
      displayName: "Lãnh đạo",
      password: "Mat-khau-du-dai-1",
      role: "viewer",
    });
    expect(made.provinceCode).toBe("44");
  });

  it("any other province code is 400 naming the install's, and nothing is written", async () => {
    const before = await one.counts();
    const input = { username: "x46", displayName: "X", password: "Mat-khau-du-dai-1", role: "admin" as const };
    await expectTrpcError(
      one.caller(one.users.admin).users.create({ ...input, provinceCode: "46" }),
      "BAD_REQUEST",
      "Mã tỉnh, thành phố 46 không thuộc hệ thống này. Các mã hợp lệ: 44.",
    );
    expect(await one.counts()).toEqual(before);
  });
});

describe("a province scope beside another province", () => {
  let hueSite: { id: number };
  let qtSite: { id: number };
  beforeAll(async () => {
    s = await entrySetup();
    await addHue(s.t.db);
    national = s.users.admin;
    qt = {
      admin: await makeUser(s.t.db, { role: "admin", provinceCode: "44" }),
      editor: await makeUser(s.t.db, { role: "editor", provinceCode: "44" }),
      viewer: await makeUser(s.t.db, { role: "viewer", provinceCode: "44" }),
    };
    await makeUser(s.t.db, { role: "viewer", provinceCode: "46" });
    hueSite = await site(national, HUE_OLD_AREA, "Dòng họ ở Huế");
    qtSite = await site(national, HAI_AN, "Dòng họ ở Hải An");
  }, 60_000);
  afterAll(() => s.t.close());

  it("a provincial account lists and opens only its province's records", async () => {
    const total = await count(s.t.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM site`);
    const inQt = await count(s.t.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM site s JOIN admin_unit a ON a.id = s.area_id
        JOIN admin_unit d ON d.id = a.parent_id JOIN admin_unit p ON p.id = d.parent_id
       WHERE p.code IN ('44', '45') AND p.catalog = 'three_level'`);
    expect(total).toBe(inQt + 1);
    for (const u of [qt.admin, qt.viewer]) {
      const page = await s.caller(u).sites.list({ pageSize: 100 });
      expect(page.total).toBe(inQt);
      expect(page.items.map((i) => i.id)).not.toContain(hueSite.id);
      expect((await s.caller(u).sites.get({ id: qtSite.id })).id).toBe(qtSite.id);
      await expectTrpcError(
        s.caller(u).sites.get({ id: hueSite.id }),
        "FORBIDDEN",
        "Bạn chỉ được xem và cập nhật dữ liệu của Tỉnh Quảng Trị.",
      );
    }
    expect((await s.caller(national).sites.list({ pageSize: 100 })).total).toBe(total);
  });

  it("a provincial editor writes in its province only", async () => {
    const before = await s.counts();
    await expectTrpcError(site(qt.editor, HUE_OLD_AREA, "Ngoài tỉnh"), "FORBIDDEN");
    expect(await s.counts()).toEqual(before);
    expect((await site(qt.editor, HAI_AN, "Trong tỉnh")).id).toBeGreaterThan(0);
  });

  it("a provincial admin sees and manages its province's accounts only", async () => {
    const n = await count(s.t.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM app_user u JOIN admin_unit p ON p.id = u.province_id WHERE p.code = '44'`);
    const rows = await s.caller(qt.admin).users.list();
    expect(rows.length).toBe(n);
    expect(rows.every((r) => r.provinceCode === "44")).toBe(true);
    await expectTrpcError(
      s.caller(qt.admin).users.disable({ id: national.id }),
      "FORBIDDEN",
      "Bạn chỉ được quản lý tài khoản của Tỉnh Quảng Trị.",
    );
  });

  it("a provincial admin gets 403 creating an account of another province or a national one", async () => {
    const input = { username: "hue-admin", displayName: "Huế", password: "Mat-khau-du-dai-1", role: "admin" as const };
    const before = await s.counts();
    const users = await s.t.db.user.count();
    for (const provinceCode of ["46", null]) {
      await expectTrpcError(
        s.caller(qt.admin).users.create({ ...input, provinceCode }),
        "FORBIDDEN",
        "Bạn chỉ được quản lý tài khoản của Tỉnh Quảng Trị.",
      );
    }
    await expectTrpcError(s.caller(qt.admin).users.create({ ...input, provinceCode: "01" }), "BAD_REQUEST");
    expect({ counts: await s.counts(), users: await s.t.db.user.count() }).toEqual({ counts: before, users });
    // The national admin makes Huế's admin; a scope inside a province only narrows it.
    const hue = await s.caller(national).users.create({ ...input, provinceCode: "46" });
    expect(hue.provinceCode).toBe("46");
    await expectTrpcError(
      s.caller(national).users.create({
        ...input,
        username: "hue-editor",
        role: "editor",
        provinceCode: "46",
        districtCode: HAI_LANG,
      }),
      "BAD_REQUEST",
      "Phạm vi huyện cũ hoặc xã phải nằm trong Thành phố Huế.",
    );
    const editor = await s.caller(national).users.create({
      ...input,
      username: "hue-editor",
      role: "editor",
      provinceCode: "46",
      communeCode: HUE_COMMUNE,
    });
    expect(editor.scope).toMatchObject({ kind: "commune", code: HUE_COMMUNE });
  });
});
