import type { Db } from "../../db.ts";
import { DAY, repeatEvery } from "../../repeat.ts";

/**
 * The audit log's hash chain (decision 034). The insert trigger (migration audit_chain) sets each
 * entry's `prev_hash` to the previous entry's `hash` and its `hash` to SHA-256 of that and the
 * entry's content; this recomputes both from the rows, with its own copy of the content
 * expression rather than the database's function, which whoever could rewrite rows could rewrite too.
 */
const CONTENT = `jsonb_build_array(id, at, user_id, username, action, entity, entity_id, before, after)::text`;
const BATCH = 5000;

export type ChainBreak = {
  /** The first entry that does not match. */
  id: number;
  /** "content": its hash is not that of its content; "link": its prev_hash is not the previous entry's hash. */
  reason: "content" | "link";
};
export type ChainCheck = { checked: number; lastHash: string; broken: ChainBreak | null };

type Row = { id: bigint; prevHash: string; hash: string; computed: string };

/** Walks the whole log in id order, in batches; stops at the first entry that does not match. */
export async function verifyAuditChain(db: Db): Promise<ChainCheck> {
  let previous = "";
  let after = 0n;
  let checked = 0;
  for (;;) {
    const rows = await db.$queryRawUnsafe<Row[]>(
      `SELECT id, prev_hash AS "prevHash", hash,
              encode(sha256(convert_to(prev_hash || ${CONTENT}, 'UTF8')), 'hex') AS computed
         FROM audit_entry WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
      after,
    );
    for (const r of rows) {
      const id = Number(r.id);
      if (r.prevHash !== previous) return { checked, lastHash: previous, broken: { id, reason: "link" } };
      if (r.hash !== r.computed) return { checked, lastHash: previous, broken: { id, reason: "content" } };
      previous = r.hash;
      checked += 1;
    }
    if (rows.length < BATCH) return { checked, lastHash: previous, broken: null };
    after = rows[rows.length - 1]?.id ?? after;
  }
}

/**
 * Checks the chain a few minutes after start and then daily. A break is logged at error level
 * with the entry's id, and raises an admin alert: an `audit_alert` entry (it goes on the chain,
 * after the break) that the audit screen lists. An intact log logs its last hash, so a copy of the
 * server's log anchors the chain outside the database: a chain rewritten from the start by someone
 * with database access ends in a hash no log ever printed. Returns the stop function.
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
          { checked: check.checked, lastHash: check.lastHash, keepYears: opts.keepYears },
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
