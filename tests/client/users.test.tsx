import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Shell } from "../../client/App.tsx";
import { writeAudit } from "../../server/services/audit/write.ts";
import { makeLoginUser, sessionFor } from "../fixtures/sessions.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { renderApp } from "./render-app.tsx";

let t: TestDb;
let adminToken: string;
beforeAll(async () => {
  t = await createTestDb("reference");
  const admin = await makeLoginUser(t.db, { role: "admin" });
  adminToken = await sessionFor(t.db, admin.id);
}, 60_000);
afterAll(() => t.close());

const table = () => screen.findByRole("table", { name: "Danh sách tài khoản" });
const row = async (username: string) => {
  const cell = await within(await table()).findByRole("rowheader", { name: username });
  return cell.closest("tr") as HTMLElement;
};

describe("user management screen", () => {
  it("an admin creates a district editor, changes the role, resets the password and disables the account", async () => {
    const user = userEvent.setup();
    renderApp(<Shell />, { db: t.db, path: "/users", session: { token: adminToken } });
    await table();
    await user.click(screen.getByRole("button", { name: "Tạo tài khoản" }));
    const form = screen.getByRole("form", { name: "Tạo tài khoản mới" });
    await user.type(within(form).getByLabelText("Tên đăng nhập"), "cb.giolinh");
    await user.type(within(form).getByLabelText("Họ tên"), "Cán bộ Gio Linh");
    await user.type(within(form).getByLabelText("Mật khẩu ban đầu"), "short");
    await user.selectOptions(within(form).getByLabelText("Vai trò"), "editor");
    const district = within(form).getByLabelText("Phạm vi");
    await within(district).findByRole("option", { name: "Huyện Gio Linh (cũ)" });
    await user.selectOptions(district, within(district).getByRole("option", { name: "Huyện Gio Linh (cũ)" }));
    await user.click(within(form).getByRole("button", { name: "Tạo tài khoản" }));
    expect(await within(form).findByRole("alert")).toHaveTextContent("Mật khẩu cần ít nhất 10 ký tự");
    await user.clear(within(form).getByLabelText("Mật khẩu ban đầu"));
    await user.type(within(form).getByLabelText("Mật khẩu ban đầu"), "Gio-Linh-2024!");
    await user.click(within(form).getByRole("button", { name: "Tạo tài khoản" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Đã tạo tài khoản cb.giolinh.");
    const created = await row("cb.giolinh");
    expect(created).toHaveTextContent("Cán bộ nhập liệu");
    expect(created).toHaveTextContent("Huyện Gio Linh (cũ)");

    await user.click(within(created).getByRole("button", { name: "Sửa cb.giolinh" }));
    const edit = screen.getByRole("form", { name: "Sửa tài khoản cb.giolinh" });
    await user.selectOptions(within(edit).getByLabelText("Vai trò"), "viewer");
    await user.click(within(edit).getByRole("button", { name: "Lưu" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Đã lưu tài khoản cb.giolinh.");
    await waitFor(async () => expect(await row("cb.giolinh")).toHaveTextContent("Lãnh đạo (chỉ xem)"));

    await user.click(within(await row("cb.giolinh")).getByRole("button", { name: "Đặt lại mật khẩu cb.giolinh" }));
    const reset = screen.getByRole("form", { name: "Đặt lại mật khẩu cho cb.giolinh" });
    await user.type(within(reset).getByLabelText("Mật khẩu mới"), "Another-pass-99");
    await user.click(within(reset).getByRole("button", { name: "Đặt lại mật khẩu" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Đã đặt lại mật khẩu của cb.giolinh.");

    vi.spyOn(window, "confirm").mockReturnValue(true);
    await user.click(within(await row("cb.giolinh")).getByRole("button", { name: "Khóa cb.giolinh" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Đã khóa tài khoản cb.giolinh.");
    await waitFor(async () => expect(await row("cb.giolinh")).toHaveTextContent("Đã khóa"));

    // Every change shows in the account's history.
    await user.click(within(await row("cb.giolinh")).getByRole("button", { name: "Lịch sử cb.giolinh" }));
    const history = await screen.findByRole("region", { name: "Lịch sử thay đổi" });
    await waitFor(() => expect(within(history).getAllByRole("row")).toHaveLength(5));
    for (const action of ["Tạo mới", "Sửa", "Đặt lại mật khẩu", "Khóa tài khoản"]) {
      expect(within(history).getByRole("cell", { name: action })).toBeInTheDocument();
    }
    expect(within(history).getByText("Vai trò: Cán bộ nhập liệu → Lãnh đạo (chỉ xem)")).toBeInTheDocument();
    const stored = await t.db.user.findUniqueOrThrow({
      where: { username: "cb.giolinh" },
      select: { disabledAt: true },
    });
    expect(Date.now() - (stored.disabledAt?.getTime() ?? 0)).toBeLessThan(60_000);
  });

  it("an admin gives an editor a commune of today: the choices are grouped and explained, the row names it", async () => {
    const user = userEvent.setup();
    renderApp(<Shell />, { db: t.db, path: "/users", session: { token: adminToken } });
    await table();
    await user.click(screen.getByRole("button", { name: "Tạo tài khoản" }));
    const form = screen.getByRole("form", { name: "Tạo tài khoản mới" });
    await user.type(within(form).getByLabelText("Tên đăng nhập"), "ca.giolinh");
    await user.type(within(form).getByLabelText("Họ tên"), "Công an xã Gio Linh");
    await user.type(within(form).getByLabelText("Mật khẩu ban đầu"), "Gio-Linh-2026!");
    await user.selectOptions(within(form).getByLabelText("Vai trò"), "editor");
    const scope = within(form).getByLabelText("Phạm vi");
    const commune = await within(scope).findByRole("option", { name: "Xã Gio Linh (huyện Gio Linh cũ)" });
    // Former districts by old province (GSO order: 44 before 45), today's communes by the former
    // district they lie on.
    const groups = [...scope.querySelectorAll("optgroup")].map((g) => g.label);
    expect(groups.slice(0, 2)).toEqual([
      "Huyện, thị xã, thành phố cũ — Quảng Bình cũ",
      "Huyện, thị xã, thành phố cũ — Quảng Trị cũ",
    ]);
    expect(groups).toContain("Xã, phường, đặc khu hiện nay trên địa bàn Huyện Gio Linh (cũ)");
    expect(commune.closest("optgroup")?.label).toBe("Xã, phường, đặc khu hiện nay trên địa bàn Huyện Gio Linh (cũ)");
    // No old commune is offered as a scope: the "choose" prompt, the province, 18 former districts,
    // 78 communes of today.
    expect(within(scope).getAllByRole("option")).toHaveLength(1 + 1 + 18 + 78);
    await user.selectOptions(scope, commune);
    await user.click(within(form).getByRole("button", { name: "Tạo tài khoản" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Đã tạo tài khoản ca.giolinh.");
    expect(await row("ca.giolinh")).toHaveTextContent("Xã Gio Linh (huyện Gio Linh cũ)");
    const stored = await t.db.user.findUniqueOrThrow({
      where: { username: "ca.giolinh" },
      select: { districtId: true, commune: { select: { code: true, catalog: true } } },
    });
    expect(stored).toEqual({ districtId: null, commune: { code: "19495", catalog: "two_level" } });
  });

  it("marks an account whose login limit across addresses was reached (issue 14, finding 3)", async () => {
    const target = await makeLoginUser(t.db, { role: "editor" });
    const calm = await makeLoginUser(t.db, { role: "viewer" });
    // What the login service writes when the limit is spent (tests/server/auth-throttle.test.ts).
    await writeAudit(t.db, { user: null, action: "login_alert", entity: "user", entityId: target.id });
    renderApp(<Shell />, { db: t.db, path: "/users", session: { token: adminToken } });
    expect(await row(target.username)).toHaveTextContent(/Bị dò mật khẩu \d{2}\/\d{2}\/\d{4}/);
    expect(await row(calm.username)).not.toHaveTextContent("Bị dò mật khẩu");
  });

  it("the province scope (decision 051): a national admin picks it, a provincial admin's picker is fixed to theirs", async () => {
    const user = userEvent.setup();
    // One province's install: every account is that province's, nothing to pick, no column.
    renderApp(<Shell />, { db: t.db, path: "/users", session: { token: adminToken } });
    await table();
    await user.click(screen.getByRole("button", { name: "Tạo tài khoản" }));
    await within(screen.getByRole("form", { name: "Tạo tài khoản mới" })).findByLabelText("Vai trò");
    expect(screen.queryByLabelText("Tỉnh, thành phố")).toBeNull();
    expect(screen.queryByRole("columnheader", { name: "Tỉnh, thành phố" })).toBeNull();
    cleanup();
    // A second province of today, as a national install holds it.
    await t.db.$executeRaw`INSERT INTO admin_unit (code, catalog, name, kind, level, valid_from)
      VALUES ('46', 'two_level', 'Thành phố Huế', 'thanh_pho', 'province', '2025-07-01')`;
    renderApp(<Shell />, { db: t.db, path: "/users", session: { token: adminToken } });
    await table();
    await user.click(screen.getByRole("button", { name: "Tạo tài khoản" }));
    let form = screen.getByRole("form", { name: "Tạo tài khoản mới" });
    let picker = await within(form).findByLabelText("Tỉnh, thành phố");
    await within(picker).findByRole("option", { name: "Tỉnh Quảng Trị" });
    expect(
      within(picker)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Toàn quốc (mọi tỉnh, thành phố)", "Tỉnh Quảng Trị", "Thành phố Huế"]);
    expect(picker).toBeEnabled();
    await user.type(within(form).getByLabelText("Tên đăng nhập"), "ld.quangtri");
    await user.type(within(form).getByLabelText("Họ tên"), "Lãnh đạo tỉnh");
    await user.type(within(form).getByLabelText("Mật khẩu ban đầu"), "Mat-khau-du-dai-1");
    await user.selectOptions(picker, "44");
    await user.click(within(form).getByRole("button", { name: "Tạo tài khoản" }));
    expect(within(await row("ld.quangtri")).getAllByRole("cell")[2]).toHaveTextContent("Tỉnh Quảng Trị");
    const stored = await t.db.user.findUniqueOrThrow({
      where: { username: "ld.quangtri" },
      select: { province: { select: { code: true } } },
    });
    expect(stored.province?.code).toBe("44");

    const provincial = await makeLoginUser(t.db, { role: "admin" });
    await t.db.$executeRaw`UPDATE app_user SET province_id = (SELECT id FROM admin_unit
      WHERE catalog = 'two_level' AND level = 'province' AND code = '44') WHERE id = ${provincial.id}`;
    cleanup();
    renderApp(<Shell />, { db: t.db, path: "/users", session: { token: await sessionFor(t.db, provincial.id) } });
    await table();
    await user.click(screen.getByRole("button", { name: "Tạo tài khoản" }));
    form = screen.getByRole("form", { name: "Tạo tài khoản mới" });
    picker = await within(form).findByLabelText("Tỉnh, thành phố");
    await within(picker).findByRole("option", { name: "Tỉnh Quảng Trị" });
    expect(within(picker).queryByRole("option", { name: "Toàn quốc (mọi tỉnh, thành phố)" })).toBeNull();
    expect(picker).toBeDisabled();
  });

  it("a viewer has no user management link, and the screen is not routed for them", async () => {
    const viewer = await makeLoginUser(t.db, { role: "viewer" });
    renderApp(<Shell />, { db: t.db, path: "/users", session: { token: await sessionFor(t.db, viewer.id) } });
    const nav = await screen.findByRole("navigation", { name: "Các màn hình" });
    expect(within(nav).queryByRole("link", { name: "Tài khoản người dùng" })).not.toBeInTheDocument();
    expect(screen.queryByRole("table", { name: "Danh sách tài khoản" })).not.toBeInTheDocument();
  });
});

describe("anonymising a person's name (personal data)", () => {
  it("asks to confirm, replaces the name on every award that carries it, says how many; a name no award carries changes nothing", async () => {
    const area = await t.db.adminUnit.findFirstOrThrow({ where: { level: "commune", catalog: "three_level" } });
    const insert = (name: string, year: number) =>
      t.db.$executeRawUnsafe(
        `INSERT INTO award (year, issuer, form, recipient_kind, recipient_name, area_id, updated_at)
         VALUES ($1, 'provincial_police', 'certificate', 'individual', $2, $3, now())`,
        year,
        name,
        area.id,
      );
    await insert("Lê Thị Hoa", 2018);
    await insert("Lê Thị Hoa", 2020);
    await insert("Phan Văn Bình", 2020);
    const user = userEvent.setup();
    renderApp(<Shell />, { db: t.db, path: "/users", session: { token: adminToken } });
    const panel = (await screen.findByRole("heading", { name: "Dữ liệu cá nhân: ẩn danh một người" })).closest(
      "section",
    ) as HTMLElement;
    const input = within(panel).getByLabelText("Tên tập thể / cá nhân được khen (đúng như trên hồ sơ)");
    await user.type(input, "Lê Thị Hoa");
    await user.click(within(panel).getByRole("button", { name: "Ẩn danh…" }));
    const dialog = within(panel).getByRole("alertdialog");
    expect(dialog).toHaveTextContent("Thay tên “Lê Thị Hoa” trên mọi hồ sơ khen thưởng");
    // Nothing changed before the confirmation.
    const named = async (name: string) =>
      (
        await t.db.$queryRawUnsafe<{ n: number }[]>(
          "SELECT count(*)::int AS n FROM award WHERE recipient_name = $1",
          name,
        )
      )[0]?.n;
    expect(await named("Lê Thị Hoa")).toBe(2);
    await user.click(within(dialog).getByRole("button", { name: "Ẩn danh tên này" }));
    const status = await within(panel).findByRole("status");
    const pseudonym = /“(Ẩn danh [0-9A-F]{6})”/.exec(status.textContent ?? "")?.[1] ?? "";
    expect(status).toHaveTextContent(`Đã thay tên trên 2 hồ sơ khen thưởng bằng “${pseudonym}”.`);
    expect(await named("Lê Thị Hoa")).toBe(0);
    expect(await named(pseudonym)).toBe(2);
    expect(await named("Phan Văn Bình")).toBe(1);

    await user.type(input, "Không Có Ai");
    await user.click(within(panel).getByRole("button", { name: "Ẩn danh…" }));
    await user.click(within(panel).getByRole("button", { name: "Ẩn danh tên này" }));
    expect(await within(panel).findByRole("status")).toHaveTextContent(
      "Không có hồ sơ khen thưởng nào mang tên “Không Có Ai”; không có gì thay đổi.",
    );
  });
});
