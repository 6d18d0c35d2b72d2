import type { Db } from "../../db.ts";
import { DAY, repeatEvery } from "../../repeat.ts";

/**
 * The audit log's hash chains (decision 034, 16 chains since decision 061). The insert trigger
 * (migrations audit_chain, audit_chains) puts each entry on a chain no other writer holds, sets its
 * `prev_hash` to the previous entry's `hash` on that chain (a chain's first entry, but chain 0's:
 * chain 0's last hash at that moment) and its `hash` to SHA-256 of that and the entry's content;
 * this recomputes both from the rows, with its own copy of the content expression rather than the
 * database's function, which whoever could rewrite rows could rewrite too.
 */
const CONTENT = `jsonb_build_array(id, at, user_id, username, action, entity, entity_id, before, after)::text`;
const BATCH = 5000;
/** The number of chains the trigger writes (its `chains`): an entry on any other is not the trigger's. */
export const AUDIT_CHAINS = 16;

export type ChainBreak = {
  /** The first entry that does not match. */
  id: number;
  /** "content": its hash is not that of its content; "link": its prev_hash is not the previous entry's hash on its chain. */
  reason: "content" | "link";
};
export type ChainCheck = {
  checked: number;
  /** The hash of the last entry checked (by id). */
  lastHash: string;
  /** Each chain's last hash ("" for a chain not used yet): what the daily log line anchors. */
  heads: string[];
  broken: ChainBreak | null;
};

type Row = { id: bigint; chain: number; prevHash: string; hash: string; computed: string };

/**
 * Walks the whole log in id order, in batches, keeping each chain's last hash; stops at the first
 * entry that does not match. An entry links to its chain's previous entry; a chain's first entry
 * (chain 0's: "") to chain 0's last entry before it, so an entry removed from, inserted into or put
 * in front of any chain is found, as an edited one is.
 */
export async function verifyAuditChain(db: Db): Promise<ChainCheck> {
  const heads: (string | null)[] = Array(AUDIT_CHAINS).fill(null);
  let last = "";
  let after = 0n;
  let checked = 0;
  const result = (broken: ChainBreak | null): ChainCheck => ({
    checked,
    lastHash: last,
    heads: heads.map((h) => h ?? ""),
    broken,
  });
  for (;;) {
    const rows = await db.$queryRawUnsafe<Row[]>(
      `SELECT id, chain::int AS chain, prev_hash AS "prevHash", hash,
              encode(sha256(convert_to(prev_hash || ${CONTENT}, 'UTF8')), 'hex') AS computed
         FROM audit_entry WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
      after,
    );
    for (const r of rows) {
      const id = Number(r.id);
      const known = r.chain >= 0 && r.chain < AUDIT_CHAINS;
      const expected = known ? (heads[r.chain] ?? (r.chain === 0 ? "" : (heads[0] ?? ""))) : null;
      if (r.prevHash !== expected) return result({ id, reason: "link" });
      if (r.hash !== r.computed) return result({ id, reason: "content" });
      heads[r.chain] = r.hash;
      last = r.hash;
      checked += 1;
    }
    if (rows.length < BATCH) return result(null);
    after = rows[rows.length - 1]?.id ?? after;
  }
}

/**
 * Checks the chain a few minutes after start and then daily. A break is logged at error level
 * with the entry's id, and raises an admin alert: an `audit_alert` entry (it goes on the chain,
 * after the break) that the audit screen lists. An intact log logs each chain's last hash, so a copy
 * of the server's log anchors the chains outside the database: a chain rewritten or cut short by
 * someone with database access ends in a hash no log ever printed. Returns the stop function.
 */
export function scheduleDailyAuditCheck(
  db: Db,
  log: { info: (o: object, m: string) => void; error: (o: object, m: string) => void },
  opts: { firstAfterMs?: number; everyMs?: number; keepYears?: number } = {},
): () => void {
  let alerted: number | null = null;
  const tick = async () => {
    try {
      const check = await verifyAuditChain(db);
      if (!check.broken) {
        log.info(
          { checked: check.checked, lastHash: check.lastHash, heads: check.heads, keepYears: opts.keepYears },
          "audit log chain intact",
        );
        return;
      }
      log.error(
        { brokenAt: check.broken.id, reason: check.broken.reason, checkedBefore: check.checked },
        "AUDIT LOG TAMPERED: the hash chain is broken (nhật ký kiểm tra bị sửa)",
      );
      if (alerted === check.broken.id) return;
      alerted = check.broken.id;
      await db.auditEntry.create({
        data: {
          username: "",
          action: "audit_alert",
          entity: "audit_entry",
          entityId: String(check.broken.id),
          after: { reason: check.broken.reason, checkedBefore: check.checked },
        },
      });
    } catch (err) {
      log.error({ err }, "audit log check failed");
    }
  };
  return repeatEvery(tick, opts.firstAfterMs ?? 5 * 60_000, opts.everyMs ?? DAY);
}
