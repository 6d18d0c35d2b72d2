import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../../prisma/seed/index.ts";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import { buildApp } from "../../server/http/app.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { rollupDifferences } from "../../server/services/dashboard/rollups.ts";
import { cameraInput } from "../fixtures/cameras.ts";
import { sessionFor } from "../fixtures/sessions.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { setApproval } from "./helpers/approvals.ts";
import { expectTrpcError, shownMessage } from "./helpers/entry.ts";
import { docxParts } from "./reports-read.ts";

/**
 * Any of the 34 provinces (issue 25, decision 044), each set up once from the national lists as
 * `PROVINCE=<code>` sets it up at first start: Phú Thọ (25, formed from three old provinces 17, 25
 * and 26), Hà Nội (01, a city, one old province) and Đà Nẵng (48, a city formed from two). Every
 * expected list is read here from the national JSON, not from the database under test.
 */
const DATA = path.resolve(import.meta.dirname, "../../prisma/seed/data/national");
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(DATA, f), "utf8"));
type Commune = { code: string; name: string; type: string };
const today: { provinces: { code: string; name: string; type: string; communes: Commune[] }[] } =
  read("vietnam-2025.json");
const before: {
  provinces: { code: string; name: string; districts: { code: string; communes: Commune[] }[] }[];
} = read("vietnam-before-2025-07.json");
const merges: Record<string, string[]> = read("province-merges-2025-07.json");
const successors: { rows: [string, string, string, string, string, boolean][] } = read("successors-2025-07.json");

const CASES = [
  { code: "25", heading: "CÔNG AN TỈNH PHÚ THỌ", title: "Phú Thọ", olds: ["17", "25", "26"] },
  { code: "01", heading: "CÔNG AN THÀNH PHỐ HÀ NỘI", title: "Hà Nội", olds: ["01"] },
  { code: "48", heading: "CÔNG AN THÀNH PHỐ ĐÀ NẴNG", title: "Đà Nẵng", olds: ["48", "49"] },
] as const;

const camera = (areaCode: string, installedOn: string) =>
  cameraInput(areaCode, installedOn, { cameras: 4, costVnd: 12_000_000, fundingSource: "mixed" });

describe.each(CASES)("province $code set up at install", ({ code, heading, title, olds }) => {
  let t: TestDb;
  let admin: SessionUser;
  let viewer: SessionUser;
  const caller = (user: SessionUser) => createCaller(createContextInner({ db: t.db, dbKind: t.kind, user }));
  const mine = today.provinces.find((p) => p.code === code);
  const oldProvinces = before.provinces.filter((p) => merges[code]?.includes(p.code));
  const rows = successors.rows.filter((r) => r[3] === code);
  beforeAll(async () => {
    t = await createTestDb("migrated");
    await seed(t.db, { demo: false, province: code });
    admin = await makeUser(t.db, { role: "admin" });
    viewer = await makeUser(t.db, { role: "viewer" });
  }, 300_000);
  afterAll(() => t?.close());

  it("takes the old provinces of the national merge table", () => {
    expect(merges[code]).toEqual([...olds]);
  });

  it("lists exactly today's communes of the province today, and the old units on 15/06/2025", async () => {
    const onToday = await caller(viewer).units.tree({ on: new Date().toISOString().slice(0, 10) });
    const todayAreas = onToday.flatMap((d) => d.areas.map((a) => a.code)).sort();
    expect(todayAreas).toEqual(mine?.communes.map((c) => c.code).sort());
    expect(onToday.every((d) => d.former)).toBe(true);

    const onOld = await caller(viewer).units.tree({ on: "2025-06-15" });
    const districts = oldProvinces.flatMap((p) => p.districts);
    expect(onOld.map((d) => d.code).sort()).toEqual(districts.map((d) => d.code).sort());
    expect(onOld.flatMap((d) => d.areas.map((a) => a.code)).sort()).toEqual(
      districts.flatMap((d) => (d.communes.length ? d.communes.map((c) => c.code) : [d.code])).sort(),
    );
    expect(new Set(onOld.map((d) => d.province?.code))).toEqual(new Set(olds));
  });

  it("counts coverage over its communes and starts with units and catalogue only (no demo)", async () => {
    const summary = await caller(viewer).dashboard.summary({});
    expect(summary.cameraCoverage.current.total).toBe(mine?.communes.length);
    expect(summary.cameraCoverage.current.covered).toBe(0);
    expect(await t.db.site.count()).toBe(0);
    expect(await t.db.modelType.count()).toBeGreaterThan(10);
    // The catalogue's notes say where Quảng Trị saw each model: not another province's business.
    expect(await t.db.modelType.count({ where: { description: { contains: "Quảng" } } })).toBe(0);
  });

  it("counts a 2021 camera in its old commune, in today's commune, and only under its own old province", async () => {
    // An old commune that went whole to one commune of today, in the last old province.
    const [, , oldCommune, , newCommune] = rows.find((r) => r[2] && !r[5] && r[0] === olds.at(-1)) ?? [];
    if (!oldCommune || !newCommune) throw new Error("no undivided commune in the table");
    await caller(admin).cameras.create(camera(oldCommune, "2021-05-10"));
    const year = { fromYear: 2021, toYear: 2021 };
    const own = await caller(viewer).dashboard.summary({ ...year, formerProvinceCode: olds.at(-1) });
    expect(own.cameraCoverage.covered).toBe(1);
    expect(own.cameraCoverage.current.covered).toBe(1);
    const inToday = await caller(viewer).dashboard.summary({ ...year, communeCode: newCommune, view: "current" });
    expect(inToday.cameras.cameras).toBe(4);
    expect(inToday.cameraCoverage.current).toEqual({ covered: 1, total: 1 });
    const whole = await caller(viewer).dashboard.summary(year);
    expect(whole.cameraCoverage.current.covered).toBe(1);
    for (const other of olds.slice(0, -1)) {
      const elsewhere = await caller(viewer).dashboard.summary({ ...year, formerProvinceCode: other });
      expect(elsewhere.cameras.cameras).toBe(0);
      expect(elsewhere.cameraCoverage.covered).toBe(0);
    }
  });

  it("rolls a record of a divided old commune up into the successor that kept its name, else the first listed", async () => {
    const divided = new Map<string, string[]>();
    for (const r of rows) if (r[5]) divided.set(r[2], [...(divided.get(r[2]) ?? []), r[4]]);
    const [oldCode, options] = [...divided][0] ?? [];
    if (!oldCode || !options) return; // Đà Nẵng or Hà Nội may have none: the table says.
    const nameOf = (c: string) => mine?.communes.find((x) => x.code === c)?.name ?? "";
    const oldName = oldProvinces
      .flatMap((p) => p.districts.flatMap((d) => d.communes))
      .find((c) => c.code === oldCode)?.name;
    const bare = (n: string) => n.replace(/^(Xã|Phường|Thị trấn|Đặc khu) /, "");
    const expected = options.find((c) => bare(nameOf(c)) === bare(oldName ?? "")) ?? options[0];
    await caller(admin).cameras.create(camera(oldCode, "2022-03-01"));
    const inExpected = await caller(viewer).dashboard.summary({
      fromYear: 2022,
      toYear: 2022,
      communeCode: expected,
      view: "current",
    });
    expect(inExpected.cameras.cameras).toBe(4);
    for (const other of options.filter((c) => c !== expected)) {
      const s = await caller(viewer).dashboard.summary({ fromYear: 2022, toYear: 2022, communeCode: other });
      expect(s.cameras.cameras).toBe(0);
    }
  });

  it("moves a divided commune's record to the successor an editor chooses, and back to the rule (decision 055)", async () => {
    const divided = new Map<string, string[]>();
    for (const r of rows) if (r[5]) divided.set(r[2], [...(divided.get(r[2]) ?? []), r[4]]);
    const [oldCode, options] = [...divided][0] ?? [];
    if (!oldCode || !options) throw new Error("no divided commune in the table");
    const oldDistrict = rows.find((r) => r[2] === oldCode)?.[1];
    const nameOf = (c: string) => mine?.communes.find((x) => x.code === c)?.name ?? "";
    const oldName = oldProvinces
      .flatMap((p) => p.districts.flatMap((d) => d.communes))
      .find((c) => c.code === oldCode)?.name;
    const bare = (n: string) => n.replace(/^(Xã|Phường|Thị trấn|Đặc khu) /, "");
    const rule = options.find((c) => bare(nameOf(c)) === bare(oldName ?? "")) ?? options[0];
    const other = options.find((c) => c !== rule);
    const outsider = mine?.communes.find((c) => !options.includes(c.code))?.code;
    if (!rule || !other || !outsider || !oldDistrict) throw new Error("the table gives no second successor");
    const made = await caller(admin).cameras.create({ ...camera(oldCode, "2023-04-02"), cameras: 7 });
    const year = { fromYear: 2023, toYear: 2023, view: "current" as const };
    const camerasIn = async (communeCode: string) =>
      (await caller(viewer).dashboard.summary({ ...year, communeCode })).cameras.cameras;
    expect([await camerasIn(rule), await camerasIn(other)]).toEqual([7, 0]);
    const move = (user: SessionUser, communeCode: string | null, version = made.version) =>
      caller(user).divided.move({ kind: "cameras", id: made.id, version, communeCode });

    // Not a successor: 400 naming the successors; a commune editor elsewhere: 403; a viewer: 403.
    const bad = await expectTrpcError(move(admin, outsider), "BAD_REQUEST");
    for (const c of options) expect(shownMessage(bad)).toContain(c);
    const elsewhere = await makeUser(t.db, { role: "editor", communeCode: outsider });
    await expectTrpcError(move(elsewhere, other), "FORBIDDEN");
    await expectTrpcError(move(viewer, other), "FORBIDDEN");
    // The rule's commune police may not hand it to another commune: the target is outside their scope.
    const ruleEditor = await makeUser(t.db, { role: "editor", communeCode: rule });
    await expectTrpcError(move(ruleEditor, other), "FORBIDDEN");
    expect((await caller(viewer).cameras.get({ id: made.id })).version).toBe(made.version);

    const audit = await t.db.auditEntry.count({ where: { entity: "camera_installation", entityId: String(made.id) } });
    const moved = await move(admin, other);
    expect(moved.version).toBe(made.version + 1);
    const stored = await caller(viewer).cameras.get({ id: made.id });
    expect([stored.areaCode, stored.currentCommuneCode]).toEqual([oldCode, other]);
    expect([await camerasIn(rule), await camerasIn(other)]).toEqual([0, 7]);
    const inOther = await caller(viewer).dashboard.summary({ ...year, communeCode: other });
    expect(inOther.cameraCoverage.current.covered).toBe(1);
    // History stays true: the old commune still holds it in the old list.
    const historical = await caller(viewer).dashboard.summary({
      fromYear: 2023,
      toYear: 2023,
      districtCode: oldDistrict,
    });
    expect(historical.cameras.cameras).toBe(7);
    // Days at the period's ends are read from base rows, whole years from the roll-ups: both agree.
    const days = await caller(viewer).dashboard.summary({
      from: "2023-04-01",
      to: "2023-04-30",
      communeCode: other,
      view: "current",
    });
    expect(days.cameras.cameras).toBe(7);
    expect(await rollupDifferences(t.db)).toEqual([]);
    const entries = await t.db.auditEntry.findMany({
      where: { entity: "camera_installation", entityId: String(made.id) },
      orderBy: { id: "desc" },
      select: { action: true, before: true, after: true },
    });
    expect(entries.length).toBe(audit + 1);
    expect(entries[0]).toMatchObject({
      action: "update",
      before: { currentCommuneCode: rule },
      after: { currentCommuneCode: other },
    });
    const listed = await caller(admin).divided.list({ kind: "cameras", districtCode: oldDistrict });
    expect(listed.items.find((i) => i.id === made.id)).toMatchObject({
      area: { code: oldCode },
      rule: { code: rule },
      current: { code: other },
      chosen: true,
    });
    expect(listed.items.find((i) => i.id === made.id)?.successors.map((c) => c.code)).toEqual(options);

    // The unit-year locked (the old district's 2023 approved): refused, nothing changed.
    await setApproval(t.db, oldDistrict, 2023, "approved");
    await expectTrpcError(move(admin, null, moved.version), "FORBIDDEN");
    await t.db.approval.deleteMany({});
    // Undone: back to the rule's successor.
    await move(admin, null, moved.version);
    expect([await camerasIn(rule), await camerasIn(other)]).toEqual([7, 0]);
    expect(await rollupDifferences(t.db)).toEqual([]);

    // A record of an undivided old commune has nothing to choose.
    const [, , whole] = rows.find((r) => r[2] && !r[5]) ?? [];
    const plain = await caller(admin).cameras.create(camera(whole ?? "", "2021-01-05"));
    await expectTrpcError(
      caller(admin).divided.move({ kind: "cameras", id: plain.id, version: plain.version, communeCode: rule }),
      "BAD_REQUEST",
    );
  });

  it("answers 400 for an old province not merged into it, listing those that are, and changes nothing", async () => {
    const audit = await t.db.auditEntry.count();
    const err = await expectTrpcError(caller(viewer).dashboard.summary({ formerProvinceCode: "45" }), "BAD_REQUEST");
    for (const o of olds) expect(err.message).toContain(o);
    expect(err.message).toContain(`địa bàn ${mine?.type === "Tỉnh" ? "tỉnh" : "thành phố"} ${title}`);
    await expectTrpcError(
      caller(viewer).approvals.status({ formerProvinceCode: "45", year: 2024, kind: "district" }),
      "BAD_REQUEST",
    );
    expect(await t.db.auditEntry.count()).toBe(audit);
  });

  it("lets a commune police editor write in their commune and refuses every other", async () => {
    const [first, second] = mine?.communes ?? [];
    if (!first || !second) throw new Error("fewer than two communes");
    const editor = await makeUser(t.db, { role: "editor", communeCode: first.code });
    const day = new Date().toISOString().slice(0, 10);
    const made = await caller(editor).cameras.create(camera(first.code, day));
    expect(made.areaCode).toBe(first.code);
    const before = await t.db.cameraInstallation.count();
    await expectTrpcError(caller(editor).cameras.create(camera(second.code, day)), "FORBIDDEN");
    expect(await t.db.cameraInstallation.count()).toBe(before);
  });

  it("draws at least 80 % of its old districts on the district map, each inside its own old province", async () => {
    const map = await caller(viewer).maps.boundaries({ level: "district" });
    const expected = oldProvinces.flatMap((p) => p.districts.map((d) => d.code));
    const drawn = map.features.map((f) => f.properties.code);
    expect(new Set(drawn).size).toBe(drawn.length);
    expect(drawn.every((c) => expected.includes(c))).toBe(true);
    expect(drawn.length / expected.length).toBeGreaterThanOrEqual(0.8);
    expect(map.attribution).toMatch(/geoBoundaries/);
    // One old province at a time: its own districts only.
    const first = olds[0];
    const one = await caller(viewer).maps.boundaries({ level: "district", formerProvinceCode: first });
    const own = oldProvinces.find((p) => p.code === first)?.districts.map((d) => d.code) ?? [];
    expect(one.features.length).toBeGreaterThan(0);
    expect(one.features.every((f) => own.includes(f.properties.code))).toBe(true);
  });

  it("heads the Word report with its own police and names no other province", async () => {
    const app = await buildApp({ db: t.db, dbKind: t.kind });
    try {
      const cookie = `qt_session=${await sessionFor(t.db, viewer.id)}`;
      const res = await app.inject({ method: "GET", url: "/api/reports/summary.docx", headers: { cookie } });
      expect(res.statusCode).toBe(200);
      const { text } = await docxParts(res.rawPayload);
      expect(text).toContain("BỘ CÔNG AN");
      expect(text).toContain(heading);
      expect(text).not.toMatch(/Quảng Trị|Quảng Bình/);
      expect(text).toContain(`${title}, ngày`);
    } finally {
      await app.close();
    }
  }, 180_000);

  it("loads generated demo records when asked, marked demo and removed in one action", async () => {
    const real = await t.db.cameraInstallation.count();
    expect(await seed(t.db, { demo: true, province: code })).toEqual({ demoLoaded: true });
    const demo = await t.db.site.count({ where: { isDemo: true } });
    expect(demo).toBeGreaterThan(0);
    expect(await t.db.site.count({ where: { isDemo: false } })).toBe(0);
    // Old communes too (before 01/07/2025), an installation in every old district: the old list's
    // coverage counts at least one area per old district, and today's view rolls them up.
    const districts = oldProvinces.flatMap((p) => p.districts).length;
    const old = await caller(viewer).dashboard.summary({ fromYear: 2010, toYear: 2025 });
    expect(old.cameraCoverage.covered).toBeGreaterThanOrEqual(districts);
    expect(old.cameraCoverage.current.covered).toBeGreaterThan(0);
    const divided = await caller(admin).divided.list({});
    expect(divided.items.filter((i) => i.isDemo).length).toBeGreaterThan(0);
    expect(await seed(t.db, { demo: true, province: code })).toEqual({ demoLoaded: false });
    const removed = await caller(admin).demo.removeAll();
    expect(removed.sites).toBe(demo);
    expect(await t.db.site.count()).toBe(0);
    expect(await t.db.cameraInstallation.count()).toBe(real);
    expect(await seed(t.db, { demo: true, province: code })).toEqual({ demoLoaded: false });
  });

  it("titles the page with the province and carries it for the client", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qt-shell-"));
    fs.writeFileSync(path.join(dir, "index.html"), "<html><head><title>x</title></head><body></body></html>");
    const app = await buildApp({ db: t.db, dbKind: t.kind, serveClient: true, clientDir: dir });
    try {
      const res = await app.inject({ method: "GET", url: "/" });
      expect(res.body).toContain(`<title>Mô hình phong trào toàn dân bảo vệ an ninh Tổ quốc – ${title}</title>`);
      const data = res.body.match(/<script type="application\/json" id="qt-province">([^<]*)<\/script>/)?.[1];
      expect(JSON.parse(data ?? "null")).toMatchObject({ code, name: mine?.name, type: mine?.type });
    } finally {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
