import { ZReportOptions } from "@qt/shared/schemas/reports";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../../prisma/seed/index.ts";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { renderDocx } from "../../server/services/reports/docx.ts";
import { exportCsv, exportReport } from "../../server/services/reports/export.ts";
import { buildReportModel } from "../../server/services/reports/model.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { collect, docxParts, readXlsx } from "./reports-read.ts";

/**
 * Demo data never passes for real (decision 023): figures say how many demo records count in them,
 * every export says so, and an admin removes them all in one audited action.
 */
const SENTENCE = "Có số liệu minh họa";
let demo: TestDb;
let real: TestDb;
const who: Record<"demo" | "real", { admin: SessionUser; viewer: SessionUser; editor: SessionUser }> = {} as never;

beforeAll(async () => {
  [demo, real] = await Promise.all([createTestDb("demo"), createTestDb("reference")]);
  for (const [name, t] of [
    ["demo", demo],
    ["real", real],
  ] as const) {
    who[name] = {
      admin: await makeUser(t.db, { role: "admin" }),
      viewer: await makeUser(t.db, { role: "viewer" }),
      editor: await makeUser(t.db, { role: "editor" }),
    };
  }
  // The real database: one real site and one real camera installation, entered as staff do.
  const admin = call(real, who.real.admin);
  const type = await real.db.modelType.findFirstOrThrow({ where: { code: "clan-security" } });
  await admin.sites.create({
    modelTypeId: type.id,
    areaCode: "19495",
    name: "Dòng họ Lê",
    establishedOn: "2025-08-01",
  });
  await admin.cameras.create({
    areaCode: "19495",
    installedOn: "2025-08-02",
    cameras: 4,
    recorders: 1,
    memoryCards: 1,
    costVnd: 20_000_000,
    fundingSource: "socialized",
  });
}, 120_000);
afterAll(async () => {
  await Promise.all([demo?.close(), real?.close()]);
});

function call(t: TestDb, user: SessionUser) {
  return createCaller(createContextInner({ db: t.db, dbKind: t.kind, user }));
}
const opts = ZReportOptions.parse({ date: "2026-11-29", fromYear: 2007, toYear: 2026 });

describe("figures say how many demo records count in them", () => {
  it("on the demo database every record of a figure is demo, so the count equals the figure's records", async () => {
    const d = call(demo, who.demo.viewer).dashboard;
    // The one count of a scope: sites, camera installations and awards in it (issue 22).
    const s = await d.summary({});
    const awards = await d.awards({});
    expect(s.demo.records).toBe(s.siteCount + s.cameras.installations + awards.total);
    expect(s.demo.records).toBeGreaterThan(500);
    const c = await d.cameras({ formerProvinceCode: "44" });
    const qbAwards = await d.awards({ formerProvinceCode: "44" });
    const qbSites = await d.summary({ formerProvinceCode: "44" });
    expect(c.demo.records).toBe(qbSites.siteCount + c.totals.installations + qbAwards.total);
    expect(c.demo.records).toBeGreaterThan(0);
    // Every screen of one scope says the same number.
    const period = { fromYear: 2023, toYear: 2026 };
    const [y, a, cam] = await Promise.all([d.yearly(period), d.awards(period), d.cameras(period)]);
    expect(new Set([y.demo.records, a.demo.records, cam.demo.records]).size).toBe(1);
    // A model type's screen counts that type's sites only: installations and awards have no type.
    const m = await d.modelType({ code: "clan-no-crime" });
    expect(m.demo.records).toBe(113);
  });

  it("one demo count: the overview, the report of the same scope and the admins' notice say the same number", async () => {
    // Counted from the rows, not by the product: live demo sites, installations and awards.
    const [row] = await demo.db.$queryRaw<{ n: bigint }[]>`
      SELECT (SELECT COUNT(*) FROM site WHERE is_demo AND deleted_at IS NULL)
        + (SELECT COUNT(*) FROM camera_installation WHERE is_demo AND deleted_at IS NULL)
        + (SELECT COUNT(*) FROM award WHERE is_demo AND deleted_at IS NULL) AS n`;
    const expected = Number(row?.n);
    const overview = await call(demo, who.demo.viewer).dashboard.summary({});
    const status = await call(demo, who.demo.admin).demo.status();
    const model = await buildReportModel(demo.db, opts); // 2007–2026: every demo record's year
    expect([overview.demo.records, status.inFigures.records, model.demo.records]).toEqual([
      expected,
      expected,
      expected,
    ]);
    expect(status.inFigures.sites + status.inFigures.installations + status.inFigures.awards).toBe(expected);
  });

  it("on a database of real records only, the same figures carry 0", async () => {
    const d = call(real, who.real.viewer).dashboard;
    const s = await d.summary({});
    expect(s.siteCount).toBe(1);
    expect(s.cameras.installations).toBe(1);
    expect(s.demo).toEqual({ records: 0 });
    expect((await d.cameras({})).demo).toEqual({ records: 0 });
  });
});

describe("exports say so too", () => {
  it("Word: the sentence before the first section; absent from a report of real records", async () => {
    const model = await buildReportModel(demo.db, opts);
    expect(model.demo.records).toBeGreaterThan(500);
    const { text } = await docxParts(await renderDocx(model));
    expect(text).toContain(`${SENTENCE}: ${model.demo.records.toLocaleString("vi-VN")} bản ghi`);
    expect(text.indexOf(SENTENCE)).toBeLessThan(text.indexOf("I. "));
    const clean = await docxParts(await renderDocx(await buildReportModel(real.db, opts)));
    expect(clean.text).not.toContain(SENTENCE);
  });

  it("Excel: a visible line on the first sheet, a demo column in the record sheets; the file name", async () => {
    const file = await exportReport(demo.db, { user: who.demo.viewer, via: "http" }, opts, "xlsx");
    expect(file.filename).toContain("- có số liệu minh họa.");
    const wb = await readXlsx(await collect(file.body));
    const first = wb.worksheets[0];
    // Under the agency heading, the title and the scope line, before any figure.
    const lines = Array.from({ length: 12 }, (_, i) => String(first?.getRow(i + 1).getCell(1).value ?? ""));
    const at = lines.findIndex((l) => l.includes(SENTENCE));
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(lines.indexOf("Chỉ tiêu"));
    const sites = wb.getWorksheet("Điểm mô hình");
    const header = sites?.getRow(1).values as unknown[];
    expect(header[header.length - 1]).toBe("Số liệu minh họa (1 = có)");
    expect(sites?.getRow(2).getCell(header.length - 1).value).toBe(1);

    const clean = await exportReport(real.db, { user: who.real.viewer, via: "http" }, opts, "xlsx");
    expect(clean.filename).not.toContain("minh họa");
    const cleanWb = await readXlsx(await collect(clean.body));
    expect(cleanWb.worksheets[0]?.getRow(3).getCell(1).value ?? "").toBe("");
  });

  it("CSV: an is-demo column on every row (no note row that a reader could take for data)", async () => {
    const parse = async (t: TestDb, user: SessionUser, table: "sites" | "districts") => {
      const file = await exportCsv(t.db, { user, via: "http" }, opts, table);
      const lines = (await collect(file.body))
        .toString("utf8")
        .replace(/^\uFEFF/, "")
        .trimEnd()
        .split("\r\n");
      return { filename: file.filename, header: lines[0]?.split(",") ?? [], rows: lines.slice(1) };
    };
    const sites = await parse(demo, who.demo.viewer, "sites");
    expect(sites.filename).toContain("- có số liệu minh họa.");
    expect(sites.header.at(-1)).toBe("Số liệu minh họa (1 = có)");
    expect(sites.rows.length).toBeGreaterThan(500);
    expect(sites.rows.every((r) => r.endsWith(",1"))).toBe(true);
    const districts = await parse(demo, who.demo.viewer, "districts");
    expect(districts.header.at(-1)).toBe("Gồm số liệu minh họa (1 = có)");
    expect(districts.rows.every((r) => r.endsWith(",1"))).toBe(true);

    const realSites = await parse(real, who.real.viewer, "sites");
    expect(realSites.rows).toHaveLength(1);
    expect(realSites.rows[0]?.endsWith(",0")).toBe(true);
    expect(realSites.filename).not.toContain("minh họa");
  });
});

describe("removing every demo record", () => {
  let t: TestDb;
  let admin: SessionUser;
  beforeAll(async () => {
    t = await createTestDb("demo");
    admin = await makeUser(t.db, { role: "admin" });
  }, 60_000);
  afterAll(() => t?.close());
  const counts = async () =>
    Promise.all([
      t.db.site.count({ where: { isDemo: true } }),
      t.db.cameraInstallation.count({ where: { isDemo: true } }),
      t.db.award.count({ where: { isDemo: true } }),
      t.db.auditEntry.count(),
      t.db.appSetting.count(),
    ]);

  it("is for admins only", async () => {
    const before = await counts();
    for (const role of ["viewer", "editor"] as const) {
      const user = await makeUser(t.db, { role });
      await expect(call(t, user).demo.removeAll()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(call(t, user).demo.status()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await counts()).toEqual(before);
  });

  it("is refused (409, with the counts) while a real record depends on a demo one, and changes nothing", async () => {
    const demoSite = await t.db.site.findFirstOrThrow({
      where: { isDemo: true, area: { catalog: "two_level" } },
      select: { id: true, area: { select: { code: true, name: true } } },
      orderBy: { id: "asc" },
    });
    const award = await call(t, admin).awards.create({
      year: 2026,
      issuer: "provincial_police",
      form: "certificate",
      recipientKind: "collective",
      recipientName: `Công an ${demoSite.area.name}`,
      areaCode: demoSite.area.code,
      siteId: demoSite.id,
    });
    const status = await call(t, admin).demo.status();
    expect(status.dependents).toEqual({ awards: 1, installations: 0, sites: 0 });
    const before = await counts();
    await expect(call(t, admin).demo.removeAll()).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("1 khen thưởng"),
    });
    expect(await counts()).toEqual(before);
    // The real award no longer points at the demo site: nothing stops the removal.
    await t.db.award.update({ where: { id: award.id }, data: { siteId: null } });
  });

  it("removes every demo row in one audited action; figures lose the flag; the seed never loads them again", async () => {
    const status = await call(t, admin).demo.status();
    expect(status.records.sites).toBeGreaterThan(500);
    const removed = await call(t, admin).demo.removeAll();
    expect(removed).toEqual(status.records);
    const [sites, installations, awards] = await counts();
    expect({ sites, installations, awards }).toEqual({ sites: 0, installations: 0, awards: 0 });
    // The real award stays.
    expect(await t.db.award.count()).toBe(1);
    const entry = await t.db.auditEntry.findFirstOrThrow({ where: { entity: "demo_data" }, orderBy: { id: "desc" } });
    expect(entry).toMatchObject({ action: "remove", userId: admin.id, entityId: "all" });
    expect(entry.after).toEqual(status.records);
    const s = await call(t, admin).dashboard.summary({});
    expect(s.demo).toEqual({ records: 0 });
    expect(s.siteCount).toBe(0);
    expect((await call(t, admin).demo.status()).removed).toBe(true);
    expect(await seed(t.db, { demo: true })).toEqual({ demoLoaded: false });
    expect(await t.db.site.count()).toBe(0);
  });

  it("remembers per admin that the notice was closed", async () => {
    const other = await makeUser(t.db, { role: "admin" });
    expect((await call(t, admin).demo.status()).noticeDismissed).toBe(false);
    await call(t, admin).demo.dismissNotice();
    await call(t, admin).demo.dismissNotice();
    expect((await call(t, admin).demo.status()).noticeDismissed).toBe(true);
    expect((await call(t, other).demo.status()).noticeDismissed).toBe(false);
  });
});
