import type { TAuditHistoryInput, TAuditListInput, TAuditPage, TAuditRow } from "@qt/shared/schemas/audit";
import { TRPCError } from "@trpc/server";
import type { SessionUser } from "../context.ts";
import type { Db } from "../db.ts";
import type { Prisma } from "../generated/prisma/client.ts";

const auditSelect = {
  id: true,
  at: true,
  userId: true,
  username: true,
  action: true,
  entity: true,
  entityId: true,
  before: true,
  after: true,
} satisfies Prisma.AuditEntrySelect;

function toRow(e: Prisma.AuditEntryGetPayload<{ select: typeof auditSelect }>): TAuditRow {
  return { ...e, id: Number(e.id), at: e.at.toISOString() };
}

/** The whole trail, newest first (administrators). */
export async function listAudit(db: Db, input: TAuditListInput): Promise<TAuditPage> {
  const where: Prisma.AuditEntryWhereInput = {
    entity: input.entity,
    entityId: input.entityId,
    userId: input.userId,
  };
  const [total, rows] = await Promise.all([
    db.auditEntry.count({ where }),
    db.auditEntry.findMany({
      where,
      select: auditSelect,
      orderBy: { id: "desc" },
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
    }),
  ]);
  return { total, rows: rows.map(toRow) };
}

/**
 * Entities whose records only administrators may read: accounts (and their logins) and exports
 * (who downloaded what is about people, not about the data). Every other
 * record (sites, cameras, awards, reference data) is readable by anyone logged in, and so is its
 * history.
 */
const ADMIN_ONLY_ENTITIES = new Set(["user", "session", "report"]);

/** The history of one record, oldest first, for anyone who may read the record. */
export async function recordHistory(db: Db, input: TAuditHistoryInput, user: SessionUser): Promise<TAuditRow[]> {
  const ownAccount = input.entity === "user" && input.entityId === String(user.id);
  if (ADMIN_ONLY_ENTITIES.has(input.entity) && user.role !== "admin" && !ownAccount) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Chức năng này chỉ dành cho quản trị viên." });
  }
  const rows = await db.auditEntry.findMany({
    where: { entity: input.entity, entityId: input.entityId },
    select: auditSelect,
    orderBy: { id: "asc" },
    take: 500,
  });
  return rows.map(toRow);
}
