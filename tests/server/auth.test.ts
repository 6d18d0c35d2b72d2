import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  hashToken,
  resolveSession,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
} from "../../server/services/accounts/sessions.ts";
import { callerWithToken, loginToken, makeLoginUser } from "../fixtures/sessions.ts";
import { createTestDb, type TestDb } from "../support/db.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb("reference");
}, 60_000);
afterAll(() => t.close());

async function loginError(username: string, password: string, ip = "10.1.0.1"): Promise<TRPCError> {
  const { caller } = await callerWithToken(t.db, undefined, ip);
  const err = await caller.auth.login({ username, password }).catch((e: unknown) => e);
  if (!(err instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(err)}`);
  return err;
}

describe("login and sessions", () => {
  it("opens a session: the cookie carries a random token, the database only its SHA-256", async () => {
    const u = await makeLoginUser(t.db, { role: "editor", districtCode: "464" });
    const { caller, cookies } = await callerWithToken(t.db, undefined);
    const me = await caller.auth.login({ username: u.username.toUpperCase(), password: u.password });
    expect(me).toEqual({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: "editor",
      districtCode: "464",
      communeCode: null,
      provinceCode: null,
      provinceName: null,
      scope: { kind: "district", code: "464", name: "Huyện Vĩnh Linh" },
      mustChangePassword: false,
      totpEnabled: false,
      mustEnrolTotp: false,
      sessionIdleMinutes: 30,
    });
    expect(JSON.stringify(me)).not.toContain("argon2");
    const token = cookies.qt_session ?? "";
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await t.db.session.findMany({ where: { userId: u.id }, select: { tokenHash: true } });
    expect(rows).toEqual([{ tokenHash: hashToken(token) }]);
    expect(rows[0]?.tokenHash).not.toContain(token);
    const { caller: authed } = await callerWithToken(t.db, token);
    expect(await authed.auth.me()).toEqual(me);
    // Every request resolves the session with its account and scope in one query.
    const { districtId, communeId } = await t.db.user.findUniqueOrThrow({
      where: { id: u.id },
      select: { districtId: true, communeId: true },
    });
    expect(districtId).not.toBeNull();
    const { sessionIdleMinutes: _, ...account } = me;
    expect(await resolveSession(t.db, token)).toEqual({
      ...account,
      districtId,
      communeId,
      provinceId: null,
      reach: null,
      sessionId: expect.any(Number),
    });
    const audit = await t.db.auditEntry.findMany({
      where: { entity: "user", entityId: String(u.id), action: "login" },
    });
    expect(audit).toHaveLength(1);
  });

  it("gives the same error for unknown user, wrong password and disabled account, in similar time", async () => {
    const u = await makeLoginUser(t.db);
    const d = await makeLoginUser(t.db);
    await t.db.user.update({ where: { id: d.id }, data: { disabledAt: new Date() } });
    const time = async (username: string, password: string, ip: string) => {
      const start = performance.now();
      const err = await loginError(username, password, ip);
      return { ms: performance.now() - start, code: err.code, message: err.message };
    };
    const unknown = await time("no-such-user", "whatever-password", "10.2.0.1");
    const wrong = await time(u.username, "wrong-password", "10.2.0.2");
    const disabled = await time(d.username, d.password, "10.2.0.3");
    for (const r of [unknown, wrong, disabled]) {
      expect(r).toMatchObject({ code: "UNAUTHORIZED", message: "Tên đăng nhập hoặc mật khẩu không đúng." });
    }
    // An unknown user still costs one argon2 verification (tens of ms), so timing tells nothing.
    // Medians of a few tries each, from fresh addresses: one try can land on a busy moment.
    const median = async (username: (i: number) => string, password: string, net: string) => {
      const ms: number[] = [];
      for (let i = 0; i < 5; i++) ms.push((await time(username(i), password, `${net}.${i + 1}`)).ms);
      return ms.sort((a, b) => a - b)[2] ?? 0;
    };
    const unknownMs = await median((i) => `no-such-user-${i}`, "whatever-password", "10.2.1");
    const wrongMs = await median(() => u.username, "wrong-password-2", "10.2.2");
    expect(unknownMs).toBeGreaterThan(0.3 * wrongMs);
  });

  it("ends a session after 8 hours idle and 7 days after login, deleting it", async () => {
    const u = await makeLoginUser(t.db);
    const token = await loginToken(t.db, u.username, u.password, "10.5.0.1");
    const where = { tokenHash: hashToken(token) };
    await t.db.session.update({ where, data: { lastSeenAt: new Date(Date.now() - SESSION_IDLE_MS + 60_000) } });
    expect(await resolveSession(t.db, token)).toMatchObject({ id: u.id });
    // Activity moves lastSeenAt forward.
    const seen = await t.db.session.findUniqueOrThrow({ where, select: { lastSeenAt: true } });
    expect(Date.now() - seen.lastSeenAt.getTime()).toBeLessThan(10_000);
    await t.db.session.update({ where, data: { lastSeenAt: new Date(Date.now() - SESSION_IDLE_MS - 1000) } });
    expect(await resolveSession(t.db, token)).toBeNull();
    expect(await t.db.session.count({ where })).toBe(0);

    const token2 = await loginToken(t.db, u.username, u.password, "10.5.0.1");
    const created = new Date(Date.now() - SESSION_ABSOLUTE_MS);
    await t.db.session.update({
      where: { tokenHash: hashToken(token2) },
      data: { createdAt: created, expiresAt: new Date(Date.now() - 1000), lastSeenAt: new Date() },
    });
    expect(await resolveSession(t.db, token2)).toBeNull();
    const { caller } = await callerWithToken(t.db, token2);
    await expect(caller.auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("logout ends the session and clears the cookie", async () => {
    const u = await makeLoginUser(t.db);
    const token = await loginToken(t.db, u.username, u.password, "10.6.0.1");
    const other = await loginToken(t.db, u.username, u.password, "10.6.0.1");
    const { caller, cookies } = await callerWithToken(t.db, token);
    await caller.auth.logout();
    expect(cookies.qt_session).toBeNull();
    expect(await resolveSession(t.db, token)).toBeNull();
    // Only this browser's session: the other device stays logged in.
    expect(await resolveSession(t.db, other)).toMatchObject({ id: u.id });
    const { caller: anon } = await callerWithToken(t.db, token);
    await expect(anon.auth.logout()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("changing the password ends every session and opens a new one for this browser", async () => {
    const u = await makeLoginUser(t.db);
    const a = await loginToken(t.db, u.username, u.password, "10.7.0.1");
    const b = await loginToken(t.db, u.username, u.password, "10.7.0.1");
    const { caller, cookies } = await callerWithToken(t.db, a);
    await expect(
      caller.auth.changePassword({ currentPassword: "not-it-at-all", newPassword: "New-passw0rd-1" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Mật khẩu hiện tại không đúng.",
    });
    await expect(
      caller.auth.changePassword({ currentPassword: u.password, newPassword: "short" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await caller.auth.changePassword({ currentPassword: u.password, newPassword: "New-passw0rd-1" });
    expect(await resolveSession(t.db, a)).toBeNull();
    expect(await resolveSession(t.db, b)).toBeNull();
    expect(await resolveSession(t.db, cookies.qt_session ?? "")).toMatchObject({ id: u.id });
    expect((await loginError(u.username, u.password, "10.7.0.2")).code).toBe("UNAUTHORIZED");
    await loginToken(t.db, u.username, "New-passw0rd-1", "10.7.0.3");
    const audit = await t.db.auditEntry.findFirstOrThrow({
      where: { entityId: String(u.id), action: "change_password" },
      select: { before: true, after: true },
    });
    expect(JSON.stringify(audit)).not.toMatch(/argon2|New-passw0rd/);
  });

  it("disabling an account or resetting its password ends its sessions", async () => {
    const admin = await makeLoginUser(t.db, { role: "admin" });
    const adminToken = await loginToken(t.db, admin.username, admin.password, "10.8.0.1");
    const { caller } = await callerWithToken(t.db, adminToken);
    const u = await makeLoginUser(t.db);
    const token = await loginToken(t.db, u.username, u.password, "10.8.0.2");
    await caller.users.resetPassword({ id: u.id, newPassword: "Reset-passw0rd-9" });
    expect(await resolveSession(t.db, token)).toBeNull();
    const token2 = await loginToken(t.db, u.username, "Reset-passw0rd-9", "10.8.0.2");
    await caller.users.disable({ id: u.id });
    expect(await resolveSession(t.db, token2)).toBeNull();
    expect((await loginError(u.username, "Reset-passw0rd-9", "10.8.0.3")).code).toBe("UNAUTHORIZED");
  });

  it("a session of an account disabled behind its back (directly in the database) is refused", async () => {
    const u = await makeLoginUser(t.db);
    const token = await loginToken(t.db, u.username, u.password, "10.9.0.1");
    await t.db.user.update({ where: { id: u.id }, data: { disabledAt: new Date() } });
    expect(await resolveSession(t.db, token)).toBeNull();
  });
});
