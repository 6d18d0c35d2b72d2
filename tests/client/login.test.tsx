import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Shell } from "../../client/App.tsx";
import { makeLoginUser, sessionFor } from "../fixtures/sessions.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { renderApp } from "./render-app.tsx";

let t: TestDb;
let viewer: Awaited<ReturnType<typeof makeLoginUser>>;
beforeAll(async () => {
  t = await createTestDb("reference");
  viewer = await makeLoginUser(t.db, { role: "viewer" });
}, 60_000);
afterAll(() => t.close());

describe("login page and account menu", () => {
  it("shows only the login page without a session, whatever the address", async () => {
    renderApp(<Shell />, { db: t.db, path: "/cameras", session: {} });
    expect(await screen.findByLabelText("Tên đăng nhập")).toBeInTheDocument();
    expect(screen.getByLabelText("Mật khẩu")).toHaveAttribute("type", "password");
    expect(screen.getByRole("button", { name: "Đăng nhập" })).toBeInTheDocument();
    expect(screen.queryByRole("navigation", { name: "Các màn hình" })).not.toBeInTheDocument();
  });

  it("says the credentials are wrong without telling which, then signs in and out", async () => {
    const user = userEvent.setup();
    const { jar } = renderApp(<Shell />, { db: t.db, path: "/account", session: {} });
    await user.type(await screen.findByLabelText("Tên đăng nhập"), viewer.username);
    await user.type(screen.getByLabelText("Mật khẩu"), "wrong-password");
    await user.click(screen.getByRole("button", { name: "Đăng nhập" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Tên đăng nhập hoặc mật khẩu không đúng.");
    expect(jar.token).toBeUndefined();

    await user.clear(screen.getByLabelText("Mật khẩu"));
    await user.type(screen.getByLabelText("Mật khẩu"), viewer.password);
    await user.click(screen.getByRole("button", { name: "Đăng nhập" }));
    const menu = await screen.findByRole("navigation", { name: "Tài khoản" });
    expect(menu).toHaveTextContent(viewer.displayName);
    expect(menu).toHaveTextContent("Lãnh đạo (chỉ xem)");
    expect(jar.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The address asked for before login is the one shown after it.
    expect(await screen.findByRole("heading", { name: "Đổi mật khẩu" })).toBeInTheDocument();
    // A viewer has no user management.
    const nav = screen.getByRole("navigation", { name: "Các màn hình" });
    expect(within(nav).getByRole("link", { name: "Tổng quan" })).toBeInTheDocument();
    expect(within(nav).queryByRole("link", { name: "Tài khoản người dùng" })).not.toBeInTheDocument();

    await user.click(within(menu).getByRole("button", { name: "Đăng xuất" }));
    expect(await screen.findByLabelText("Tên đăng nhập")).toBeInTheDocument();
    expect(jar.token).toBeUndefined();
  });

  it("changes the password from the account screen; a mismatch or wrong current password is explained", async () => {
    const u = await makeLoginUser(t.db, { role: "editor", districtCode: "464" });
    const user = userEvent.setup();
    renderApp(<Shell />, { db: t.db, path: "/account", session: { token: await sessionFor(t.db, u.id) } });
    const form = await screen.findByRole("form", { name: "Đổi mật khẩu" });
    const fill = async (current: string, next: string, confirm: string) => {
      for (const [label, value] of [
        ["Mật khẩu hiện tại", current],
        ["Mật khẩu mới", next],
        ["Nhập lại mật khẩu mới", confirm],
      ] as const) {
        const input = within(form).getByLabelText(label);
        await user.clear(input);
        await user.type(input, value);
      }
      await user.click(within(form).getByRole("button", { name: "Đổi mật khẩu" }));
    };
    await fill(u.password, "Brand-new-pass-1", "Brand-new-pass-2");
    expect(await within(form).findByRole("alert")).toHaveTextContent("Hai mật khẩu mới không khớp.");
    await fill("not-my-password", "Brand-new-pass-1", "Brand-new-pass-1");
    await waitFor(() => expect(within(form).getByRole("alert")).toHaveTextContent("Mật khẩu hiện tại không đúng."));
    await fill(u.password, "Brand-new-pass-1", "Brand-new-pass-1");
    expect(await within(form).findByRole("status")).toHaveTextContent("Đã đổi mật khẩu.");
  });

  it("returns to the login page when the session is revoked while the app is open", async () => {
    const u = await makeLoginUser(t.db, { role: "viewer" });
    const user = userEvent.setup();
    renderApp(<Shell />, { db: t.db, path: "/account", session: { token: await sessionFor(t.db, u.id) } });
    const form = await screen.findByRole("form", { name: "Đổi mật khẩu" });
    // An admin disables the account meanwhile: its sessions are gone.
    await t.db.session.deleteMany({ where: { userId: u.id } });
    await user.type(within(form).getByLabelText("Mật khẩu hiện tại"), u.password);
    await user.type(within(form).getByLabelText("Mật khẩu mới"), "Brand-new-pass-1");
    await user.type(within(form).getByLabelText("Nhập lại mật khẩu mới"), "Brand-new-pass-1");
    await user.click(within(form).getByRole("button", { name: "Đổi mật khẩu" }));
    expect(await screen.findByLabelText("Tên đăng nhập")).toBeInTheDocument();
    expect(screen.queryByRole("navigation", { name: "Tài khoản" })).not.toBeInTheDocument();
  });
});
