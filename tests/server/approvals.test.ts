import { changeLines, recordTitle } from "@qt/shared/history";
import type { ApprovalState } from "@qt/shared/schemas/approvals";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../server/context.ts";
import { makeUser } from "../fixtures/users.ts";
import { approvalOf, GIO_LINH, setApproval, XA_BEN_HAI, XA_GIO_LINH } from "./helpers/approvals.ts";
import { entryFile, expectTrpcError } from "./helpers/entry.ts";

/**
 * Approval of unit-years (issue 13, decision 025): every transition × every role, wrong states,
 * bad input, two people acting at once, the status list and its filters, and the story.
 */
const s = entryFile();
let who: Record<"viewer" | "approver" | "inScope" | "outOfScope" | "district" | "province" | "admin", SessionUser>;
beforeAll(async () => {
  who = {
    viewer: s.users.viewer,
    approver: await makeUser(s.t.db, { role: "approver" }),
    inScope: await makeUser(s.t.db, { role: "editor", communeCode: XA_GIO_LINH }),
    outOfScope: await makeUser(s.t.db, { role: "editor", communeCode: XA_BEN_HAI }),
    district: await makeUser(s.t.db, { role: "editor", districtCode: GIO_LINH }),
    province: s.users.province,
    admin: s.users.admin,
  };
}, 60_000);

type Action = "submit" | "approve" | "return" | "reopen";
const YEAR = 2026;
const key = { unitCode: XA_GIO_LINH, year: YEAR };
const inputOf = (action: Action) =>
  action === "submit"
    ? { ...key, note: "Đã rà soát" }
    : action === "approve"
      ? key
      : { ...key, reason: "Thiếu số liệu" };
const call = (user: SessionUser, action: Action) => {
  const a = s.caller(user).approvals;
  if (action === "submit") return a.submit(inputOf("submit"));
  if (action === "approve") return a.approve(key);
  if (action === "return") return a.return({ ...key, reason: "Thiếu số liệu" });
  return a.reopen({ ...key, reason: "Thiếu số liệu" });
};
const auditCount = () => s.t.db.auditEntry.count({ where: { entity: "approval" } });

/** Each transition: the state it starts from, where it leads, and who may make it. */
const TRANSITIONS: { action: Action; from: ApprovalState; to: ApprovalState; allowed: (keyof typeof who)[] }[] = [
  { action: "submit", from: "draft", to: "submitted", allowed: ["inScope", "district", "province", "admin"] },
  { action: "approve", from: "submitted", to: "approved", allowed: ["approver", "admin"] },
  { action: "return", from: "submitted", to: "draft", allowed: ["approver", "admin"] },
  { action: "reopen", from: "approved", to: "draft", allowed: ["admin"] },
];
const ROLES = ["viewer", "approver", "inScope", "outOfScope", "district", "province", "admin"] as const;

describe("every transition × every role", () => {
  for (const t of TRANSITIONS) {
    it.each(ROLES)(`${t.action} from ${t.from} as %s`, async (role) => {
      await setApproval(s.t.db, XA_GIO_LINH, YEAR, t.from);
      const audits = await auditCount();
      if (!t.allowed.includes(role)) {
        await expectTrpcError(call(who[role], t.action), "FORBIDDEN");
        expect(await approvalOf(s.t.db, XA_GIO_LINH, YEAR)).toMatchObject({ state: t.from });
        expect(await auditCount()).toBe(audits);
        return;
      }
      const item = await call(who[role], t.action);
      expect(item).toMatchObject({ unit: { code: XA_GIO_LINH, kind: "commune", name: "Xã Gio Linh" }, year: YEAR });
      expect(item.state).toBe(t.to);
      expect(await approvalOf(s.t.db, XA_GIO_LINH, YEAR)).toMatchObject({ state: t.to });
      const [entry] = await s.t.db.auditEntry.findMany({
        where: { entity: "approval" },
        orderBy: { id: "desc" },
        take: 1,
      });
      expect(await auditCount()).toBe(audits + 1);
      expect(entry).toMatchObject({ action: t.action, entityId: `${XA_GIO_LINH}/${YEAR}`, userId: who[role].id });
      expect(entry?.after).toMatchObject({ state: t.to, unitName: "Xã Gio Linh", year: YEAR });
    });
  }
});

describe("a transition from the wrong state is refused and changes nothing", () => {
  const cases: [Action, ApprovalState, string][] = [
    ["submit", "submitted", "Số liệu năm 2026 của Xã Gio Linh đã được gửi duyệt và đang chờ phê duyệt."],
    ["submit", "approved", "Số liệu năm 2026 của Xã Gio Linh đã được phê duyệt; chỉ quản trị viên mở lại được."],
    [
      "approve",
      "draft",
      "Số liệu năm 2026 của Xã Gio Linh chưa được gửi duyệt: chỉ phê duyệt hoặc trả lại số liệu đang chờ phê duyệt.",
    ],
    ["approve", "approved", "Số liệu năm 2026 của Xã Gio Linh đã được phê duyệt; chỉ quản trị viên mở lại được."],
    [
      "return",
      "draft",
      "Số liệu năm 2026 của Xã Gio Linh chưa được gửi duyệt: chỉ phê duyệt hoặc trả lại số liệu đang chờ phê duyệt.",
    ],
    ["reopen", "submitted", "Số liệu năm 2026 của Xã Gio Linh chưa được phê duyệt: chỉ mở lại số liệu đã phê duyệt."],
    ["reopen", "draft", "Số liệu năm 2026 của Xã Gio Linh chưa được phê duyệt: chỉ mở lại số liệu đã phê duyệt."],
  ];
  it.each(cases)("%s from %s", async (action, from, message) => {
    await setApproval(s.t.db, XA_GIO_LINH, YEAR, from);
    const before = await approvalOf(s.t.db, XA_GIO_LINH, YEAR);
    const audits = await auditCount();
    await expectTrpcError(call(who.admin, action), "CONFLICT", message);
    expect(await approvalOf(s.t.db, XA_GIO_LINH, YEAR)).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });
});

describe("bad input", () => {
  it("a return or a reopening needs a reason", async () => {
    await setApproval(s.t.db, XA_GIO_LINH, YEAR, "submitted");
    await expectTrpcError(s.caller(who.approver).approvals.return({ ...key, reason: "  " }), "BAD_REQUEST");
    expect(await approvalOf(s.t.db, XA_GIO_LINH, YEAR)).toMatchObject({ state: "submitted" });
  });

  it("names the unit's years: a district 2007–2025, a commune 2025 to this year", async () => {
    await expectTrpcError(
      s.caller(who.admin).approvals.submit({ unitCode: GIO_LINH, year: 2026 }),
      "BAD_REQUEST",
      "Huyện Gio Linh (cũ) chỉ có số liệu phê duyệt theo huyện cũ cho các năm 2007–2025.",
    );
    await expectTrpcError(
      s.caller(who.admin).approvals.submit({ unitCode: XA_GIO_LINH, year: 2024 }),
      "BAD_REQUEST",
      `Xã Gio Linh chỉ có số liệu phê duyệt cho các năm từ 2025 đến ${new Date(Date.now() + 7 * 3600_000).getUTCFullYear()}.`,
    );
    await expectTrpcError(s.caller(who.admin).approvals.submit({ unitCode: "99999", year: 2025 }), "NOT_FOUND");
    await expectTrpcError(s.caller(who.admin).approvals.submit({ unitCode: "4640", year: 2025 }), "BAD_REQUEST");
  });

  it("a commune editor cannot submit their former district's history", async () => {
    await expectTrpcError(s.caller(who.inScope).approvals.submit({ unitCode: GIO_LINH, year: 2020 }), "FORBIDDEN");
    expect(await approvalOf(s.t.db, GIO_LINH, 2020)).toMatchObject({ state: "draft" });
  });
});

describe("two people acting at once", () => {
  it("of two approvers approving together, one wins and the other is told", async () => {
    await setApproval(s.t.db, XA_BEN_HAI, YEAR, "submitted");
    const audits = await auditCount();
    const other = await makeUser(s.t.db, { role: "approver" });
    const k = { unitCode: XA_BEN_HAI, year: YEAR };
    const results = await Promise.allSettled([
      s.caller(who.approver).approvals.approve(k),
      s.caller(other).approvals.return({ ...k, reason: "Chưa đủ" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected");
    expect((lost as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    expect(await auditCount()).toBe(audits + 1);
  });

  it("of two editors submitting a year never submitted, one wins and the other is told", async () => {
    const k = { unitCode: XA_BEN_HAI, year: 2025 };
    const editor = await makeUser(s.t.db, { role: "editor", communeCode: XA_BEN_HAI });
    const results = await Promise.allSettled([
      s.caller(editor).approvals.submit(k),
      s.caller(who.province).approvals.submit(k),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({
      code: "CONFLICT",
    });
    expect(await approvalOf(s.t.db, XA_BEN_HAI, 2025)).toMatchObject({ state: "submitted", version: 1 });
  });
});

describe("approvals.status", () => {
  it("lists every unit-year of the filters with totals of every state", async () => {
    await setApproval(s.t.db, XA_GIO_LINH, YEAR, "approved");
    await setApproval(s.t.db, XA_BEN_HAI, YEAR, "submitted");
    const all = await s.caller(who.viewer).approvals.status({ year: YEAR, formerProvinceCode: "45" });
    // Today's communes on former Quảng Trị's land; no former district has a 2026.
    expect(all.items).toHaveLength(37);
    expect(all.items.every((i) => i.unit.kind === "commune" && i.year === YEAR)).toBe(true);
    expect(all.totals).toEqual({ draft: 35, submitted: 1, approved: 1 });
    const approved = await s
      .caller(who.viewer)
      .approvals.status({ year: YEAR, formerProvinceCode: "45", state: "approved" });
    expect(approved.items.map((i) => i.unit.code)).toEqual([XA_GIO_LINH]);
    expect(approved.totals).toEqual(all.totals);
    const notSubmitted = await s.caller(who.viewer).approvals.status({ year: YEAR, state: "draft" });
    expect(notSubmitted.totals.draft).toBe(78 - 2);
    expect(notSubmitted.items).toHaveLength(76);
  });

  it("a former district's years: 2007–2025 by district, and its communes of today from 2025", async () => {
    const got = await s.caller(who.viewer).approvals.status({ districtCode: GIO_LINH, kind: "district" });
    expect(got.items.map((i) => i.year)).toEqual(Array.from({ length: 19 }, (_, i) => 2025 - i));
    const y2025 = await s.caller(who.viewer).approvals.status({ districtCode: GIO_LINH, year: 2025 });
    expect(y2025.items[0]?.unit).toMatchObject({ code: GIO_LINH, kind: "district", formerProvinceCode: "45" });
    expect(y2025.items.slice(1).every((i) => i.unit.kind === "commune" && i.unit.districtCode === GIO_LINH)).toBe(true);
  });

  it("counts the unit-year's live records by the record's area and date", async () => {
    const cam = (areaCode: string, installedOn: string) => ({
      areaCode,
      installedOn,
      cameras: 1,
      recorders: 1,
      memoryCards: 0,
      costVnd: 1_000_000,
      fundingSource: "state_budget" as const,
    });
    await setApproval(s.t.db, XA_GIO_LINH, 2025, "draft");
    await setApproval(s.t.db, GIO_LINH, 2025, "draft");
    const status = async () =>
      (await s.caller(who.viewer).approvals.status({ districtCode: GIO_LINH, year: 2025 })).items;
    const countOf = (items: Awaited<ReturnType<typeof status>>, code: string) =>
      items.find((i) => i.unit.code === code)?.records;
    const before = await status();
    // 19495 in March 2025 is Thị trấn Gio Linh (the district's history); in August, Xã Gio Linh.
    await s.caller(who.province).cameras.create(cam(XA_GIO_LINH, "2025-03-01"));
    const august = await s.caller(who.province).cameras.create(cam(XA_GIO_LINH, "2025-08-01"));
    await s.caller(who.province).cameras.create(cam(XA_GIO_LINH, "2025-09-01"));
    await s.caller(who.province).cameras.remove({ id: august.id, version: august.version, reason: "Trùng" });
    const after = await status();
    expect(countOf(after, GIO_LINH)).toBe((countOf(before, GIO_LINH) ?? 0) + 1);
    expect(countOf(after, XA_GIO_LINH)).toBe((countOf(before, XA_GIO_LINH) ?? 0) + 1);
  });
});

describe("the issue's story, as a new user would", () => {
  it("submit, return with a reason, fix and submit again, approve, refused edit, reopen, edit", async () => {
    await setApproval(s.t.db, XA_GIO_LINH, YEAR, "draft");
    const editor = s.caller(who.inScope);
    const cam = await editor.cameras.create({
      areaCode: XA_GIO_LINH,
      installedOn: "2026-03-10",
      cameras: 4,
      recorders: 1,
      memoryCards: 2,
      costVnd: 40_000_000,
      fundingSource: "socialized",
    });
    const stateOnScreen = async () => {
      const { items } = await s.caller(who.viewer).approvals.status({ year: YEAR, districtCode: GIO_LINH });
      return items.find((i) => i.unit.code === XA_GIO_LINH);
    };
    await editor.approvals.submit({ ...key, note: "Đủ số liệu quý I" });
    expect(await stateOnScreen()).toMatchObject({
      state: "submitted",
      note: "Đủ số liệu quý I",
      submittedBy: { username: who.inScope.username },
    });
    await s.caller(who.approver).approvals.return({ ...key, reason: "Thiếu số đầu thu" });
    expect(await stateOnScreen()).toMatchObject({
      state: "draft",
      returnReason: "Thiếu số đầu thu",
      returnedBy: { username: who.approver.username },
    });
    const fixed = await editor.cameras.update({ id: cam.id, version: cam.version, recorders: 2 });
    await editor.approvals.submit(key);
    await s.caller(who.approver).approvals.approve(key);
    const approved = await stateOnScreen();
    expect(approved).toMatchObject({ state: "approved", approvedBy: { username: who.approver.username }, records: 1 });
    const day = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10).split("-").reverse().join("/");
    await expectTrpcError(
      editor.cameras.update({ id: cam.id, version: fixed.version, recorders: 3 }),
      "FORBIDDEN",
      `Số liệu năm 2026 của Xã Gio Linh đã được phê duyệt ngày ${day} — đề nghị quản trị viên mở lại trước khi sửa.`,
    );
    const report = await s.caller(who.viewer).reports.preview({
      fromYear: YEAR,
      toYear: YEAR,
      districtCodes: [GIO_LINH],
      sections: ["summary"],
    });
    const text = report.body.map((b) => ("text" in b ? b.text : "")).join("\n");
    expect(text).toContain(`Số liệu đã phê duyệt: 1/`);
    expect(text).toContain(`(phê duyệt gần nhất ngày ${day}); chưa phê duyệt: `);
    await s.caller(who.admin).approvals.reopen({ ...key, reason: "Bổ sung đầu thu" });
    expect(await stateOnScreen()).toMatchObject({ state: "draft", returnReason: "Bổ sung đầu thu", approvedAt: null });
    expect(await editor.cameras.update({ id: cam.id, version: fixed.version, recorders: 3 })).toMatchObject({
      recorders: 3,
    });
    const trail = await s.t.db.auditEntry.findMany({
      where: { entity: "approval", entityId: `${XA_GIO_LINH}/${YEAR}`, id: { gt: 0n } },
      orderBy: { id: "desc" },
      take: 5,
      select: { action: true, username: true },
    });
    expect(trail.reverse()).toEqual([
      { action: "submit", username: who.inScope.username },
      { action: "return", username: who.approver.username },
      { action: "submit", username: who.inScope.username },
      { action: "approve", username: who.approver.username },
      { action: "reopen", username: who.admin.username },
    ]);
    // The history panel and the audit log say it in plain words (decision 020).
    const history = await s
      .caller(who.viewer)
      .audit.history({ entity: "approval", entityId: `${XA_GIO_LINH}/${YEAR}` });
    // The role tests above returned this unit-year too: this story's return is the one with its reason.
    const returned = history.find(
      (h) => h.action === "return" && (h.after as { reason?: string }).reason === "Thiếu số đầu thu",
    );
    if (!returned) throw new Error("no return in the history");
    expect(recordTitle(returned, "vi")).toBe("Số liệu năm 2026 của Xã Gio Linh");
    expect(changeLines(returned, "en")).toEqual([
      { field: "state", label: "Approval state", before: "Awaiting approval", after: "Not submitted" },
      { field: "reason", label: "Reason", before: "—", after: "Thiếu số đầu thu" },
    ]);
  });
});
