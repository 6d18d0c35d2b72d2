import { formatDate } from "@qt/shared/format";
import { todayIso } from "@qt/shared/schemas/common";
import { currentCommuneName } from "@qt/shared/unit-names";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import ApprovalsRoute from "../../client/routes/approvals.tsx";
import AuditRoute from "../../client/routes/audit.tsx";
import OverviewRoute from "../../client/routes/overview.tsx";
import RecordsCamerasRoute from "../../client/routes/records-cameras.tsx";
import ReportsRoute from "../../client/routes/reports.tsx";
import UsersRoute from "../../client/routes/users.tsx";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { asUser as as, renderApp } from "./render-app.tsx";

/**
 * The approval screens of issue 13 on the real router and a real database: each role is offered
 * the transitions it may make on the unit-years it may act on, a refusal (no reason, someone
 * acted first) is shown in the form and changes nothing, a locked record's edit shows the
 * server's message, and the figures say how much of them is approved.
 */

const GIO_LINH = "19495";
const NAME = "Xã Gio Linh (huyện Gio Linh cũ)";
let t: TestDb;
let admin: SessionUser;
let approver: SessionUser;
let editor: SessionUser;
/** Communes of today other than Gio Linh, each test acting on its own. */
let others: { code: string; label: string }[];
const caller = (u: SessionUser) => createCaller(createContextInner({ db: t.db, user: u }));

beforeAll(async () => {
  t = await createTestDb("reference");
  admin = await makeUser(t.db, { role: "admin" });
  approver = await makeUser(t.db, { role: "approver" });
  editor = await makeUser(t.db, { role: "editor", communeCode: GIO_LINH });
  const status = await caller(admin).approvals.status({ year: 2026, kind: "commune" });
  others = status.items
    .filter((i) => i.unit.code !== GIO_LINH)
    .map((i) => ({ code: i.unit.code, label: currentCommuneName(i.unit.name, i.unit.districtName) }));
}, 60_000);
afterAll(() => t.close());
afterEach(() => localStorage.clear());

const PATH = "/approvals?year=2026&kind=commune";
const table = () => screen.findByRole("table", { name: "Trạng thái phê duyệt theo đơn vị và năm" });
const row = async (name = NAME) => {
  const cell = await within(await table()).findByRole("rowheader", { name });
  return within(cell.closest("tr") as HTMLElement);
};
/** The screen's announcement after a transition (its live region is always there, empty at first). */
const announced = (text: string) =>
  waitFor(() => expect(screen.getAllByRole("status").map((s) => s.textContent)).toContain(text));
const stateOf = async (code: string, year = 2026) =>
  (await t.db.approval.findFirst({ where: { year, unit: { code, catalog: "two_level" } } }))?.state ?? "draft";
const key = (code: string, year = 2026) => ({ unitCode: code, year });

describe("the approval status screen", () => {
  it("a commune editor submits their commune's year with a note; other communes offer them nothing", async () => {
    const user = userEvent.setup();
    renderApp(as(editor, <ApprovalsRoute />), {
      db: t.db,
      user: editor,
      path: `${PATH}${PATH.includes("?") ? "&" : "?"}all=1`,
    });
    const mine = await row();
    expect(mine.getByText("Chưa gửi duyệt")).toBeInTheDocument();
    const other = others[0];
    if (!other) throw new Error("no other commune");
    expect((await row(other.label)).queryByRole("button")).not.toBeInTheDocument();
    await user.click(mine.getByRole("button", { name: `Gửi duyệt ${NAME} 2026` }));
    const form = within(screen.getByRole("form", { name: `Gửi duyệt số liệu năm 2026 của ${NAME}` }));
    // Keyboard users land in the form they opened.
    await waitFor(() => expect(form.getByLabelText("Ghi chú (không bắt buộc)")).toHaveFocus());
    await user.keyboard("Đã rà soát đủ số liệu");
    await user.click(form.getByRole("button", { name: "Gửi duyệt" }));
    await announced(`Đã gửi duyệt số liệu năm 2026 của ${NAME}.`);
    await waitFor(async () => expect((await row()).getByText("Chờ phê duyệt")).toBeInTheDocument());
    expect((await row()).getByText("Đã rà soát đủ số liệu")).toBeInTheDocument();
    // Submitted: nothing more for the editor to do on it.
    expect((await row()).queryByRole("button")).not.toBeInTheDocument();
    expect(await stateOf(GIO_LINH)).toBe("submitted");
  });

  it("an approver returns a submitted year only with a reason, which the row then shows", async () => {
    const unit = others[1];
    if (!unit) throw new Error("no commune");
    await caller(admin).approvals.submit(key(unit.code));
    const user = userEvent.setup();
    renderApp(as(approver, <ApprovalsRoute />), { db: t.db, user: approver, path: `${PATH}&state=submitted` });
    const r = await row(unit.label);
    expect(r.getByRole("button", { name: `Phê duyệt ${unit.label} 2026` })).toBeInTheDocument();
    await user.click(r.getByRole("button", { name: `Trả lại ${unit.label} 2026` }));
    const form = within(screen.getByRole("form", { name: `Trả lại số liệu năm 2026 của ${unit.label}` }));
    await user.click(form.getByRole("button", { name: "Trả lại" }));
    expect(form.getByRole("alert")).toHaveTextContent("Vui lòng nhập lý do.");
    expect(await stateOf(unit.code)).toBe("submitted");
    await user.type(form.getByLabelText("Lý do"), "Thiếu số liệu camera quý I");
    await user.click(form.getByRole("button", { name: "Trả lại" }));
    await announced(`Đã trả lại số liệu năm 2026 của ${unit.label}.`);
    expect(await stateOf(unit.code)).toBe("draft");
    // The list showed submitted years only: the returned one left it; all states show the reason.
    await user.selectOptions(screen.getByLabelText("Trạng thái"), "");
    expect(await (await row(unit.label)).findByText(/Thiếu số liệu camera quý I/)).toBeInTheDocument();
  });

  it("an approver who acts second is told someone else acted, and the row shows the new state", async () => {
    const unit = others[2];
    if (!unit) throw new Error("no commune");
    await caller(admin).approvals.submit(key(unit.code));
    const other = await makeUser(t.db, { role: "approver" });
    const user = userEvent.setup();
    renderApp(as(approver, <ApprovalsRoute />), { db: t.db, user: approver, path: PATH });
    await user.click((await row(unit.label)).getByRole("button", { name: `Phê duyệt ${unit.label} 2026` }));
    const form = within(screen.getByRole("form", { name: `Phê duyệt số liệu năm 2026 của ${unit.label}` }));
    await caller(other).approvals.approve(key(unit.code));
    const audit = await t.db.auditEntry.count();
    await user.click(form.getByRole("button", { name: "Phê duyệt" }));
    expect(await form.findByRole("alert")).toHaveTextContent(
      `Số liệu năm 2026 của ${unit.label.split(" (")[0]} đã được phê duyệt; chỉ quản trị viên mở lại được.`,
    );
    await waitFor(async () => expect((await row(unit.label)).getByText("Đã phê duyệt")).toBeInTheDocument());
    expect(await t.db.auditEntry.count()).toBe(audit);
  });

  it("an admin reopens an approved year with a reason; the approver is not offered that", async () => {
    const unit = others[3];
    if (!unit) throw new Error("no commune");
    await caller(admin).approvals.submit(key(unit.code));
    await caller(approver).approvals.approve(key(unit.code));
    const first = renderApp(as(approver, <ApprovalsRoute />), { db: t.db, user: approver, path: PATH });
    expect((await row(unit.label)).queryByRole("button")).not.toBeInTheDocument();
    first.unmount();

    const user = userEvent.setup();
    renderApp(as(admin, <ApprovalsRoute />), { db: t.db, user: admin, path: PATH });
    await user.click((await row(unit.label)).getByRole("button", { name: `Mở lại ${unit.label} 2026` }));
    let form = within(screen.getByRole("form", { name: `Mở lại số liệu năm 2026 của ${unit.label}` }));
    // Escape closes the form and gives the focus back to the row's button; nothing is sent.
    await user.keyboard("{Escape}");
    const reopen = (await row(unit.label)).getByRole("button", { name: `Mở lại ${unit.label} 2026` });
    await waitFor(() => expect(reopen).toHaveFocus());
    expect(await stateOf(unit.code)).toBe("approved");
    await user.keyboard("{Enter}");
    form = within(screen.getByRole("form", { name: `Mở lại số liệu năm 2026 của ${unit.label}` }));
    await user.type(form.getByLabelText("Lý do"), "Bổ sung camera lắp tháng 12");
    await user.click(form.getByRole("button", { name: "Mở lại" }));
    await announced(`Đã mở lại số liệu năm 2026 của ${unit.label}.`);
    expect(await stateOf(unit.code)).toBe("draft");
    expect(await (await row(unit.label)).findByText(/Bổ sung camera lắp tháng 12/)).toBeInTheDocument();
  });

  it("shows the progress of one territory's districts in a year, beside a list of one state", async () => {
    const path = "/approvals?year=2010&kind=district&province=44";
    const start = renderApp(as(admin, <ApprovalsRoute />), { db: t.db, user: admin, path });
    const rows = within(await table()).getAllByRole("rowheader");
    const first = rows[0]?.textContent ?? "";
    const code = (await caller(admin).approvals.status({ year: 2010, kind: "district", formerProvinceCode: "44" }))
      .items[0]?.unit.code;
    if (!code) throw new Error("no district");
    start.unmount();
    await caller(admin).approvals.submit(key(code, 2010));
    await caller(approver).approvals.approve(key(code, 2010));

    renderApp(as(admin, <ApprovalsRoute />), { db: t.db, user: admin, path: `${path}&state=approved` });
    const progress = await screen.findByRole("region", { name: "Tiến độ phê duyệt" });
    expect(progress).toHaveTextContent(`Năm 2010 · Đã phê duyệt 1/${rows.length} huyện, thị xã, thành phố (cũ)`);
    expect(progress).toHaveTextContent(`chờ phê duyệt: 0; chưa gửi duyệt hoặc bị trả lại: ${rows.length - 1}`);
    expect(
      within(await table())
        .getAllByRole("rowheader")
        .map((c) => c.textContent),
    ).toEqual([first]);
  });

  it("answers a year out of range in the URL with the server's message", async () => {
    renderApp(as(approver, <ApprovalsRoute />), { db: t.db, user: approver, path: "/approvals?year=1990" });
    expect(await screen.findByRole("alert")).toHaveTextContent("Năm phê duyệt phải từ 2007");
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });

  it("reads in English", async () => {
    localStorage.setItem("qt.locale", "en");
    renderApp(as(approver, <ApprovalsRoute />), { db: t.db, user: approver, path: PATH });
    expect(await screen.findByRole("heading", { name: "Yearly submission and approval" })).toBeInTheDocument();
    expect(await screen.findByRole("table", { name: "Approval state by unit and year" })).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Approval progress" })).toHaveTextContent(
      /Year 2026 · \d+\/\d+ communes, wards and special zones approved/,
    );
  });
});

describe("locked records", () => {
  it("an edit of a record in an approved year shows the server's reason in the form, and saves after reopening", async () => {
    const created = await caller(editor).cameras.create({
      areaCode: GIO_LINH,
      installedOn: "2025-08-01",
      cameras: 4,
      recorders: 1,
      memoryCards: 1,
      costVnd: 20_000_000,
      fundingSource: "socialized",
    });
    await caller(editor).approvals.submit(key(GIO_LINH, 2025));
    await caller(approver).approvals.approve(key(GIO_LINH, 2025));
    const user = userEvent.setup();
    const path = `/records/cameras?edit=${created.id}`;
    const view = renderApp(as(editor, <RecordsCamerasRoute />), { db: t.db, user: editor, path });
    let form = within(await screen.findByRole("form", { name: "Sửa bản ghi" }));
    await user.clear(await form.findByLabelText("Số mắt camera"));
    await user.type(form.getByLabelText("Số mắt camera"), "6");
    await user.click(form.getByRole("button", { name: "Lưu" }));
    // Approved just now, on today's date in Vietnam.
    const today = formatDate(todayIso(new Date()));
    expect(await form.findByRole("alert")).toHaveTextContent(
      `Số liệu năm 2025 của Xã Gio Linh đã được phê duyệt ngày ${today} — đề nghị quản trị viên mở lại trước khi sửa.`,
    );
    expect((await t.db.cameraInstallation.findUniqueOrThrow({ where: { id: created.id } })).cameras).toBe(4);
    view.unmount();

    await caller(admin).approvals.reopen({ ...key(GIO_LINH, 2025), reason: "Sửa số mắt camera" });
    renderApp(as(editor, <RecordsCamerasRoute />), { db: t.db, user: editor, path });
    form = within(await screen.findByRole("form", { name: "Sửa bản ghi" }));
    await user.clear(await form.findByLabelText("Số mắt camera"));
    await user.type(form.getByLabelText("Số mắt camera"), "6");
    await user.click(form.getByRole("button", { name: "Lưu" }));
    await waitFor(async () =>
      expect((await t.db.cameraInstallation.findUniqueOrThrow({ where: { id: created.id } })).cameras).toBe(6),
    );
  });
});

describe("approval on the figures and the accounts", () => {
  it("the overview says how much of its figures is approved, and keeps 'approved only' in the URL", async () => {
    const unit = others[4];
    if (!unit) throw new Error("no commune");
    await caller(admin).approvals.submit(key(unit.code));
    await caller(approver).approvals.approve(key(unit.code));
    const user = userEvent.setup();
    renderApp(as(approver, <OverviewRoute />), { db: t.db, user: approver, path: "/?from=2026&to=2026" });
    // 2026: the communes of today only (former districts are approved up to 2025).
    const line = await screen.findByText(/^Số liệu đã phê duyệt: /);
    expect(line).toHaveTextContent(
      /^Số liệu đã phê duyệt: \d+\/78 xã, phường, đặc khu \(phê duyệt gần nhất ngày [\d/]+\); chưa phê duyệt: .+ và \d+ đơn vị khác\.$/,
    );
    const filters = within(screen.getByRole("region", { name: "Bộ lọc" }));
    await user.click(filters.getByLabelText("Chỉ số liệu đã phê duyệt"));
    expect(await filters.findByRole("button", { name: "Bỏ lọc: Chỉ số liệu đã phê duyệt" })).toBeInTheDocument();
    expect(await screen.findByText(/^Chỉ tính số liệu đã phê duyệt\. Số liệu đã phê duyệt: /)).toBeInTheDocument();
  });

  it("the report builder states the approval status, and can count approved figures only", async () => {
    const user = userEvent.setup();
    renderApp(as(approver, <ReportsRoute />), { db: t.db, user: approver, path: "/reports" });
    await user.selectOptions(await screen.findByLabelText("Đến năm"), "2026");
    await user.selectOptions(screen.getByLabelText("Từ năm"), "2026");
    await user.click(screen.getByRole("button", { name: "Xem trước" }));
    let preview = await screen.findByRole("article", { name: "Bản xem trước" }, { timeout: 10_000 });
    expect(within(preview).getByText(/^Số liệu đã phê duyệt: \d+\/78 xã, phường, đặc khu/)).toBeInTheDocument();

    await user.click(screen.getByRole("checkbox", { name: "Chỉ số liệu đã phê duyệt" }));
    await user.click(screen.getByRole("button", { name: "Xem trước" }));
    await waitFor(async () => {
      preview = await screen.findByRole("article", { name: "Bản xem trước" });
      expect(within(preview).getByText(/^Chỉ tính số liệu đã phê duyệt\. Số liệu đã phê duyệt: /)).toBeInTheDocument();
    });
    const word = new URL(screen.getByRole("link", { name: "Tải Word (.docx)" }).getAttribute("href") ?? "", "http://x");
    expect(word.searchParams.get("approvedOnly")).toBe("true");
  });

  it("the audit log names each transition's unit-year, who acted and the state it moved to", async () => {
    const unit = others[5];
    if (!unit) throw new Error("no commune");
    await caller(admin).approvals.submit({ ...key(unit.code), note: "Ghi chú gửi duyệt" });
    await caller(approver).approvals.return({ ...key(unit.code), reason: "Thiếu biên bản" });
    const user = userEvent.setup();
    renderApp(as(admin, <AuditRoute />), { db: t.db, user: admin, path: "/audit" });
    await user.selectOptions(await screen.findByLabelText("Loại bản ghi"), "Phê duyệt số liệu");
    const plain = unit.label.split(" (")[0] ?? "";
    const returned = await screen.findByRole("row", { name: new RegExp(`Trả lại.*Số liệu năm 2026 của ${plain}`) });
    expect(returned).toHaveTextContent(approver.username);
    expect(returned).toHaveTextContent(/Chờ phê duyệt.*Chưa gửi duyệt/);
    expect(returned).toHaveTextContent("Thiếu biên bản");
    const submitted = screen.getByRole("row", { name: new RegExp(`Gửi duyệt.*Số liệu năm 2026 của ${plain}`) });
    expect(submitted).toHaveTextContent(admin.username);
  });

  it("an admin creates an approving leader's account", async () => {
    const user = userEvent.setup();
    renderApp(as(admin, <UsersRoute />), { db: t.db, user: admin, path: "/users" });
    await user.click(await screen.findByRole("button", { name: "Tạo tài khoản" }));
    const form = within(screen.getByRole("form", { name: "Tạo tài khoản mới" }));
    await user.type(form.getByLabelText("Tên đăng nhập"), "ld.phongtrao");
    await user.type(form.getByLabelText("Họ tên"), "Lãnh đạo Phòng phong trào");
    await user.type(form.getByLabelText("Mật khẩu ban đầu"), "Phe-duyet-2026!");
    await user.selectOptions(form.getByLabelText("Vai trò"), "Lãnh đạo phê duyệt");
    // Only editors have a scope.
    expect(form.queryByLabelText("Phạm vi")).not.toBeInTheDocument();
    await user.click(form.getByRole("button", { name: "Tạo tài khoản" }));
    const cell = await screen.findByRole("rowheader", { name: "ld.phongtrao" });
    expect(cell.closest("tr")).toHaveTextContent("Lãnh đạo phê duyệt");
    expect((await t.db.user.findUniqueOrThrow({ where: { username: "ld.phongtrao" } })).role).toBe("approver");
  });
});
