import { Prisma } from "../../generated/prisma/client.ts";
import { auditSnapshot } from "../audit/write.ts";

type Tx = Prisma.TransactionClient;

/**
 * Bulk writes for the import: one statement per chunk, its rows in one JSON parameter, which
 * PostgreSQL unpacks (jsonb_populate_recordset / jsonb_to_recordset). Prisma's createMany sends
 * one parameter per cell, which on the embedded database costs more than the insert itself
 * (decision 024). Only the writing is here; what is written comes from the record kinds.
 */

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A column value as JSON: DATE columns as yyyy-mm-dd, bigint as text (PostgreSQL reads both). */
function jsonValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "bigint") return v.toString();
  return v;
}

/**
 * Inserts rows (Prisma field names, as a kind's `data` gives them; every column name is its field
 * name in snake case, as the schema maps them) into `table`; returns the new ids in row order.
 */
export async function insertRecords(tx: Tx, table: string, rows: Record<string, unknown>[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const fields = Object.keys(rows[0] as object).filter((k) => (rows[0] as Record<string, unknown>)[k] !== undefined);
  const json = JSON.stringify(
    rows.map((r) => Object.fromEntries(fields.map((f) => [snake(f), jsonValue(r[f] ?? null)]))),
  );
  const cols = Prisma.raw(fields.map((f) => `"${snake(f)}"`).join(", "));
  const name = Prisma.raw(`"${table}"`);
  // WITH ORDINALITY + ORDER BY: rows are inserted, and their ids returned, in the order given.
  const out = await tx.$queryRaw<{ id: number }[]>`INSERT INTO ${name} (${cols}, updated_at)
    SELECT ${cols}, now() FROM jsonb_populate_recordset(NULL::${name}, ${json}::jsonb) WITH ORDINALITY AS v
    ORDER BY v.ordinality RETURNING id`;
  return out.map((r) => r.id);
}

/** Appends audit entries (the audit_entry table is append-only) for one user, action and entity. */
export async function insertAudit(
  tx: Tx,
  user: { id: number; username: string },
  action: string,
  entity: string,
  entries: { id: number; before?: Record<string, unknown>; after?: Record<string, unknown> }[],
) {
  if (entries.length === 0) return;
  const json = JSON.stringify(
    entries.map((e) => ({
      id: String(e.id),
      before: auditSnapshot(e.before) ?? null,
      after: auditSnapshot(e.after) ?? null,
    })),
  );
  await tx.$executeRaw`INSERT INTO audit_entry (user_id, username, action, entity, entity_id, "before", "after")
    SELECT ${user.id}, ${user.username}, ${action}, ${entity}, v.id, v."before", v."after"
    FROM jsonb_to_recordset(${json}::jsonb) AS v(id text, "before" jsonb, "after" jsonb)`;
}

/** Which record each written row of a batch created. */
export async function insertLinks(tx: Tx, batchId: number, links: { row: number; recordId: number }[]) {
  const json = JSON.stringify(links);
  await tx.$executeRaw`INSERT INTO import_record (batch_id, "row", record_id)
    SELECT ${batchId}, v."row", v."recordId" FROM jsonb_to_recordset(${json}::jsonb) AS v("row" int, "recordId" int)`;
}
