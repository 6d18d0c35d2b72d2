import type {
  TAuditHistoryInput,
  TAuditListInput,
  TAuditPage,
  TAuditRow,
  TFieldChange,
} from "@qt/shared/schemas/audit";
import type { SessionUser } from "../context.ts";
import type { Db } from "../db.ts";
import { appError } from "../errors.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { awards } from "./awards.ts";
import { cameras } from "./cameras.ts";
import { sites } from "./sites.ts";

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

/**
 * Bookkeeping that changes with every write and says nothing to the reader of a history, or ids
 * whose readable form is recorded next to them (districtId → districtCode).
 */
const QUIET = new Set(["id", "version", "updatedAt", "createdAt", "warnings", "districtId", "passwordChangedAt"]);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The fields that differ between an entry's before and after snapshots; absent and null are alike. */
export function changesOf(before: unknown, after: unknown): TFieldChange[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !QUIET.has(k));
  return keys
    .filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null))
    .map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }));
}

function toRow(e: Prisma.AuditEntryGetPayload<{ select: typeof auditSelect }>): TAuditRow {
  return { ...e, id: Number(e.id), at: e.at.toISOString(), changes: changesOf(e.before, e.after) };
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

/** The record kinds: their history is read by whoever may read the record (`get`'s rule). */
const RECORD_KINDS = [sites, cameras, awards];

/** The history of one record, oldest first, for anyone who may read the record. */
export async function recordHistory(db: Db, input: TAuditHistoryInput, user: SessionUser): Promise<TAuditRow[]> {
  const ownAccount = input.entity === "user" && input.entityId === String(user.id);
  if (ADMIN_ONLY_ENTITIES.has(input.entity) && user.role !== "admin" && !ownAccount) {
    throw appError("FORBIDDEN", "role.adminOnly");
  }
  const kind = RECORD_KINDS.find((k) => k.kind.entity === input.entity);
  // A deleted record's history is the admins', as the record is; an id that is no record is not found.
  if (kind) await kind.get(db, /^\d{1,9}$/.test(input.entityId) ? Number(input.entityId) : 0, user);
  const rows = await db.auditEntry.findMany({
    where: { entity: input.entity, entityId: input.entityId },
    select: auditSelect,
    orderBy: { id: "asc" },
    take: 500,
  });
  return rows.map(toRow);
}
