import type {
  TAuditHistoryInput,
  TAuditListInput,
  TAuditPage,
  TAuditRow,
  TFieldChange,
} from "@qt/shared/schemas/audit";
import type { SessionUser } from "../../context.ts";
import type { Db } from "../../db.ts";
import { appError } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { NAMES_AUDIT_ENTITY } from "../accounts/personal-data.ts";
import type { ProvinceReach } from "../accounts/province-scope.ts";
import { awards } from "../records/kinds/award.ts";
import { cameras } from "../records/kinds/camera.ts";
import { sites } from "../records/kinds/site.ts";

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
const QUIET = new Set([
  ...["id", "version", "updatedAt", "createdAt", "warnings", "districtId", "communeId", "passwordChangedAt"],
  // Names that follow their code (the history shows the code's change by these names), and
  // whether the linked site was removed since: another record's change, not this entry's.
  ...["areaName", "districtName", "modelTypeCode", "modelTypeName", "siteName", "siteModelTypeName", "siteRemoved"],
  // An approval's unit by name (decision 025), beside its code.
  "unitName",
  // Follows the area: its change is the area's.
  "currentCommuneCode",
]);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A snapshot's value, with absent and empty text read as none (a new record's empty notes are no change). */
const noneIfEmpty = (v: unknown) => (v === undefined || v === "" ? null : v);

/** The fields that differ between an entry's before and after snapshots. */
export function changesOf(before: unknown, after: unknown): TFieldChange[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !QUIET.has(k));
  return keys
    .filter((k) => JSON.stringify(noneIfEmpty(b[k])) !== JSON.stringify(noneIfEmpty(a[k])))
    .map((field) => ({ field, before: noneIfEmpty(b[field]), after: noneIfEmpty(a[field]) }));
}

type Entry = Prisma.AuditEntryGetPayload<{ select: typeof auditSelect }>;

function toRow(e: Entry, names: Record<string, string>): TAuditRow {
  return { ...e, id: Number(e.id), at: e.at.toISOString(), changes: changesOf(e.before, e.after), names };
}

/** District codes an entry names without their names: an account's scope, an export's districts. */
function districtCodesOf(e: Entry): string[] {
  const codes: string[] = [];
  for (const side of [e.before, e.after]) {
    if (!isRecord(side) || side.districtName !== undefined) continue;
    if (typeof side.districtCode === "string") codes.push(side.districtCode);
    if (Array.isArray(side.districtCodes)) codes.push(...side.districtCodes.filter((c) => typeof c === "string"));
  }
  return codes;
}

/**
 * The entries as rows, each with the names of the districts and accounts it names by code or id:
 * two queries for a whole page, whatever its length.
 */
async function toRows(db: Db, entries: Entry[]): Promise<TAuditRow[]> {
  const codes = [...new Set(entries.flatMap(districtCodesOf))];
  const userIds = [...new Set(entries.filter((e) => e.entity === "user").map((e) => Number(e.entityId)))].filter(
    (id) => Number.isInteger(id) && id > 0 && id < 2 ** 31,
  );
  const [districts, users] = await Promise.all([
    codes.length
      ? db.adminUnit.findMany({ where: { code: { in: codes }, level: "district" }, select: { code: true, name: true } })
      : [],
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, username: true } }) : [],
  ]);
  const district = new Map(districts.map((d) => [d.code, d.name]));
  const username = new Map(users.map((u) => [String(u.id), u.username]));
  return entries.map((e) => {
    const names: Record<string, string> = {};
    for (const code of districtCodesOf(e)) {
      const name = district.get(code);
      if (name) names[code] = name;
    }
    const user = e.entity === "user" ? username.get(e.entityId) : undefined;
    if (user) names[`user:${e.entityId}`] = user;
    return toRow(e, names);
  });
}

/**
 * The accounts whose entries a provincial admin reads (decision 059): its province's accounts;
 * null for a national admin (every entry).
 */
export async function reachAccounts(db: Db, reach: ProvinceReach | null): Promise<number[] | null> {
  if (!reach) return null;
  return (await db.user.findMany({ where: { provinceId: reach.id }, select: { id: true } })).map((u) => u.id);
}

/** The whole trail, newest first (administrators). */
export async function listAudit(db: Db, input: TAuditListInput, reach: ProvinceReach | null): Promise<TAuditPage> {
  // A provincial admin reads the entries of its province's accounts only (decision 059).
  const own = (await reachAccounts(db, reach))?.filter((id) => input.userId === undefined || id === input.userId);
  const where: Prisma.AuditEntryWhereInput = {
    entity: input.entity,
    entityId: input.entityId,
    userId: own ? { in: own } : input.userId,
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
  return { total, rows: await toRows(db, rows) };
}

/**
 * Entities whose records only administrators may read: accounts (and their logins) and exports
 * (who downloaded what is about people, not about the data). Every other
 * record (sites, cameras, awards, reference data) is readable by anyone logged in, and so is its
 * history.
 */
const ADMIN_ONLY_ENTITIES = new Set(["user", "session", "report", NAMES_AUDIT_ENTITY]);

/** The record kinds: their history is read by whoever may read the record (`get`'s rule). */
const RECORD_KINDS = [sites, cameras, awards];

/** The history of one record, oldest first, for anyone who may read the record. */
export async function recordHistory(db: Db, input: TAuditHistoryInput, user: SessionUser): Promise<TAuditRow[]> {
  const ownAccount = input.entity === "user" && input.entityId === String(user.id);
  if (ADMIN_ONLY_ENTITIES.has(input.entity) && user.role !== "admin" && !ownAccount) {
    throw appError("forbidden", "role.adminOnly");
  }
  const kind = RECORD_KINDS.find((k) => k.kind.entity === input.entity);
  // A deleted record's history is the admins', as the record is; an id that is no record is not found.
  const shown = kind ? await kind.get(db, /^\d{1,9}$/.test(input.entityId) ? Number(input.entityId) : 0, user) : null;
  const rows = await db.auditEntry.findMany({
    where: { entity: input.entity, entityId: input.entityId },
    select: auditSelect,
    orderBy: { id: "asc" },
    take: 500,
  });
  const out = await toRows(db, rows);
  // A recipient's name the reader may not see on the record is not shown in its history either.
  return shown && "nameHidden" in shown && shown.nameHidden ? out.map(withoutRecipientName) : out;
}

function withoutRecipientName(row: TAuditRow): TAuditRow {
  const blank = (side: unknown) =>
    isRecord(side) && "recipientName" in side ? { ...side, recipientName: null } : side;
  return {
    ...row,
    before: blank(row.before),
    after: blank(row.after),
    changes: row.changes.map((c) => (c.field === "recipientName" ? { ...c, before: null, after: null } : c)),
  };
}
