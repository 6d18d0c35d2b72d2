import { describe, expect, it } from "vitest";
import { createContextInner } from "../../server/context.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { verifyAuditChain } from "../../server/services/audit/chain.ts";
import { writeAudit } from "../../server/services/audit/write.ts";
import { createEmptyDb, migrationNames, migrationSql } from "../support/db.ts";
import { fileDatabase } from "../support/file-db.ts";

// The audit log as a hash chain (issue 29 item 1, decision 034): written by the insert trigger,
// recomputed by verifyAuditChain, broken by any SQL edit of an entry's content or removal of one.

const { t, user } = fileDatabase({ from: "reference", role: "admin" });

const count = async () =>
  Number((await t.db.$queryRawUnsafe<{ n: bigint }[]>("SELECT count(*) AS n FROM audit_entry"))[0]?.n);

/** What an intruder with database access does: turns the append-only trigger off, edits, turns it on. */
async function tamper(sql: string) {
  await t.db.$executeRawUnsafe("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_delete");
  try {
    await t.db.$executeRawUnsafe(sql);
  } finally {
    await t.db.$executeRawUnsafe("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update_delete");
  }
}

describe("audit hash chain", () => {
  it("every entry written by the app is chained; the check counts them all", async () => {
    const caller = createCaller(createContextInner({ db: t.db, user: user() }));
    await caller.users.create({
      username: "chain-one",
      displayName: "Chuỗi một",
      password: "Passw0rd-chain-1",
      role: "viewer",
      districtCode: null,
    });
    // Writers in parallel, each in its own transaction: none may link to the same previous entry.
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.db.$transaction((tx) =>
          writeAudit(tx, {
            user: null,
            action: "export",
            entity: "report",
            entityId: i,
            after: { n: i, "ký tự": "ư" },
          }),
        ),
      ),
    );
    const total = await count();
    expect(total).toBeGreaterThanOrEqual(13);
    const rows = await t.db.$queryRawUnsafe<{ prev: string; hash: string }[]>(
      "SELECT prev_hash AS prev, hash FROM audit_entry ORDER BY id",
    );
    expect(rows[0]?.prev).toBe("");
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev).toBe(rows[i - 1]?.hash);
    expect(new Set(rows.map((r) => r.hash)).size).toBe(rows.length);
    const check = await verifyAuditChain(t.db);
    expect(check).toEqual({ checked: total, lastHash: rows[rows.length - 1]?.hash, broken: null });
  });

  it("an entry whose JSON was changed with SQL is named, and so is the one after a removed entry", async () => {
    const [victim, next] = await t.db.$queryRawUnsafe<{ id: bigint }[]>(
      "SELECT id FROM audit_entry WHERE entity = 'report' ORDER BY id LIMIT 2",
    );
    await tamper(`UPDATE audit_entry SET after = '{"n": 99}' WHERE id = ${victim?.id}`);
    const before = await count();
    const found = await verifyAuditChain(t.db);
    const earlier = await t.db.auditEntry.count({ where: { id: { lt: victim?.id } } });
    expect(found.broken).toEqual({ id: Number(victim?.id), reason: "content" });
    expect(found.checked).toBe(earlier);

    // Re-hashing that one entry is not enough: the next entry's link gives it away.
    await tamper(
      `UPDATE audit_entry SET hash = encode(sha256(convert_to(prev_hash || jsonb_build_array(id, at, user_id, username, action, entity, entity_id, before, after)::text, 'UTF8')), 'hex') WHERE id = ${victim?.id}`,
    );
    expect((await verifyAuditChain(t.db)).broken).toEqual({ id: Number(next?.id), reason: "link" });
    await tamper(`DELETE FROM audit_entry WHERE id = ${victim?.id}`);
    expect((await verifyAuditChain(t.db)).broken).toEqual({ id: Number(next?.id), reason: "link" });
    expect(await count()).toBe(before - 1);
  });
});

describe("migration audit_chain", () => {
  it("chains the entries written before it, in id order", async () => {
    const e = await createEmptyDb();
    try {
      const names = migrationNames();
      const at = names.findIndex((n) => n.endsWith("_audit_chain"));
      const sql = migrationSql();
      for (const script of sql.slice(0, at)) await e.exec(script);
      await e.exec(`INSERT INTO audit_entry (username, action, entity, entity_id, after) VALUES
        ('a', 'login', 'user', '1', '{"ip": "10.0.0.1"}'), ('b', 'create', 'site', '7', '{"name": "Mô hình"}'),
        ('', 'login_alert', 'user', '2', NULL)`);
      for (const script of sql.slice(at)) await e.exec(script);
      const db = await e.prisma();
      expect(await verifyAuditChain(db)).toMatchObject({ checked: 3, broken: null });
      await db.$transaction((tx) => writeAudit(tx, { user: null, action: "logout", entity: "user", entityId: 1 }));
      expect(await verifyAuditChain(db)).toMatchObject({ checked: 4, broken: null });
    } finally {
      await e.close();
    }
  }, 60_000);
});
