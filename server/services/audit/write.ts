import type { AuditAction } from "@qt/shared/domain";
import type { Prisma } from "../../generated/prisma/client.ts";

/** A Prisma transaction client (or the client itself): audit entries go in the caller's transaction. */
export type Tx = Prisma.TransactionClient;

export type { AuditAction };

/** JSON-safe copy of a record for the audit trail: BigInt → number, Date → ISO string; secrets dropped. */
export function auditSnapshot(record: Record<string, unknown> | null | undefined): Prisma.InputJsonValue | undefined {
  if (!record) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === "passwordHash" || key === "tokenHash" || key === "searchText") continue;
    out[key] = typeof value === "bigint" ? Number(value) : value instanceof Date ? value.toISOString() : value;
  }
  return out as Prisma.InputJsonValue;
}

/**
 * Appends an audit entry. Call it with the transaction that makes the change, so a change and its
 * entry are written together or not at all. Entries are never updated or deleted (a trigger
 * refuses it).
 */
export async function writeAudit(
  tx: Tx,
  entry: {
    /** Who acted (a SessionUser will do); null for the system. */
    user: { id: number; username: string } | null;
    action: AuditAction;
    entity: string;
    entityId: string | number;
    before?: Record<string, unknown> | null;
    after?: Record<string, unknown> | null;
  },
): Promise<void> {
  await tx.auditEntry.create({
    data: {
      userId: entry.user?.id ?? null,
      username: entry.user?.username ?? "",
      action: entry.action,
      entity: entry.entity,
      entityId: String(entry.entityId),
      before: auditSnapshot(entry.before),
      after: auditSnapshot(entry.after),
    },
  });
}

/**
 * Appends the entries of a bulk write (the import, the demo data) in one statement: one user (null:
 * the system), action and entity; each entry's record as JSON, which PostgreSQL unpacks. The chain
 * trigger (decision 034) links them in order as it links single entries.
 */
export async function writeAuditMany(
  tx: Tx,
  user: { id: number; username: string } | null,
  action: AuditAction,
  entity: string,
  entries: { id: number; before?: Record<string, unknown>; after?: Record<string, unknown> }[],
): Promise<void> {
  if (entries.length === 0) return;
  const json = JSON.stringify(
    entries.map((e) => ({
      id: String(e.id),
      before: auditSnapshot(e.before) ?? null,
      after: auditSnapshot(e.after) ?? null,
    })),
  );
  await tx.$executeRaw`INSERT INTO audit_entry (user_id, username, action, entity, entity_id, "before", "after")
    SELECT ${user?.id ?? null}::int, ${user?.username ?? ""}, ${action}, ${entity}, v.id, v."before", v."after"
    FROM jsonb_to_recordset(${json}::jsonb) AS v(id text, "before" jsonb, "after" jsonb)`;
}
