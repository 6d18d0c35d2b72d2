import { createHmac } from "node:crypto";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Shell } from "../../client/App.tsx";
import { browserOf } from "../../client/features/account/SessionsPanel.tsx";
import { totpPolicy } from "../../server/services/accounts/account.ts";
import { makeLoginUser, sessionFor } from "../fixtures/sessions.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { renderApp } from "./render-app.tsx";

/**
 * The account screen's second factor and sessions, and the login that asks for the code (issue 29),
 * as a user goes through them. The codes are computed here from RFC 6238 (HMAC-SHA1, 30 s, 6
 * digits), as an authenticator app would, not with the server's own TOTP code.
 */
function base32(text: string): Buffer {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const ch of text.replace(/=+$/, "")) bits += alphabet.indexOf(ch).toString(2).padStart(5, "0");
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(Number.parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}
function appCode(secret: string, at = Date.now()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const mac = createHmac("sha1", base32(secret)).update(counter).digest();
  const offset = (mac.at(-1) ?? 0) & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}
/** A six-digit code that is none of the codes of the steps around now (so the server must refuse it). */
function wrongCode(secret: string): string {
  const near = new Set([-60_000, -30_000, 0, 30_000, 60_000].map((d) => appCode(secret, Date.now() + d)));
  for (let n = 0; ; n += 1) {
    const c = String(n).padStart(6, "0");
    if (!near.has(c)) return c;
  }
}

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb("reference");
}, 60_000);
afterAll(() => t.close());

const totpRow = async (id: number) =>
  (
    await t.db.$queryRawUnsafe<{ enabled: boolean; recovery: number }[]>(
      "SELECT totp_enabled_at IS NOT NULL AS enabled, cardinality(totp_recovery_hashes) AS recovery FROM app_user WHERE id = $1",
      id,
    )
  )[0];

describe("second factor on the account screen", () => {
  it("enrols: the key is shown, a wrong code is refused, the app's code turns it on and shows 10 recovery codes once", async () => {
    const u = await makeLoginUser(t.db, { role: "editor", districtCode: "464" });
    const user = userEvent.setup();
    renderApp(<Shell />, { db: t.db, path: "/account", session: { token: await sessionFor(t.db, u.id) } });
    const panel = (await screen.findByRole("heading", { name: "Xác thực hai lớp" })).closest("section") as HTMLElement;
    expect(panel).toHaveTextContent("Chưa bật.");
    await user.click(within(panel).getByRole("button", { name: "Bật xác thực hai lớp" }));

    // Shown in groups of four, as apps accept it typed.
    const shown = (await within(panel).findByText(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/)).textContent ?? "";
    const secret = shown.replaceAll(" ", "");
    expect(within(panel).getByRole("img", { name: "Mã QR để đăng ký ứng dụng xác thực" })).toBeInTheDocument();
    expect((await totpRow(u.id))?.enabled).toBe(false);

    const input = within(panel).getByLabelText("Mã 6 số đang hiện trên ứng dụng");
    await user.type(input, wrongCode(secret));
    await user.click(within(panel).getByRole("button", { name: "Xác nhận" }));
    expect(await within(panel).findByRole("alert")).toBeInTheDocument();
    expect((await totpRow(u.id))?.enabled).toBe(false);

    await user.clear(input);
    await user.type(input, appCode(secret));
    await user.click(within(panel).getByRole("button", { name: "Xác nhận" }));
    const codes = await within(panel).findAllByRole("listitem");
    expect(codes).toHaveLength(10);
    expect(new Set(codes.map((c) => c.textContent)).size).toBe(10);
    expect(await totpRow(u.id)).toEqual({ enabled: true, recovery: 10 });

    await user.click(within(panel).getByRole("button", { name: "Tôi đã ghi lại các mã" }));
    await waitFor(() => expect(panel).toHaveTextContent("Đã bật."));
    expect(within(panel).queryAllByRole("listitem")).toHaveLength(0);
  });

  it("asks an enrolled account for the code at login: a wrong code is refused, the app's code signs in", async () => {
    const u = await makeLoginUser(t.db, { role: "viewer" });
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    await t.db.$executeRawUnsafe(
      "UPDATE app_user SET totp_secret = $1, totp_enabled_at = now() WHERE id = $2",
      secret,
      u.id,
    );
    const user = userEvent.setup();
    const { jar } = renderApp(<Shell />, { db: t.db, path: "/", session: {} });
    await user.type(await screen.findByLabelText("Tên đăng nhập"), u.username);
    await user.type(screen.getByLabelText("Mật khẩu"), u.password);
    await user.click(screen.getByRole("button", { name: "Đăng nhập" }));

    const code = await screen.findByLabelText("Mã xác thực (6 số) hoặc mã khôi phục");
    expect(jar.token).toBeUndefined();
    await user.type(code, wrongCode(secret));
    await user.click(screen.getByRole("button", { name: "Đăng nhập" }));
    expect(await screen.findByRole("alert")).toBeInTheDocument();
    expect(jar.token).toBeUndefined();

    await user.clear(code);
    await user.type(code, appCode(secret));
    await user.click(screen.getByRole("button", { name: "Đăng nhập" }));
    expect(await screen.findByRole("navigation", { name: "Tài khoản" })).toHaveTextContent(u.displayName);
    expect(jar.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe("a role that must enrol (REQUIRE_TOTP)", () => {
  it("shows only the enrolment, with a way to sign out", async () => {
    totpPolicy.required = ["approver"];
    try {
      const u = await makeLoginUser(t.db, { role: "approver" });
      const user = userEvent.setup();
      const { jar } = renderApp(<Shell />, { db: t.db, path: "/", session: { token: await sessionFor(t.db, u.id) } });
      expect(await screen.findByText(/Vai trò của bạn bắt buộc xác thực hai lớp/)).toBeInTheDocument();
      expect(screen.queryByRole("navigation", { name: "Các màn hình" })).not.toBeInTheDocument();
      await user.click(screen.getByRole("button", { name: "Đăng xuất" }));
      expect(await screen.findByLabelText("Tên đăng nhập")).toBeInTheDocument();
      expect(jar.token).toBeUndefined();
      const left = await t.db.$queryRawUnsafe<{ n: number }[]>(
        "SELECT count(*)::int AS n FROM session WHERE user_id = $1",
        u.id,
      );
      expect(left[0]?.n).toBe(0);
    } finally {
      totpPolicy.required = [];
    }
  });
});

describe("own sessions on the account screen", () => {
  it("lists the account's open sessions, marks this browser's, and ends another one", async () => {
    const u = await makeLoginUser(t.db, { role: "viewer" });
    const other = await sessionFor(t.db, u.id);
    const mine = await sessionFor(t.db, u.id);
    const user = userEvent.setup();
    renderApp(<Shell />, { db: t.db, path: "/account", session: { token: mine } });
    const table = await screen.findByRole("table", { name: "Các phiên đăng nhập đang mở" });
    const rows = () => within(table).getAllByRole("row").slice(1);
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(rows().filter((r) => r.textContent?.includes("Trình duyệt này"))).toHaveLength(1);
    // The browser in words ("vitest" is no browser: the first characters of what it sent).
    expect(rows()[0]).toHaveTextContent("10.0.0.9 · vitest");

    const ends = within(table).getAllByRole("button", { name: /^Kết thúc/ });
    expect(ends).toHaveLength(1);
    await user.click(ends[0] as HTMLElement);
    expect(await screen.findByRole("status")).toHaveTextContent("Đã kết thúc phiên đăng nhập.");
    await waitFor(() => expect(rows()).toHaveLength(1));
    const left = await t.db.$queryRawUnsafe<{ n: number }[]>(
      "SELECT count(*)::int AS n FROM session WHERE user_id = $1",
      u.id,
    );
    expect(left[0]?.n).toBe(1);
    expect(other).not.toBe(mine);
  });
});

describe("browserOf", () => {
  it("names the browser and system of common user agents", () => {
    const ua = {
      edge: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0",
      firefox: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0",
      android:
        "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36",
      iphone:
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1",
      coccoc:
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/117.0 Chrome/111.0 Safari/537.36",
    };
    expect(browserOf(ua.edge)).toBe("Edge · Windows");
    expect(browserOf(ua.firefox)).toBe("Firefox · Windows");
    expect(browserOf(ua.android)).toBe("Chrome · Android");
    expect(browserOf(ua.iphone)).toBe("Safari · iOS");
    expect(browserOf(ua.coccoc)).toBe("Cốc Cốc · Windows");
  });
});
