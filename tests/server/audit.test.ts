import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { resolveSession } from "../../server/services/accounts/sessions.ts";
import { sessionFor } from "../fixtures/sessions.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";

let t: TestDb;
let admin: SessionUser;
let viewer: SessionUser;
beforeAll(async () => {
  t = await createTestDb("reference");
  admin = await makeUser(t.db, { role: "admin" });
  viewer = await makeUser(t.db, { role: "viewer" });
}, 60_000);
afterAll(() => t.close());

const as = (user: SessionUser) => createCaller(createContextInner({ db: t.db, user }));

describe("audit trail", () => {
  it("a mutation whose audit entry cannot be written changes nothing (same transaction)", async () => {
    const target = await makeUser(t.db, { role: "viewer" });
    const token = await sessionFor(t.db, target.id);
    // Make the database refuse this one audit entry: the disable must roll back with it.
    await t.db.$executeRawUnsafe(`
      CREATE FUNCTION refuse_disable_audit() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'audit refused for the test'; END; $$ LANGUAGE plpgsql;`);
    await t.db.$executeRawUnsafe(`
      CREATE TRIGGER refuse_disable_audit BEFORE INSERT ON audit_entry
      FOR EACH ROW WHEN (NEW.action = 'disable') EXECUTE FUNCTION refuse_disable_audit();`);
    try {
      await expect(as(admin).users.disable({ id: target.id })).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    } finally {
      await t.db.$executeRawUnsafe("DROP TRIGGER refuse_disable_audit ON audit_entry");
      await t.db.$executeRawUnsafe("DROP FUNCTION refuse_disable_audit()");
    }
    const row = await t.db.user.findUniqueOrThrow({
      where: { id: target.id },
      select: { disabledAt: true, version: true },
    });
    expect(row).toEqual({ disabledAt: null, version: 1 });
    expect(await t.db.session.count({ where: { userId: target.id } })).toBe(1);
    // The session survived the rolled-back disable: it still signs the user in.
    expect((await resolveSession(t.db, token))?.id).toBe(target.id);
  });

  it("a mutation that fails leaves no audit entry", async () => {
    const before = await t.db.auditEntry.count();
    await expect(as(admin).users.update({ id: viewer.id, version: 42, displayName: "Nope" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await t.db.auditEntry.count()).toBe(before);
  });

  it("audit entries cannot be changed or deleted, even with SQL", async () => {
    await as(admin).users.update({ id: viewer.id, version: 1, displayName: "Lãnh đạo tỉnh" });
    const count = await t.db.auditEntry.count();
    // (PGlite's adapter loses the trigger's message, PostgreSQL's keeps it: check the effect.)
    await expect(t.db.$executeRawUnsafe("UPDATE audit_entry SET username = 'someone else'")).rejects.toThrow();
    await expect(t.db.$executeRawUnsafe("DELETE FROM audit_entry")).rejects.toThrow();
    await expect(t.db.auditEntry.deleteMany({})).rejects.toThrow();
    expect(await t.db.auditEntry.count()).toBe(count);
    expect(await t.db.auditEntry.count({ where: { username: "someone else" } })).toBe(0);
  });

  it("audit.list pages the whole trail for admins, newest first, filtered", async () => {
    const page = await as(admin).audit.list({ page: 1, pageSize: 1, entity: "user", entityId: String(viewer.id) });
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({ action: "update", entity: "user", username: admin.username });
    expect(page.rows[0]?.before).toMatchObject({ displayName: `Test ${viewer.username}` });
    const byUser = await as(admin).audit.list({ page: 1, pageSize: 50, userId: admin.id });
    expect(byUser.rows.every((r) => r.userId === admin.id)).toBe(true);
    await expect(as(viewer).audit.list({ page: 1, pageSize: 10 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(admin).audit.list({ page: 0, pageSize: 10 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("audit.history shows a record's history to anyone who may read it; accounts to admins and their owner", async () => {
    const clan = await t.db.modelType.findFirstOrThrow({ where: { category: "clan" }, select: { id: true } });
    const site = await as(admin).sites.create({
      modelTypeId: clan.id,
      areaCode: "19684",
      name: "Dòng họ Lê",
      establishedOn: "2015-03-10",
    });
    const entry = { entity: "site", entityId: String(site.id) };
    const [created] = await as(viewer).audit.history(entry);
    expect(created).toMatchObject({ action: "create", username: admin.username });
    expect(created?.changes).toContainEqual({ field: "name", before: null, after: "Dòng họ Lê" });
    // Bookkeeping is not a change, and a field absent before and null after did not change.
    const fields = created?.changes.map((c) => c.field);
    for (const quiet of ["id", "version", "createdAt", "updatedAt", "deletedAt", "deleteReason"]) {
      expect(fields).not.toContain(quiet);
    }
    // A removed record's history is for admins only, as the record is; an unknown one is not found.
    await as(admin).sites.remove({ id: site.id, version: 1, reason: "nhập nhầm" });
    await expect(as(viewer).audit.history(entry)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const trail = await as(admin).audit.history(entry);
    expect(trail.map((r) => r.action)).toEqual(["create", "remove"]);
    expect(trail[1]?.changes).toContainEqual({ field: "deleteReason", before: null, after: "nhập nhầm" });
    for (const entityId of ["999999", "abc", "99999999999"]) {
      await expect(as(viewer).audit.history({ entity: "award", entityId })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    const own = await as(viewer).audit.history({ entity: "user", entityId: String(viewer.id) });
    expect(own.map((r) => r.action)).toEqual(["update"]);
    await expect(as(viewer).audit.history({ entity: "user", entityId: String(admin.id) })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await as(admin).audit.history({ entity: "user", entityId: String(viewer.id) })).toHaveLength(1);
  });
});
