import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Shell } from "../../client/App.tsx";
import ApprovalsRoute from "../../client/routes/approvals.tsx";
import OverviewRoute from "../../client/routes/overview.tsx";
import RecordsCamerasRoute from "../../client/routes/records-cameras.tsx";
import UsersRoute from "../../client/routes/users.tsx";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { sessionFor } from "../fixtures/sessions.ts";
import { makeUser } from "../fixtures/users.ts";
import { setApproval } from "../server/helpers/approvals.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { asUser as as, renderApp } from "./render-app.tsx";

/**
 * Each role's daily path (issue 22) on the screens: a locked record shows why and offers a request
 * to reopen instead of "Sửa"/"Xóa"; the approver sees what they approve; a commune officer starts
 * from their commune; an account's scope is chosen on purpose; a password an admin chose is
 * changed first.
 */
let t: TestDb;
let admin: SessionUser;
let gioLinh: SessionUser;
const XA_GIO_LINH = "19495";
const YEAR = new Date().getFullYear();
beforeAll(async () => {
  t = await createTestDb("reference");
  admin = await makeUser(t.db, { role: "admin" });
  gioLinh = await makeUser(t.db, { role: "editor", communeCode: XA_GIO_LINH });
  const caller = createCaller(createContextInner({ db: t.db, user: admin }));
  const cam = { cameras: 4, recorders: 1, memoryCards: 1, costVnd: 5_000_000, fundingSource: "mixed" as const };
  await caller.cameras.create({ ...cam, areaCode: XA_GIO_LINH, installedOn: `${YEAR}-01-10` });
  await caller.cameras.create({ ...cam, areaCode: "19501", installedOn: `${YEAR}-01-12` });
}, 60_000);
afterAll(() => t.close());

describe("a locked record in the list", () => {
  it("shows the lock, disables Sửa/Xóa and sends a request to reopen, recorded for the admin", async () => {
    await setApproval(t.db, XA_GIO_LINH, YEAR, "approved", new Date(`${YEAR}-01-20T03:00:00Z`));
    const user = userEvent.setup();
    renderApp(as(gioLinh, <RecordsCamerasRoute />), { db: t.db, user: gioLinh, path: "/records/cameras" });
    const row = await screen.findByRole("row", { name: /Xã Gio Linh/ });
    expect(
      within(row).getByText(new RegExp(`số liệu năm ${YEAR} của Xã Gio Linh đã phê duyệt ngày 20/01/${YEAR}`)),
    ).toBeVisible();
    expect(within(row).getByRole("button", { name: "Sửa" })).toBeDisabled();
    expect(within(row).getByRole("button", { name: "Xóa" })).toBeDisabled();
    await user.click(within(row).getByRole("button", { name: "Đề nghị mở lại" }));
    await user.type(within(row).getByLabelText("Lý do cần sửa"), "Thiếu đợt lắp đặt tháng 12");
    await user.click(within(row).getByRole("button", { name: "Gửi đề nghị" }));
    expect(await within(row).findByRole("status")).toHaveTextContent("Đã gửi đề nghị mở lại");
    const asked = await createCaller(createContextInner({ db: t.db, user: admin })).approvals.status({
      reopenRequested: true,
    });
    expect(asked.items.map((i) => [i.unit.code, i.year, i.reopenRequest?.reason])).toEqual([
      [XA_GIO_LINH, YEAR, "Thiếu đợt lắp đặt tháng 12"],
    ]);
    await createCaller(createContextInner({ db: t.db, user: admin })).approvals.reopen({
      unitCode: XA_GIO_LINH,
      year: YEAR,
      reason: "Theo đề nghị",
    });
  });

  it("a refusal on save appears by the save button and takes the focus", async () => {
    await setApproval(t.db, XA_GIO_LINH, YEAR, "draft");
    const user = userEvent.setup();
    renderApp(as(gioLinh, <RecordsCamerasRoute />), { db: t.db, user: gioLinh, path: "/records/cameras" });
    const row = await screen.findByRole("row", { name: /Xã Gio Linh/ });
    await user.click(within(row).getByRole("button", { name: "Sửa" }));
    const form = await screen.findByRole("form", { name: "Sửa bản ghi" });
    // Approved while the form is open: the save meets the lock.
    await setApproval(t.db, XA_GIO_LINH, YEAR, "approved", new Date(`${YEAR}-01-20T03:00:00Z`));
    await user.clear(within(form).getByLabelText("Số mắt camera"));
    await user.type(within(form).getByLabelText("Số mắt camera"), "6");
    await user.click(within(form).getByRole("button", { name: "Lưu" }));
    const alert = await within(form).findByRole("alert");
    expect(alert).toHaveTextContent("đề nghị quản trị viên mở lại trước khi sửa");
    await waitFor(() => expect(alert).toHaveFocus());
    expect(alert.closest(".entry-actions")).toContainElement(within(form).getByRole("button", { name: "Lưu" }));
    await setApproval(t.db, XA_GIO_LINH, YEAR, "draft");
  });
});

describe("the entry form of a commune officer", () => {
  it("starts on today's date with a date picker, in their commune, without the abolished district", async () => {
    const user = userEvent.setup();
    renderApp(as(gioLinh, <RecordsCamerasRoute />), { db: t.db, user: gioLinh, path: "/records/cameras?edit=new" });
    const form = await screen.findByRole("form", { name: "Thêm bản ghi" });
    const date = within(form).getByLabelText("Ngày lắp đặt");
    expect(date).toHaveAttribute("inputmode", "numeric");
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    expect(date).toHaveValue(today.split("-").reverse().join("/"));
    expect(within(form).getByRole("button", { name: "Hôm nay" })).toBeInTheDocument();
    const commune = await within(form).findByLabelText("Xã, phường, đặc khu");
    await waitFor(() => expect(commune).toHaveDisplayValue("Xã Gio Linh"));
    expect(within(form).queryByLabelText(/Huyện, thị xã, thành phố/)).not.toBeInTheDocument();
    expect(within(form).getByLabelText("Số mắt camera")).toHaveAttribute("inputmode", "numeric");
    await user.click(within(form).getByRole("button", { name: "Hủy" }));
  });
});

describe("a commune officer's home", () => {
  it("the first screen names their commune; the list and the approvals open on it", async () => {
    renderApp(as(gioLinh, <OverviewRoute />), { db: t.db, user: gioLinh, path: "/" });
    expect(await screen.findByRole("heading", { name: "Xã Gio Linh", level: 2 })).toBeVisible();
    screen.getByRole("link", { name: "Camera an ninh của xã" });
  });

  it("the overview opens on their commune's figures, with a link to the whole province", async () => {
    // Expected from SQL: the installations whose area rolls up to Xã Gio Linh of today, and all.
    const sum = async (commune: string | null) => {
      const [r] = await t.db.$queryRaw<{ cameras: bigint | null }[]>`
        SELECT SUM(ci.cameras) AS cameras FROM camera_installation ci JOIN admin_unit a ON a.id = ci.area_id
        LEFT JOIN admin_unit c ON c.id = (CASE WHEN a.catalog = 'two_level' THEN a.id ELSE a.successor_id END)
        WHERE ci.deleted_at IS NULL AND (${commune}::text IS NULL OR c.code = ${commune}::text)`;
      return String(Number(r?.cameras ?? 0));
    };
    const [own, all] = [await sum(XA_GIO_LINH), await sum(null)];
    expect(own).not.toBe(all);
    const user = userEvent.setup();
    renderApp(as(gioLinh, <OverviewRoute />), { db: t.db, user: gioLinh, path: "/" });
    const cameras = await screen.findByRole("article", { name: "Mắt camera" });
    expect(within(cameras).getByText(own)).toBeVisible();
    const coverage = screen.getByRole("article", { name: "Phủ camera an ninh" });
    expect(coverage).toHaveTextContent("1/1 xã");
    expect(screen.getByText(/Địa bàn: Xã Gio Linh/)).toBeVisible();
    expect(screen.getByRole("combobox", { name: "Xã, phường, đặc khu (hiện nay)" })).toHaveValue(XA_GIO_LINH);
    await user.click(screen.getByRole("link", { name: "Toàn tỉnh" }));
    await waitFor(() =>
      expect(within(screen.getByRole("article", { name: "Mắt camera" })).getByText(all)).toBeVisible(),
    );
    expect(screen.getByRole("combobox", { name: "Xã, phường, đặc khu (hiện nay)" })).toHaveValue("");
  });

  it("the camera list shows only their commune's records", async () => {
    renderApp(as(gioLinh, <RecordsCamerasRoute />), { db: t.db, user: gioLinh, path: "/records/cameras" });
    await screen.findByRole("row", { name: /Xã Gio Linh/ });
    expect(screen.queryByRole("row", { name: /Xã Bến Hải/ })).not.toBeInTheDocument();
  });

  it("the approvals list only their commune's years", async () => {
    renderApp(as(gioLinh, <ApprovalsRoute />), { db: t.db, user: gioLinh, path: "/approvals" });
    const table = await screen.findByRole("table", { name: "Trạng thái phê duyệt theo đơn vị và năm" });
    const units = within(table)
      .getAllByRole("rowheader")
      .map((h) => h.textContent);
    expect(new Set(units)).toEqual(new Set(["Xã Gio Linh (huyện Gio Linh cũ)"]));
    expect(units.length).toBe(YEAR - 2025 + 1);
  });
});

describe("the approver's confirmation", () => {
  it("links the count to the records and shows the figures and a warning for a year not over", async () => {
    await setApproval(t.db, XA_GIO_LINH, YEAR, "submitted");
    const user = userEvent.setup();
    renderApp(as(admin, <ApprovalsRoute />), { db: t.db, user: admin, path: `/approvals?year=${YEAR}` });
    const row = await screen.findByRole("row", { name: /Xã Gio Linh/ });
    const link = within(row).getByRole("link", {
      name: `Xem 1 bản ghi năm ${YEAR} của Xã Gio Linh (huyện Gio Linh cũ)`,
    });
    expect(link).toHaveAttribute("href", `/records/cameras?communeCode=${XA_GIO_LINH}&fromYear=${YEAR}&toYear=${YEAR}`);
    await user.click(within(row).getByRole("button", { name: `Phê duyệt Xã Gio Linh (huyện Gio Linh cũ) ${YEAR}` }));
    const form = screen.getByRole("form", {
      name: `Phê duyệt số liệu năm ${YEAR} của Xã Gio Linh (huyện Gio Linh cũ)`,
    });
    expect(form).toHaveTextContent("0 điểm mô hình, 1 đợt lắp đặt (4 camera), 0 khen thưởng");
    expect(within(form).getByRole("note")).toHaveTextContent(`Năm ${YEAR} chưa kết thúc`);
    await setApproval(t.db, XA_GIO_LINH, YEAR, "draft");
  });
});

describe("account creation", () => {
  it("asks the editor's scope on purpose and shows the password rules as they are met", async () => {
    const user = userEvent.setup();
    renderApp(as(admin, <UsersRoute />), { db: t.db, user: admin, path: "/users" });
    await user.click(await screen.findByRole("button", { name: "Tạo tài khoản" }));
    const form = within(screen.getByRole("form", { name: "Tạo tài khoản mới" }));
    const rules = form.getByRole("list");
    expect(rules).toHaveTextContent("Ít nhất 10 ký tự (chưa đạt)");
    await user.type(form.getByLabelText("Mật khẩu ban đầu"), "Mat-khau-2026");
    expect(rules).toHaveTextContent("Ít nhất 10 ký tự (đạt)");
    await user.type(form.getByLabelText("Tên đăng nhập"), "ca.moi");
    await user.type(form.getByLabelText("Họ tên"), "Công an xã mới");
    await user.selectOptions(form.getByLabelText("Vai trò"), "editor");
    const scope = form.getByLabelText("Phạm vi");
    await waitFor(() => expect(scope).toBeEnabled());
    expect(scope).toHaveDisplayValue("— Chọn phạm vi —");
    await user.click(form.getByRole("button", { name: "Tạo tài khoản" }));
    const alert = await form.findByRole("alert");
    expect(alert).toHaveTextContent("Vui lòng chọn phạm vi");
    expect(await t.db.user.count({ where: { username: "ca.moi" } })).toBe(0);
  });
});

describe("a password an admin chose", () => {
  it("is changed on the first screen before anything else", async () => {
    const adminCaller = createCaller(createContextInner({ db: t.db, user: admin }));
    const row = await adminCaller.users.create({
      username: "lan.dau",
      displayName: "Cán bộ mới",
      password: "Tam-thoi-2026!",
      role: "viewer",
    });
    const user = userEvent.setup();
    renderApp(<Shell />, { db: t.db, path: "/", session: { token: await sessionFor(t.db, row.id) } });
    const form = await screen.findByRole("form", { name: "Đổi mật khẩu lần đầu" });
    expect(screen.queryByRole("navigation", { name: "Tài khoản" })).not.toBeInTheDocument();
    await user.type(within(form).getByLabelText("Mật khẩu hiện tại"), "Tam-thoi-2026!");
    await user.type(within(form).getByLabelText("Mật khẩu mới"), "Cua-rieng-toi-2026");
    await user.type(within(form).getByLabelText("Nhập lại mật khẩu mới"), "Cua-rieng-toi-2026");
    await user.click(within(form).getByRole("button", { name: "Đổi mật khẩu" }));
    expect(await screen.findByRole("navigation", { name: "Tài khoản" }, { timeout: 10_000 })).toBeVisible();
  });
});
