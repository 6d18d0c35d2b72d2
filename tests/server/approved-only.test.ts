import { ZReportOptions } from "@qt/shared/schemas/reports";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { ensureAdmin } from "../../server/services/accounts/first-admin.ts";
import { exportCsv } from "../../server/services/reports/export.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { expectTrpcError } from "./helpers/entry.ts";

/**
 * Figures that say what they are (issue 13, decision 025), on the demo data: its approvals (former
 * Quảng Trị 2007–2022 approved, a mix for today's communes in 2025–2026), `approvedOnly` figures
 * checked against SQL written here, the approval line of every figure and the report's text.
 */
let t: TestDb;
let viewer: SessionUser;
let admin: SessionUser;
const call = (user: SessionUser) => createCaller(createContextInner({ db: t.db, dbKind: t.kind, user }));
beforeAll(async () => {
  t = await createTestDb("demo");
  viewer = await makeUser(t.db, { role: "viewer" });
  admin = await makeUser(t.db, { role: "admin" });
}, 120_000);
afterAll(() => t.close());

const REVIEW = { formerProvinceCode: "45" as const, fromYear: 2007, toYear: 2022 };
const TODAY = { fromYear: 2025, toYear: 2026 };

/** Cameras and sites of approved unit-years, by the rule of decision 025 written out in SQL here. */
async function approvedSql(fromYear: number, toYear: number) {
  const unitYear = (date: string) => `JOIN admin_unit a ON a.id = r.area_id
    JOIN approval ap ON ap.state = 'approved' AND ap.year = EXTRACT(YEAR FROM r.${date})::int
     AND ap.unit_id = CASE WHEN a.catalog = 'two_level' THEN a.id
                           WHEN a.level = 'district' THEN a.id ELSE a.parent_id END`;
  const [row] = await t.db.$queryRawUnsafe<{ cameras: bigint; sites: bigint }[]>(
    `SELECT
       (SELECT COALESCE(SUM(r.cameras), 0) FROM camera_installation r ${unitYear("installed_on")}
         WHERE r.deleted_at IS NULL AND EXTRACT(YEAR FROM r.installed_on) BETWEEN $1 AND $2) AS cameras,
       (SELECT COUNT(*) FROM site r ${unitYear("established_on")}
         WHERE r.deleted_at IS NULL AND EXTRACT(YEAR FROM r.established_on) BETWEEN $1 AND $2) AS sites`,
    fromYear,
    toYear,
  );
  return { cameras: Number(row?.cameras), sites: Number(row?.sites) };
}

describe("the demo's approvals", () => {
  it("the review conference's figures are approved: 10/10 former districts, all of 2007–2022", async () => {
    const approval = await call(viewer).dashboard.approval(REVIEW);
    expect(approval).toMatchObject({
      districts: { approved: 10, total: 10, pending: [] },
      communes: { total: 0 },
      unitYears: { approved: 160, submitted: 0, draft: 0 },
      complete: true,
      lastApprovedAt: "2023-01-20T02:00:00.000Z",
    });
  });

  it("2025–2026 of today's communes are a mix of states", async () => {
    const { totals } = await call(viewer).approvals.status({ year: 2026, kind: "commune" });
    expect(totals.draft + totals.submitted + totals.approved).toBe(78);
    expect(Math.min(totals.draft, totals.submitted, totals.approved)).toBeGreaterThan(5);
    const returned = (await call(viewer).approvals.status({ year: 2026, state: "draft" })).items.filter(
      (i) => i.returnReason,
    );
    expect(returned.length).toBeGreaterThan(0);
  });
});

describe("approvedOnly", () => {
  it("over the approved review period the figures are the article's, unchanged", async () => {
    const all = await call(viewer).dashboard.summary(REVIEW);
    const approved = await call(viewer).dashboard.summary({ ...REVIEW, approvedOnly: true });
    expect(approved.filter.approvedOnly).toBe(true);
    expect({ sites: approved.siteCount, cameras: approved.cameras, coverage: approved.cameraCoverage }).toEqual({
      sites: all.siteCount,
      cameras: all.cameras,
      coverage: all.cameraCoverage,
    });
    expect(all.siteCount).toBeGreaterThan(0);
  });

  it("over 2025–2026 only the approved unit-years count, as SQL counts them", async () => {
    const all = await call(viewer).dashboard.summary(TODAY);
    const approved = await call(viewer).dashboard.summary({ ...TODAY, approvedOnly: true });
    const want = await approvedSql(2025, 2026);
    expect({ sites: approved.siteCount, cameras: approved.cameras.cameras }).toEqual(want);
    expect(approved.siteCount).toBeLessThan(all.siteCount);
    expect(approved.siteCount).toBeGreaterThan(0);
    const yearly = await call(viewer).dashboard.yearly({ ...TODAY, approvedOnly: true });
    expect(yearly.years.reduce((s, y) => s + y.sites, 0)).toBe(want.sites);
    const cameras = await call(viewer).dashboard.cameras({ ...TODAY, approvedOnly: true });
    expect(cameras.districts.reduce((s, d) => s + d.cameras, 0)).toBe(want.cameras);
  });

  it("follows an approval at once (cached figures are dropped), and the CSV honours it", async () => {
    const before = await call(viewer).dashboard.summary({ ...TODAY, approvedOnly: true });
    const pending = (await call(viewer).approvals.status({ year: 2026, state: "submitted" })).items.find(
      (i) => i.records > 0,
    );
    if (!pending) throw new Error("the demo has no submitted commune-year with records");
    await call(admin).approvals.approve({ unitCode: pending.unit.code, year: 2026 });
    const after = await call(viewer).dashboard.summary({ ...TODAY, approvedOnly: true });
    expect(after.siteCount + after.cameras.installations).toBeGreaterThan(
      before.siteCount + before.cameras.installations,
    );
    expect({ sites: after.siteCount, cameras: after.cameras.cameras }).toEqual(await approvedSql(2025, 2026));
    const csv = await exportCsv(
      t.db,
      { user: admin, via: "cli" },
      ZReportOptions.parse({ ...TODAY, approvedOnly: true }),
      "sites",
    );
    let text = "";
    for await (const chunk of csv.body) text += String(chunk);
    // One header line, one line per site (no text of the demo sites spans lines).
    const rows = text.trim().split("\n").length - 1;
    expect(rows).toBe(after.siteCount);
  });
});

describe("the catalogue under approved figures (issue 23)", () => {
  it("refuses to move a type with sites in approved or submitted unit-years to another category, naming how many; figures and type unchanged", async () => {
    const clanApproved = async () =>
      (await call(viewer).dashboard.summary({ ...REVIEW, approvedOnly: true, modelCategory: "clan" })).siteCount;
    const figure = await clanApproved();
    expect(figure).toBeGreaterThan(0);
    // The clan type with the most live sites, and the unit-years (submitted or approved) they lie
    // in, by decision 025's rule written out here.
    const [type] = await t.db.$queryRawUnsafe<{ id: number; version: number; unit_years: number }[]>(
      `SELECT mt.id, mt.version, (COUNT(DISTINCT (ap.unit_id, ap.year)) FILTER (WHERE ap.id IS NOT NULL))::int AS unit_years
         FROM model_type mt JOIN site r ON r.model_type_id = mt.id AND r.deleted_at IS NULL
         JOIN admin_unit a ON a.id = r.area_id
         LEFT JOIN approval ap ON ap.state IN ('submitted', 'approved')
          AND ap.year = EXTRACT(YEAR FROM r.established_on)::int
          AND ap.unit_id = CASE WHEN a.catalog = 'two_level' THEN a.id
                                WHEN a.level = 'district' THEN a.id ELSE a.parent_id END
        WHERE mt.category = 'clan'
        GROUP BY mt.id, mt.version ORDER BY COUNT(r.id) DESC LIMIT 1`,
    );
    if (!type) throw new Error("no clan type with sites in the demo");
    expect(type.unit_years).toBeGreaterThan(1);
    const audit = await t.db.auditEntry.count();
    const refused = await expectTrpcError(
      call(admin).modelTypes.update({ id: type.id, version: type.version, category: "residential" }),
      "CONFLICT",
    );
    expect(refused.message).toMatch(
      new RegExp(
        `^Không đổi được nhóm của loại mô hình này: điểm mô hình thuộc loại này nằm trong ${type.unit_years} năm số liệu đã gửi duyệt hoặc đã phê duyệt \\(như số liệu năm \\d{4} của .+\\)`,
      ),
    );
    expect(await t.db.modelType.findUniqueOrThrow({ where: { id: type.id } })).toMatchObject({
      category: "clan",
      version: type.version,
    });
    expect(await t.db.auditEntry.count()).toBe(audit);
    expect(await clanApproved()).toBe(figure);
    // Its name still changes (no figure moves), and a type without such sites changes category.
    await call(admin).modelTypes.update({ id: type.id, version: type.version, name: "Dòng họ tự quản an ninh" });
    const fresh = await call(admin).modelTypes.create({ code: "clan-new", name: "Dòng họ mới", category: "clan" });
    expect(
      await call(admin).modelTypes.update({ id: fresh.id, version: fresh.version, category: "residential" }),
    ).toMatchObject({ category: "residential" });
  });
});

describe("the approval line and the report's text", () => {
  it("names what is not approved: a district of the history and the communes of today", async () => {
    await call(admin).approvals.reopen({ unitCode: "471", year: 2015, reason: "Đối chiếu lại số liệu Cồn Cỏ" });
    const approval = await call(viewer).dashboard.approval(REVIEW);
    expect(approval.districts).toEqual({ approved: 9, total: 10, pending: [{ code: "471", name: "Huyện Cồn Cỏ" }] });
    const report = await call(viewer).reports.preview({ ...REVIEW, sections: ["summary"] });
    const text = report.body.map((b) => ("text" in b ? b.text : "")).join("\n");
    expect(text).toContain(
      "Số liệu đã phê duyệt: 9/10 huyện (phê duyệt gần nhất ngày 20/01/2023); chưa phê duyệt: Huyện Cồn Cỏ (cũ).",
    );
    const only = await call(viewer).reports.preview({ ...REVIEW, sections: ["summary"], approvedOnly: true });
    expect(only.body.map((b) => ("text" in b ? b.text : "")).join("\n")).toContain(
      "Chỉ tính số liệu đã phê duyệt. Số liệu đã phê duyệt: 9/10 huyện",
    );
  });

  it("the demo admin signs the demo approvals when the account is created after the seed", async () => {
    const unsigned = await t.db.approval.count({ where: { isDemo: true, state: "approved", approvedById: null } });
    expect(unsigned).toBeGreaterThan(0);
    await ensureAdmin(t.db, { adminPassword: "Demo-admin-passw0rd", dataDir: "/tmp/unused" });
    expect(await t.db.approval.count({ where: { isDemo: true, state: "approved", approvedById: null } })).toBe(0);
    const { items } = await call(viewer).approvals.status({ year: 2010, districtCode: "464" });
    expect(items[0]?.approvedBy).toMatchObject({ username: "admin" });
  });

  it("demo approvals go away with the demo records", async () => {
    await t.db.award.updateMany({ where: { isDemo: false }, data: { siteId: null } });
    await call(admin).demo.removeAll();
    expect(await t.db.approval.count({ where: { isDemo: true } })).toBe(0);
    const approval = await call(viewer).dashboard.approval(REVIEW);
    expect(approval.unitYears).toEqual({ approved: 0, submitted: 0, draft: 160 });
  });
});
