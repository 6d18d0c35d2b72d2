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
        t.db.$transaction(
          (tx) =>
            writeAudit(tx, {
              user: null,
              action: "export",
              entity: "report",
              entityId: i,
              after: { n: i, "ký tự": "ư" },
            }),
          // 12 transactions for the pool's connections: on a loaded machine Prisma's 2 s are short.
          { maxWait: 20_000, timeout: 20_000 },
        ),
      ),
    );
    const total = await count();
    expect(total).toBeGreaterThanOrEqual(13);
    // Each entry links to the previous one on its chain; a chain's first (chain 0's: "") to chain 0's
    // last entry before it (on PostgreSQL the parallel writers take several chains, decision 061).
    const rows = await t.db.$queryRawUnsafe<{ prev: string; hash: string; chain: number }[]>(
      "SELECT prev_hash AS prev, hash, chain::int AS chain FROM audit_entry ORDER BY id",
    );
    const heads = new Map<number, string>();
    for (const r of rows) {
      expect(r.prev).toBe(heads.get(r.chain) ?? (r.chain === 0 ? "" : (heads.get(0) ?? "")));
      heads.set(r.chain, r.hash);
    }
    expect(new Set(rows.map((r) => r.hash)).size).toBe(rows.length);
    const check = await verifyAuditChain(t.db);
    expect(check).toMatchObject({ checked: total, lastHash: rows[rows.length - 1]?.hash, broken: null });
    expect(check.heads.filter((h) => h)).toEqual([...heads.entries()].sort(([a], [b]) => a - b).map(([, h]) => h));
  });

  it("on several chains: an entry removed, put in front, inserted, moved or on no chain is named", async () => {
    // Writers on chains 3 and 5 besides chain 0 (chosen through the trigger's setting, as a second
    // connection's writer would take them, decision 061), each entry in its own transaction.
    const onChain = (chain: number, n: number) =>
      t.db.$transaction(async (tx) => {
        await tx.$queryRawUnsafe(`SELECT set_config('qt.audit_chain', '${chain}', true)`);
        await writeAudit(tx, { user: null, action: "export", entity: "chains", entityId: n, after: { chain } });
      });
    for (const [n, chain] of [0, 3, 5, 3, 0, 5, 3, 5].entries()) await onChain(chain, n);
    const ids = async (chain: number) =>
      (
        await t.db.$queryRawUnsafe<{ id: bigint }[]>(
          `SELECT id FROM audit_entry WHERE entity = 'chains' AND chain = ${chain} ORDER BY id`,
        )
      ).map((r) => Number(r.id));
    const [c3, c5] = [await ids(3), await ids(5)];
    expect(c3).toHaveLength(3);
    const intact = await verifyAuditChain(t.db);
    expect(intact.broken).toBeNull();
    expect(intact.checked).toBe(await count());
    const head = async (chain: number) =>
      (
        await t.db.$queryRawUnsafe<{ hash: string }[]>(
          `SELECT hash FROM audit_entry WHERE chain = ${chain} ORDER BY id DESC LIMIT 1`,
        )
      )[0]?.hash;
    // Each chain's last hash by SQL, "" for a chain never written (on PGlite all but 0, 3 and 5).
    const heads = await Promise.all(Array.from({ length: 16 }, async (_, k) => (await head(k)) ?? ""));
    expect(intact.heads).toEqual(heads);
    expect(heads.filter((h) => h).length).toBeGreaterThanOrEqual(3);
    // A chain's first entry links to chain 0's last entry before it (on PostgreSQL chain 5 may have
    // been started by the parallel writers above).
    const [first5] = await t.db.$queryRawUnsafe<{ prev: string; root: string }[]>(
      `SELECT e.prev_hash AS prev, coalesce((SELECT z.hash FROM audit_entry z WHERE z.chain = 0 AND z.id < e.id ORDER BY z.id DESC LIMIT 1), '') AS root
         FROM audit_entry e WHERE e.id = (SELECT min(id) FROM audit_entry WHERE chain = 5)`,
    );
    expect(first5?.prev).toBe(first5?.root);

    /** Tampers (the chain's trigger off too), checks what verify names, then puts the rows back. */
    const broken = async (sql: string, undo: string) => {
      await t.db.$executeRawUnsafe("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_chain");
      try {
        await tamper(sql);
        return (await verifyAuditChain(t.db)).broken;
      } finally {
        await tamper(undo);
        await t.db.$executeRawUnsafe("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_chain");
      }
    };
    await t.db.$executeRawUnsafe("CREATE TABLE audit_kept (LIKE audit_entry)");
    const cut = async (id: number): Promise<[string, string]> => {
      await t.db.$executeRawUnsafe(`INSERT INTO audit_kept SELECT * FROM audit_entry WHERE id = ${id}`);
      return [
        `DELETE FROM audit_entry WHERE id = ${id}`,
        `INSERT INTO audit_entry SELECT * FROM audit_kept WHERE id = ${id}`,
      ];
    };
    // Removed from the middle of chain 3: the next entry of chain 3 is named, not the next id.
    const [del, put] = await cut(c3[1] as number);
    expect(await broken(del, put)).toEqual({ id: c3[2], reason: "link" });
    // Chain 5's first entry removed: its second no longer starts from chain 0.
    const [delFirst, putFirst] = await cut(c5[0] as number);
    expect(await broken(delFirst, putFirst)).toEqual({ id: c5[1], reason: "link" });
    // An entry inserted into chain 3 before its last, with a hash that matches its own content.
    const forged = (c3[2] as number) - 1;
    expect(await t.db.auditEntry.count({ where: { id: forged } })).toBe(0);
    const at = "'2020-01-01 00:00:00'::timestamp(3)";
    const insert = `INSERT INTO audit_entry (id, at, username, action, entity, entity_id, chain, prev_hash, hash)
       SELECT ${forged}, ${at}, 'x', 'export', 'chains', 'forged', 3, p, encode(sha256(convert_to(p || jsonb_build_array(
         ${forged}::bigint, ${at}, NULL::int, 'x', 'export', 'chains', 'forged', NULL::jsonb, NULL::jsonb)::text, 'UTF8')), 'hex')
       FROM (SELECT hash AS p FROM audit_entry WHERE id = ${c3[1]}) v`;
    expect(await broken(insert, `DELETE FROM audit_entry WHERE id = ${forged}`)).toEqual({ id: c3[2], reason: "link" });
    // On a chain the trigger never writes: named itself.
    expect(
      await broken(
        `UPDATE audit_entry SET chain = 20 WHERE id = ${c5[2]}`,
        `UPDATE audit_entry SET chain = 5 WHERE id = ${c5[2]}`,
      ),
    ).toEqual({ id: c5[2], reason: "link" });
    // Moved from chain 5 to chain 3: named where it lands.
    expect(
      await broken(
        `UPDATE audit_entry SET chain = 3 WHERE id = ${c5[1]}`,
        `UPDATE audit_entry SET chain = 5 WHERE id = ${c5[1]}`,
      ),
    ).toEqual({ id: c5[1], reason: "link" });
    expect((await verifyAuditChain(t.db)).broken).toBeNull();
  });

  // Two connections are needed (on PGlite every transaction waits for the one before, whatever the chain).
  it.runIf(process.env.TEST_DATABASE_URL)(
    "a writer does not wait for another one's open transaction: it takes another chain (decision 061)",
    async () => {
      let release = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let written = () => {};
      const first = new Promise<void>((resolve) => {
        written = resolve;
      });
      const entry = (n: number) => ({ user: null, action: "export" as const, entity: "waits", entityId: n });
      const open = t.db.$transaction(
        async (tx) => {
          await writeAudit(tx, entry(1));
          written();
          await gate;
        },
        { timeout: 20_000 },
      );
      await first;
      const second = t.db.$transaction((tx) => writeAudit(tx, entry(2)), { timeout: 20_000 }).then(() => "written");
      const outcome = await Promise.race([second, new Promise((r) => setTimeout(() => r("waited"), 3000).unref())]);
      release();
      await Promise.all([open, second]);
      expect(outcome).toBe("written");
      const chains = await t.db.$queryRawUnsafe<{ chain: number }[]>(
        "SELECT chain::int AS chain FROM audit_entry WHERE entity = 'waits' ORDER BY id",
      );
      expect(new Set(chains.map((c) => c.chain)).size).toBe(2);
      expect((await verifyAuditChain(t.db)).broken).toBeNull();
    },
    30_000,
  );

  it("an entry whose JSON was changed with SQL is named, and so is the one after a removed entry", async () => {
    // The one after it on its chain (its own chain on PostgreSQL, where writers spread over chains).
    const [victim, next] = await t.db.$queryRawUnsafe<{ id: bigint }[]>(
      `SELECT id FROM audit_entry WHERE chain = (SELECT chain FROM audit_entry WHERE entity = 'report' ORDER BY id LIMIT 1)
         AND id >= (SELECT min(id) FROM audit_entry WHERE entity = 'report') ORDER BY id LIMIT 2`,
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
