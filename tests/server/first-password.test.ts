import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextInner } from "../../server/context.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { ensureAdmin } from "../../server/services/accounts/first-admin.ts";
import { callerWithToken, loginToken } from "../fixtures/sessions.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { expectTrpcError } from "./helpers/entry.ts";

/**
 * A password an admin chose is the user's only until they change it (issue 22, item 8): a new
 * account or a reset one signs in, may read who they are, sign out and change the password, and
 * nothing else until then.
 */
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb("reference");
}, 60_000);
afterAll(() => t.close());

const MUST_CHANGE = "Mật khẩu này do quản trị viên đặt: hãy đổi mật khẩu trước khi làm việc.";
const flagOf = async (id: number) =>
  (await t.db.$queryRaw<{ must: boolean }[]>`SELECT must_change_password AS must FROM app_user WHERE id = ${id}`)[0]
    ?.must;

async function adminCaller() {
  return createCaller(createContextInner({ db: t.db, user: await makeUser(t.db, { role: "admin" }) }));
}

describe("a new account", () => {
  it("must change the admin's password before anything else, then works", async () => {
    const admin = await adminCaller();
    const row = await admin.users.create({
      username: "ca.giolinh.moi",
      displayName: "Công an xã Gio Linh",
      password: "Tam-thoi-2026!",
      role: "editor",
      communeCode: "19495",
    });
    expect(row.mustChangePassword).toBe(true);
    expect(await flagOf(row.id)).toBe(true);
    const token = await loginToken(t.db, "ca.giolinh.moi", "Tam-thoi-2026!");
    const { caller } = await callerWithToken(t.db, token);
    expect((await caller.auth.me()).mustChangePassword).toBe(true);
    await expectTrpcError(caller.dashboard.options(), "FORBIDDEN", MUST_CHANGE);
    await expectTrpcError(caller.cameras.list({}), "FORBIDDEN", MUST_CHANGE);
    await expectTrpcError(caller.approvals.status({}), "FORBIDDEN", MUST_CHANGE);

    const { caller: same, cookies } = await callerWithToken(t.db, token);
    await same.auth.changePassword({ currentPassword: "Tam-thoi-2026!", newPassword: "Cua-toi-2026-rieng" });
    expect(await flagOf(row.id)).toBe(false);
    const { caller: after } = await callerWithToken(t.db, cookies.qt_session ?? "");
    expect((await after.auth.me()).mustChangePassword).toBe(false);
    expect((await after.cameras.list({})).items).toBeInstanceOf(Array);
  });

  it("may sign out before changing it", async () => {
    const admin = await adminCaller();
    await admin.users.create({ username: "moi.ra", displayName: "Mới", password: "Tam-thoi-2026!", role: "viewer" });
    const { caller } = await callerWithToken(t.db, await loginToken(t.db, "moi.ra", "Tam-thoi-2026!"));
    expect(await caller.auth.logout()).toEqual({ ok: true });
  });
});

describe("a password an admin reset", () => {
  it("must be changed at the next sign-in", async () => {
    const admin = await adminCaller();
    const row = await admin.users.create({
      username: "quen.mk",
      displayName: "Quên mật khẩu",
      password: "Tam-thoi-2026!",
      role: "viewer",
    });
    await t.db.user.update({ where: { id: row.id }, data: { mustChangePassword: false } });
    const reset = await admin.users.resetPassword({ id: row.id, newPassword: "Dat-lai-2026-moi" });
    expect(reset.mustChangePassword).toBe(true);
    const { caller } = await callerWithToken(t.db, await loginToken(t.db, "quen.mk", "Dat-lai-2026-moi"));
    await expectTrpcError(caller.dashboard.options(), "FORBIDDEN", MUST_CHANGE);
  });
});

describe("accounts that chose their own password", () => {
  it("the first admin (ADMIN_PASSWORD) is not asked to change it", async () => {
    const db = await createTestDb("reference");
    try {
      await ensureAdmin(db.db, { adminPassword: "Admin-cua-toi-2026", dataDir: "/tmp/unused" });
      const { caller } = await callerWithToken(db.db, await loginToken(db.db, "admin", "Admin-cua-toi-2026"));
      expect((await caller.auth.me()).mustChangePassword).toBe(false);
      expect(await caller.users.list()).toHaveLength(1);
    } finally {
      await db.close();
    }
  });
});
