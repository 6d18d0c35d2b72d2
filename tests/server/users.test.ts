import { describe, expect, it } from "vitest";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { makeUser } from "../fixtures/users.ts";
import { fileDatabase } from "../support/file-db.ts";
import { expectTrpcError, shownMessage } from "./helpers/entry.ts";

const { t, user: admin } = fileDatabase({ from: "reference", role: "admin" });

const as = (user: SessionUser) => createCaller(createContextInner({ db: t.db, user }));
const auditOf = (id: number) =>
  t.db.auditEntry.findMany({
    where: { entity: "user", entityId: String(id) },
    select: { action: true, userId: true, username: true, before: true, after: true },
    orderBy: { id: "asc" },
  });

describe("user management", () => {
  it("creates a district editor, lists it without any password material, and audits it", async () => {
    const created = await as(admin()).users.create({
      username: "Bien.Tap-HL",
      displayName: "Biên tập Hải Lăng",
      password: "Hai-Lang-2024!",
      role: "editor",
      districtCode: "471",
    });
    expect(created).toMatchObject({ username: "bien.tap-hl", role: "editor", districtCode: "471", disabled: false });
    const list = await as(admin()).users.list();
    expect(list.find((u) => u.id === created.id)?.districtName).toBe("Huyện Cồn Cỏ");
    expect(JSON.stringify(list)).not.toMatch(/argon2|passwordHash|Hai-Lang-2024/);
    const audit = await auditOf(created.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "create", userId: admin().id, username: admin().username });
    expect(JSON.stringify(audit)).not.toMatch(/argon2|passwordHash|Hai-Lang-2024/);
  });

  it("two admins creating one name at once: one account, the other told CONFLICT, never a 500", async () => {
    const base = { displayName: "Cùng lúc", password: "Long-enough-1", role: "viewer" as const, username: "cung.luc" };
    const results = await Promise.allSettled([as(admin()).users.create(base), as(admin()).users.create(base)]);
    const refused = results.filter((r) => r.status === "rejected");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    expect(await t.db.user.count({ where: { username: "cung.luc" } })).toBe(1);
  });

  it("refuses a taken username (CONFLICT), an unknown district and a scope on a non-editor, writing nothing", async () => {
    const before = await t.db.auditEntry.count();
    const users = await t.db.user.count();
    const base = { displayName: "X", password: "Long-enough-1", role: "editor" as const };
    await expect(as(admin()).users.create({ ...base, username: "bien.tap-hl" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Tên đăng nhập đã có người dùng.",
    });
    await expect(
      as(admin()).users.create({ ...base, username: "new-one", districtCode: "19333" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const scoped = await expectTrpcError(
      as(admin()).users.create({ ...base, username: "new-two", role: "viewer", districtCode: "471" }),
      "BAD_REQUEST",
    );
    expect(shownMessage(scoped)).toContain("Chỉ biên tập viên mới được giới hạn theo huyện");
    await expect(as(admin()).users.create({ ...base, username: "new-three", extra: 1 } as never)).rejects.toMatchObject(
      {
        code: "BAD_REQUEST",
      },
    );
    expect(await t.db.auditEntry.count()).toBe(before);
    expect(await t.db.user.count()).toBe(users);
  });

  it("makes approvers (decision 025): the whole province, never a scope", async () => {
    const base = { displayName: "Lãnh đạo Phòng", password: "Long-enough-1", role: "approver" as const };
    const created = await as(admin()).users.create({ ...base, username: "phe-duyet" });
    expect(created).toMatchObject({
      role: "approver",
      districtCode: null,
      communeCode: null,
      scope: { kind: "province" },
    });
    const approverScoped = await expectTrpcError(
      as(admin()).users.create({ ...base, username: "phe-duyet-2", districtCode: "471" }),
      "BAD_REQUEST",
    );
    expect(shownMessage(approverScoped)).toContain("Chỉ biên tập viên mới được giới hạn theo huyện");
  });

  it("updates role and scope with optimistic versions, recording before and after", async () => {
    const u = await as(admin()).users.create({
      username: "viewer-to-editor",
      displayName: "Lãnh đạo",
      password: "Long-enough-1",
      role: "viewer",
    });
    const updated = await as(admin()).users.update({
      id: u.id,
      version: u.version,
      role: "editor",
      districtCode: "464",
    });
    expect(updated).toMatchObject({ role: "editor", districtCode: "464", version: u.version + 1 });
    await expect(
      as(admin()).users.update({ id: u.id, version: u.version, displayName: "Stale" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    // Back to viewer: the district scope goes with the editor role.
    const back = await as(admin()).users.update({ id: u.id, version: updated.version, role: "viewer" });
    expect(back).toMatchObject({ role: "viewer", districtCode: null });
    const audit = await auditOf(u.id);
    expect(audit.map((a) => a.action)).toEqual(["create", "update", "update"]);
    expect(audit[1]?.before).toMatchObject({ role: "viewer", districtCode: null });
    expect(audit[1]?.after).toMatchObject({ role: "editor", districtCode: "464" });
    await expect(as(admin()).users.update({ id: 999_999, version: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("an admin cannot lock themself out", async () => {
    await expect(as(admin()).users.disable({ id: admin().id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const me = (await as(admin()).users.list()).find((u) => u.id === admin().id);
    await expect(
      as(admin()).users.update({ id: admin().id, version: me?.version ?? 1, role: "viewer" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("disables an account once; the row stays for the audit trail", async () => {
    const u = await makeUser(t.db, { role: "viewer" });
    const disabled = await as(admin()).users.disable({ id: u.id });
    expect(disabled.disabled).toBe(true);
    await as(admin()).users.disable({ id: u.id });
    expect((await auditOf(u.id)).map((a) => a.action)).toEqual(["disable"]);
    await expect(as(admin()).users.disable({ id: 999_999 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
