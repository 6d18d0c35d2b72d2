import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextInner } from "../../server/context.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";

// Issue 29: an admin anonymises a person's name across award records (counts kept, audited), and
// an audit-chain break raised by the daily check is a banner admins see until each closes it.

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb("reference");
}, 60_000);
afterAll(async () => t?.close());

const as = (user: Awaited<ReturnType<typeof makeUser>>) => createCaller(createContextInner({ db: t.db, user }));

describe("personalData.anonymise", () => {
  it("replaces the name on every award that carries it, keeps every record, and audits without the name", async () => {
    const admin = await makeUser(t.db, { role: "admin" });
    const area = await t.db.adminUnit.findFirstOrThrow({ where: { level: "commune", catalog: "three_level" } });
    const award = (recipientName: string, year: number) =>
      as(admin).awards.create({
        year,
        issuer: "provincial_police",
        form: "certificate",
        recipientKind: "individual",
        recipientName,
        areaCode: area.code,
      });
    const a = await award("Nguyễn Văn Tèo", 2019);
    const b = await award("nguyễn  văn tèo", 2021);
    const other = await award("Trần Thị Lan", 2021);
    await as(admin).awards.remove({ id: b.id, version: b.version, reason: "Nhập trùng" });
    const countBefore = await t.db.award.count();

    const done = await as(admin).personalData.anonymise({ name: " Nguyễn Văn Tèo " });
    expect(done.records).toBe(2);
    expect(done.pseudonym).toMatch(/^Ẩn danh [0-9A-F]{6}$/);
    // Counted by SQL: no record lost, no award still names him, the other untouched.
    expect(await t.db.award.count()).toBe(countBefore);
    const [left] = await t.db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM award WHERE lower(recipient_name) LIKE '%tèo%' OR search_text LIKE '%teo%'`;
    expect(Number(left?.n)).toBe(0);
    const rows = await t.db.award.findMany({ where: { id: { in: [a.id, b.id, other.id] } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.recipientName)).toEqual([done.pseudonym, done.pseudonym, "Trần Thị Lan"]);
    const entries = await t.db.auditEntry.findMany({ where: { action: "anonymise" }, orderBy: { id: "asc" } });
    expect(entries.map((e) => e.entityId)).toEqual([String(a.id), String(b.id)]);
    expect(JSON.stringify(entries.map((e) => [e.before, e.after]))).not.toMatch(/tèo/i);
    // Not for an approver; a name no award carries changes nothing.
    const approver = await makeUser(t.db, { role: "approver" });
    await expect(as(approver).personalData.anonymise({ name: "Trần Thị Lan" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await as(admin).personalData.anonymise({ name: "Không Có Ai" })).records).toBe(0);
  });
});

describe("audit.alerts", () => {
  it("shows a chain break to every admin until each closes it (closing is audited)", async () => {
    const admin = await makeUser(t.db, { role: "admin" });
    const other = await makeUser(t.db, { role: "admin" });
    expect(await as(admin).audit.alerts()).toEqual([]);
    // What the daily check writes on a break (services/audit/chain.ts).
    const alert = await t.db.auditEntry.create({
      data: {
        username: "",
        action: "audit_alert",
        entity: "audit_entry",
        entityId: "42",
        after: { reason: "content" },
      },
    });
    const shown = await as(admin).audit.alerts();
    expect(shown).toEqual([{ id: Number(alert.id), at: alert.at.toISOString(), brokenAt: "42", reason: "content" }]);
    await as(admin).audit.acknowledgeAlert({ id: Number(alert.id) });
    expect(await as(admin).audit.alerts()).toEqual([]);
    expect(await as(other).audit.alerts()).toHaveLength(1);
    expect(await t.db.auditEntry.count({ where: { action: "acknowledge_alert", userId: admin.id } })).toBe(1);
    const editor = await makeUser(t.db, { role: "editor" });
    await expect(as(editor).audit.alerts()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
