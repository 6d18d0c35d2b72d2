import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../server/http/app.ts";
import { totpPolicy } from "../../server/services/accounts/account.ts";
import { configureSessions, sessionPolicy } from "../../server/services/accounts/sessions.ts";
import { hashRecoveryCode, totpCode } from "../../server/services/accounts/totp.ts";
import { makeLoginUser } from "../fixtures/sessions.ts";
import { createTestDb, type TestDb } from "../support/db.ts";

// The second factor (issue 29 item 1) and idle sessions, over HTTP as a browser calls them, with
// SESSION_IDLE_MINUTES=1. Runs on PGlite and, in the PostgreSQL step, on PostgreSQL. The server's
// session clock is moved instead of waiting; TOTP codes are computed from the secret at real time.

let t: TestDb;
let app: Awaited<ReturnType<typeof buildApp>>;
let now = Date.now();
const saved = { ...sessionPolicy };
beforeAll(async () => {
  t = await createTestDb("reference");
  configureSessions({ SESSION_IDLE_MINUTES: 1, SESSION_MAX_HOURS: 12, SESSION_MAX_PER_USER: 0 });
  app = await buildApp({ db: t.db, dbKind: t.kind, clock: () => new Date(now) });
}, 60_000);
afterAll(async () => {
  Object.assign(sessionPolicy, saved);
  totpPolicy.required = [];
  await app?.close();
  await t.close();
});

const CLIENT = { "x-qt-client": "web", "content-type": "application/json" };
const cookieOf = (raw: string | string[] | undefined) =>
  ((Array.isArray(raw) ? raw : [raw ?? ""]).find((c) => c.startsWith("qt_session=")) ?? "").split(";")[0] ?? "";
const post = (path: string, input: unknown, cookie = "", ip = "10.1.1.1") =>
  app.inject({
    method: "POST",
    url: `/api/trpc/${path}`,
    headers: { ...CLIENT, cookie },
    remoteAddress: ip,
    payload: JSON.stringify(input ?? {}),
  });
const get = (path: string, cookie: string) =>
  app.inject({ method: "GET", url: `/api/trpc/${path}`, headers: { cookie } });
const messageKeyOf = (res: { json: () => unknown }) =>
  (res.json() as { error?: { data?: { messageKey?: string } } }).error?.data?.messageKey;

async function signIn(u: { username: string; password: string }, code?: string, ip?: string) {
  now = Date.now();
  const res = await post("auth.login", { username: u.username, password: u.password, code }, "", ip);
  return { res, cookie: cookieOf(res.headers["set-cookie"]) };
}

const at = (secret: string, offsetSeconds: number) => totpCode(secret, new Date(Date.now() + offsetSeconds * 1000));

describe("second factor (TOTP)", () => {
  it("the admin enrols, then signs in with the password and a code; recovery codes work once; idle ends the session", async () => {
    const admin = await makeLoginUser(t.db, { role: "admin" });
    const first = await signIn(admin);
    expect(first.res.statusCode).toBe(200);
    expect(first.res.json().result.data).toMatchObject({ totpEnabled: false, mustEnrolTotp: false });

    const begun = await post("auth.totp.begin", {}, first.cookie);
    expect(begun.statusCode).toBe(200);
    const { secret, uri } = begun.json().result.data as { secret: string; uri: string };
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toMatch(/^otpauth:\/\/totp\/QT-BVANTQ%3Alogin-/);
    expect(new URL(uri).searchParams.get("secret")).toBe(secret);

    // An hour-old code is refused (400), and nothing is enrolled.
    const stale = await post("auth.totp.confirm", { code: at(secret, -3600) }, first.cookie);
    expect(stale.statusCode).toBe(400);
    expect(messageKeyOf(stale)).toBe("auth.badCode");
    expect((await t.db.user.findUniqueOrThrow({ where: { id: admin.id } })).totpEnabledAt).toBeNull();

    const confirmCode = at(secret, 0);
    const confirmed = await post("auth.totp.confirm", { code: confirmCode }, first.cookie);
    expect(confirmed.statusCode).toBe(200);
    const { recoveryCodes } = confirmed.json().result.data as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    // Stored: the secret (never sent again) and only the hashes of the recovery codes.
    const [stored] = await t.db.$queryRaw<{ hashes: string[]; secret: string }[]>`
      SELECT totp_recovery_hashes AS hashes, totp_secret AS secret FROM app_user WHERE id = ${admin.id}`;
    expect(stored?.secret).toBe(secret);
    expect(stored?.hashes.sort()).toEqual(recoveryCodes.map(hashRecoveryCode).sort());
    expect(JSON.stringify(stored?.hashes)).not.toContain(recoveryCodes[0]);
    // A second begin is refused: changing the device goes through an admin.
    expect((await post("auth.totp.begin", {}, first.cookie)).statusCode).toBe(409);
    expect((await get("auth.me", first.cookie)).json().result.data.totpEnabled).toBe(true);
    const enrolled = await t.db.auditEntry.count({ where: { action: "enrol_totp", entityId: String(admin.id) } });
    expect(enrolled).toBe(1);

    // Password alone: 401 auth.codeRequired, no session opened.
    const sessionsBefore = await t.db.session.count({ where: { userId: admin.id } });
    const bare = await signIn(admin);
    expect(bare.res.statusCode).toBe(401);
    expect(messageKeyOf(bare.res)).toBe("auth.codeRequired");
    expect(bare.cookie).toBe("");
    expect(await t.db.session.count({ where: { userId: admin.id } })).toBe(sessionsBefore);
    // A wrong password with a right code is still a wrong password.
    const wrongPassword = await signIn({ ...admin, password: "not-the-password" }, at(secret, 30));
    expect(messageKeyOf(wrongPassword.res)).toBe("auth.badCredentials");

    // The code spent at confirmation does not work again; the next one does.
    const replay = await signIn(admin, confirmCode);
    expect(replay.res.statusCode).toBe(401);
    expect(messageKeyOf(replay.res)).toBe("auth.badCode");
    const good = await signIn(admin, at(secret, 30));
    expect(good.res.statusCode).toBe(200);
    expect(good.cookie).not.toBe("");
    expect((await get("auth.me", good.cookie)).statusCode).toBe(200);

    // A recovery code signs in once (any case, with or without its dash), and never again.
    const recovery = recoveryCodes[3] ?? "";
    const once = await signIn(admin, recovery.toUpperCase().replace("-", " "));
    expect(once.res.statusCode).toBe(200);
    const again = await signIn(admin, recovery);
    expect(again.res.statusCode).toBe(401);
    expect(messageKeyOf(again.res)).toBe("auth.badCode");
    const [left] = await t.db.$queryRaw<{ n: number }[]>`
      SELECT cardinality(totp_recovery_hashes) AS n FROM app_user WHERE id = ${admin.id}`;
    expect(Number(left?.n)).toBe(9);

    // auth.me answers 401 after 75 s of idleness (SESSION_IDLE_MINUTES=1).
    now += 75_000;
    const idle = await get("auth.me", once.cookie);
    expect(idle.statusCode).toBe(401);
    expect(messageKeyOf(idle)).toBe("auth.loginRequired");
  });

  it("counts wrong codes like wrong passwords: the sixth from one address is throttled", async () => {
    const u = await makeLoginUser(t.db, { role: "approver" });
    const { cookie } = await signIn(u, undefined, "10.2.2.2");
    const { secret } = (await post("auth.totp.begin", {}, cookie, "10.2.2.2")).json().result.data;
    expect((await post("auth.totp.confirm", { code: at(secret, 0) }, cookie, "10.2.2.2")).statusCode).toBe(200);
    const wrong = at(secret, -3600);
    for (let i = 0; i < 5; i += 1) {
      const res = await signIn(u, wrong, "10.2.2.2");
      expect(messageKeyOf(res.res)).toBe("auth.badCode");
    }
    const sixth = await signIn(u, at(secret, 30), "10.2.2.2");
    expect(sixth.res.statusCode).toBe(429);
    expect(messageKeyOf(sixth.res)).toBe("auth.throttled");
  });

  it("an admin resets a user's second factor (audited); the user signs in with the password again", async () => {
    const admin = await makeLoginUser(t.db, { role: "admin" });
    const u = await makeLoginUser(t.db, { role: "editor" });
    const mine = await signIn(u, undefined, "10.3.3.3");
    const { secret } = (await post("auth.totp.begin", {}, mine.cookie, "10.3.3.3")).json().result.data;
    await post("auth.totp.confirm", { code: at(secret, 0) }, mine.cookie, "10.3.3.3");
    expect(messageKeyOf((await signIn(u, undefined, "10.3.3.3")).res)).toBe("auth.codeRequired");
    const adminCookie = (await signIn(admin, undefined, "10.3.3.4")).cookie;
    // Not for a non-admin.
    const refused = await post("users.resetTotp", { id: u.id }, mine.cookie, "10.3.3.3");
    expect(refused.statusCode).toBe(403);
    const reset = await post("users.resetTotp", { id: u.id }, adminCookie, "10.3.3.4");
    expect(reset.statusCode).toBe(200);
    expect(reset.json().result.data.totpEnabled).toBe(false);
    const entry = await t.db.auditEntry.findFirst({
      where: { action: "reset_totp", entityId: String(u.id) },
      select: { username: true },
    });
    expect(entry?.username).toBe(admin.username);
    // Every session of the account ended with the reset.
    expect((await get("auth.me", mine.cookie)).statusCode).toBe(401);
    expect((await signIn(u, undefined, "10.3.3.3")).res.statusCode).toBe(200);
  });

  it("REQUIRE_TOTP=admin,approver: until enrolled such an account can only enrol", async () => {
    totpPolicy.required = ["admin", "approver"];
    try {
      const approver = await makeLoginUser(t.db, { role: "approver" });
      const viewer = await makeLoginUser(t.db, { role: "viewer" });
      const a = await signIn(approver, undefined, "10.4.4.4");
      expect(a.res.json().result.data.mustEnrolTotp).toBe(true);
      const refused = await get("dashboard.options", a.cookie);
      expect(refused.statusCode).toBe(403);
      expect(messageKeyOf(refused)).toBe("auth.mustEnrolTotp");
      // A viewer is not concerned.
      const v = await signIn(viewer, undefined, "10.4.4.5");
      expect((await get("dashboard.options", v.cookie)).statusCode).toBe(200);
      // Enrolling opens the rest.
      const { secret } = (await post("auth.totp.begin", {}, a.cookie, "10.4.4.4")).json().result.data;
      expect((await post("auth.totp.confirm", { code: at(secret, 0) }, a.cookie, "10.4.4.4")).statusCode).toBe(200);
      expect((await get("dashboard.options", a.cookie)).statusCode).toBe(200);
    } finally {
      totpPolicy.required = [];
    }
  });
});
