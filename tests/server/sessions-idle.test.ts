import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../server/http/app.ts";
import { configureSessions, sessionPolicy } from "../../server/services/accounts/sessions.ts";
import { makeLoginUser } from "../fixtures/sessions.ts";
import { createTestDb, type TestDb } from "../support/db.ts";

// Sessions that end (issue 29 item 2), over HTTP with SESSION_IDLE_MINUTES=1: the server's clock is
// moved instead of waiting 75 s.

let t: TestDb;
let app: Awaited<ReturnType<typeof buildApp>>;
let now = new Date("2026-12-07T08:00:00Z").getTime();
const saved = { ...sessionPolicy };
beforeAll(async () => {
  t = await createTestDb("reference");
  configureSessions({ SESSION_IDLE_MINUTES: 1, SESSION_MAX_HOURS: 12, SESSION_MAX_PER_USER: 2 });
  app = await buildApp({ db: t.db, dbKind: t.kind, clock: () => new Date(now) });
}, 60_000);
afterAll(async () => {
  Object.assign(sessionPolicy, saved);
  await app?.close();
  await t.close();
});

const CLIENT = { "x-qt-client": "web", "content-type": "application/json" };
const wait = (seconds: number) => {
  now += seconds * 1000;
};

async function login(u: { username: string; password: string }) {
  // Login writes the session with the database's clock: align the server's clock with it.
  now = Date.now();
  const res = await app.inject({
    method: "POST",
    url: "/api/trpc/auth.login",
    headers: CLIENT,
    payload: JSON.stringify({ username: u.username, password: u.password }),
  });
  expect(res.statusCode).toBe(200);
  const raw = res.headers["set-cookie"];
  return ((Array.isArray(raw) ? raw : [raw ?? ""]).find((c) => c.startsWith("qt_session=")) ?? "").split(";")[0] ?? "";
}
const get = (path: string, cookie: string) =>
  app.inject({ method: "GET", url: `/api/trpc/${path}`, headers: { cookie } });
const post = (path: string, cookie: string, input: unknown) =>
  app.inject({
    method: "POST",
    url: `/api/trpc/${path}`,
    headers: { ...CLIENT, cookie },
    payload: JSON.stringify(input),
  });

describe("session ends", () => {
  it("auth.me answers 401 after 75 s of idleness, not while requests keep coming", async () => {
    const u = await makeLoginUser(t.db, { role: "viewer" });
    const cookie = await login(u);
    wait(50);
    expect((await get("auth.me", cookie)).statusCode).toBe(200);
    wait(55); // 105 s after login, 55 s after the last request
    expect((await get("auth.me", cookie)).statusCode).toBe(200);
    wait(75);
    const res = await get("auth.me", cookie);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: { data: { messageKey: "auth.loginRequired" } } });
    // Ended for good: the session row is gone, coming back does not revive it.
    expect(await t.db.session.count({ where: { userId: u.id } })).toBe(0);
  });

  it("ends at SESSION_MAX_HOURS after login however active", async () => {
    const u = await makeLoginUser(t.db, { role: "viewer" });
    const cookie = await login(u);
    const at = new Date(now + 12 * 60 * 60_000 - 30_000);
    await t.db.session.updateMany({ where: { userId: u.id }, data: { lastSeenAt: at } });
    now = at.getTime() + 10_000;
    expect((await get("auth.me", cookie)).statusCode).toBe(200);
    now = at.getTime() + 31_000;
    expect((await get("auth.me", cookie)).statusCode).toBe(401);
  });

  it("lists one's own sessions, ends one of them, and keeps at most SESSION_MAX_PER_USER", async () => {
    const u = await makeLoginUser(t.db, { role: "editor" });
    const other = await makeLoginUser(t.db, { role: "viewer" });
    const a = await login(u);
    const b = await login(u);
    const list = (await get("auth.sessions", a)).json().result.data as { id: number; current: boolean }[];
    expect(list.map((s) => s.current)).toEqual([false, true]);
    const [bSession] = list;
    // Someone else's session is not found, and stays open.
    const foreign = await login(other);
    const theirs = await t.db.session.findFirst({ where: { userId: other.id }, select: { id: true } });
    const refused = await post("auth.endSession", a, { id: theirs?.id });
    expect(refused.statusCode).toBe(404);
    expect((await get("auth.me", foreign)).statusCode).toBe(200);
    // Ending b from a: b is signed out, a is not.
    expect((await post("auth.endSession", a, { id: bSession?.id })).statusCode).toBe(200);
    expect((await get("auth.me", b)).statusCode).toBe(401);
    expect((await get("auth.me", a)).statusCode).toBe(200);
    // A third sign-in with the cap at 2: the oldest ends.
    const c = await login(u);
    const d = await login(u);
    expect(await t.db.session.count({ where: { userId: u.id } })).toBe(2);
    expect((await get("auth.me", a)).statusCode).toBe(401);
    expect((await get("auth.me", c)).statusCode).toBe(200);
    expect((await get("auth.me", d)).statusCode).toBe(200);
  });
});
