import { foldVietnamese, searchTextOf } from "@qt/shared/domain";
import type {
  TAward,
  TAwardSaved,
  ZAwardCreateInput,
  ZAwardListInput,
  ZAwardUpdateInput,
} from "@qt/shared/schemas/awards";
import type { TRemoveInput, TWarning } from "@qt/shared/schemas/common";
import { TRPCError } from "@trpc/server";
import type { z } from "zod";
import type { SessionUser } from "../context.ts";
import type { Db } from "../db.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { writeAudit } from "./audit.ts";
import {
  type Area,
  areaFields,
  areaFilter,
  areaSelect,
  checkLinkedSite,
  conflictError,
  deletedFilter,
  demoFilter,
  districtIdOfArea,
  fieldError,
  linkedSiteFields,
  linkedSiteSelect,
  listPage,
  notFoundError,
  recordHistory,
  recordMetaSelect,
  resolveArea,
  restoreNotDeleted,
  searchWords,
  setRemoved,
  stampOrNull,
} from "./records.ts";
import { assertCanWriteInDistrict } from "./scope.ts";

const ENTITY = "award";
const WHAT = "khen thưởng";

const awardSelect = {
  ...recordMetaSelect,
  year: true,
  issuer: true,
  form: true,
  recipientKind: true,
  recipientName: true,
  area: areaSelect,
  siteId: true,
  site: linkedSiteSelect,
  decisionNumber: true,
  notes: true,
} satisfies Prisma.AwardSelect;

type AwardRow = Prisma.AwardGetPayload<{ select: typeof awardSelect }>;

function toAward(r: AwardRow): TAward {
  return {
    id: r.id,
    version: r.version,
    isDemo: r.isDemo,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    deletedAt: stampOrNull(r.deletedAt),
    deleteReason: r.deleteReason,
    year: r.year,
    issuer: r.issuer,
    form: r.form,
    recipientKind: r.recipientKind,
    recipientName: r.recipientName,
    ...(r.area ? areaFields(r.area) : { areaCode: null, areaName: null, districtCode: null, districtName: null }),
    ...linkedSiteFields(r.siteId, r.site),
    decisionNumber: r.decisionNumber,
    notes: r.notes,
  };
}

/**
 * A province-level award (no area) belongs to no district: only province-wide editors and admins
 * may write it, so it is checked as a district no district editor holds.
 */
function assertScope(user: SessionUser, area: Pick<Area, "districtId"> | null) {
  if (area) return assertCanWriteInDistrict(user, area.districtId);
  if (user.role === "editor" && user.districtId !== null) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "Khen thưởng cấp tỉnh chỉ do cán bộ cấp tỉnh cập nhật.",
    });
  }
}

const SORT: Record<string, (dir: "asc" | "desc") => Prisma.AwardOrderByWithRelationInput> = {
  year: (dir) => ({ year: dir }),
  recipientName: (dir) => ({ recipientName: dir }),
  issuer: (dir) => ({ issuer: dir }),
  updatedAt: (dir) => ({ updatedAt: dir }),
};

export async function listAwards(db: Db, input: z.output<typeof ZAwardListInput>, user: SessionUser) {
  // Checked on every call, before the cache: a non-admin asking for deleted rows is refused.
  const deleted = deletedFilter(user, input.includeDeleted);
  const where = (): Prisma.AwardWhereInput => ({
    ...deleted,
    ...demoFilter(input.demo),
    ...(input.issuer ? { issuer: input.issuer } : {}),
    ...(input.form ? { form: input.form } : {}),
    ...(input.recipientKind ? { recipientKind: input.recipientKind } : {}),
    AND: [
      ...areaFilter(input).map((area) => ({ area })),
      ...(input.fromYear ? [{ year: { gte: input.fromYear } }] : []),
      ...(input.toYear ? [{ year: { lte: input.toYear } }] : []),
      ...searchWords(input.search).map((w) => ({ searchText: { contains: w } })),
    ],
  });
  const sort = SORT[input.sort] ?? SORT.year;
  return listPage(db, "awards.list", input, {
    where,
    rows: async (where, page) => {
      const rows = await db.award.findMany({
        where,
        select: awardSelect,
        orderBy: [sort?.(input.dir) ?? {}, { id: input.dir }],
        ...page,
      });
      return rows.map(toAward);
    },
    count: (where) => db.award.count({ where }),
  });
}

/** `withDeleted`: true shows a deleted row to admins; "always" inside a mutation that just deleted it. */
async function findAward(
  db: Db | Prisma.TransactionClient,
  id: number,
  user: SessionUser,
  withDeleted: boolean | "always" = false,
) {
  const row = await db.award.findUnique({ where: { id }, select: awardSelect });
  const visible = withDeleted === "always" || (withDeleted && user.role === "admin");
  if (!row || (row.deletedAt && !visible)) throw notFoundError(WHAT);
  return row;
}

export async function getAward(db: Db, id: number, user: SessionUser): Promise<TAward> {
  return toAward(await findAward(db, id, user, true));
}

/** An award names its area by code and its time by year; see resolveArea. */
async function areaOrNull(
  db: Db,
  code: string | null,
  opts: { year: number; districtCode?: string; currentId?: number },
) {
  return code ? resolveArea(db, code, opts) : null;
}

/** Scope of an award already stored: its area's (former) district, or the province. */
async function assertStoredScope(db: Db, user: SessionUser, area: { id: number } | null) {
  assertScope(user, area ? { districtId: await districtIdOfArea(db, area.id) } : null);
}

/** The linked site, when given, must be live and in the award's area; a province-level award has none. */
async function checkSite(db: Db, siteId: number | null, area: Area | null) {
  if (!siteId) return;
  if (!area) {
    throw fieldError("siteId", "Khen thưởng cấp tỉnh không gắn với điểm mô hình; hãy chọn xã, phường, thị trấn");
  }
  await checkLinkedSite(db, siteId, area);
}

type DupKey = { year: number; issuer: string; form: string; recipientName: string };

/** Same year, issuer, form and recipient (ignoring case and diacritics): likely entered twice. */
async function duplicateWarnings(db: Db, a: DupKey, selfId?: number): Promise<TWarning[]> {
  const same = await db.award.findMany({
    where: {
      year: a.year,
      issuer: a.issuer as TAward["issuer"],
      form: a.form as TAward["form"],
      deletedAt: null,
      ...(selfId ? { id: { not: selfId } } : {}),
    },
    select: { id: true, recipientName: true },
  });
  const ids = same.filter((o) => foldVietnamese(o.recipientName) === foldVietnamese(a.recipientName)).map((o) => o.id);
  if (ids.length === 0) return [];
  return [
    { code: "duplicate", message: "Có thể trùng: đã có khen thưởng cùng năm, cùng hình thức cho người nhận này.", ids },
  ];
}

const searchOf = (a: { recipientName: string; decisionNumber: string; notes: string }, area: Area | null) =>
  searchTextOf([a.recipientName, a.decisionNumber, a.notes, area?.name, area?.districtName]);

export async function createAward(
  db: Db,
  input: z.output<typeof ZAwardCreateInput>,
  user: SessionUser,
): Promise<TAwardSaved> {
  const area = await areaOrNull(db, input.areaCode, { year: input.year, districtCode: input.districtCode });
  assertScope(user, area);
  await checkSite(db, input.siteId, area);
  const warnings = await duplicateWarnings(db, input);
  const out = await db.$transaction(async (tx) => {
    const created = await tx.award.create({
      data: {
        year: input.year,
        issuer: input.issuer,
        form: input.form,
        recipientKind: input.recipientKind,
        recipientName: input.recipientName,
        areaId: area?.id ?? null,
        siteId: input.siteId,
        decisionNumber: input.decisionNumber,
        notes: input.notes,
        searchText: searchOf(input, area),
        createdById: user.id,
        updatedById: user.id,
      },
      select: awardSelect,
    });
    const record = toAward(created);
    await writeAudit(tx, { user, action: "create", entity: ENTITY, entityId: record.id, after: record });
    return record;
  });
  return { ...out, warnings };
}

export async function updateAward(
  db: Db,
  input: z.output<typeof ZAwardUpdateInput>,
  user: SessionUser,
): Promise<TAwardSaved> {
  const current = await findAward(db, input.id, user);
  const before = toAward(current);
  await assertStoredScope(db, user, current.area);
  if (current.version !== input.version) throw conflictError();
  const merged = {
    year: input.year ?? before.year,
    issuer: input.issuer ?? before.issuer,
    form: input.form ?? before.form,
    recipientKind: input.recipientKind ?? before.recipientKind,
    recipientName: input.recipientName ?? before.recipientName,
    siteId: input.siteId !== undefined ? input.siteId : before.siteId,
    decisionNumber: input.decisionNumber ?? before.decisionNumber,
    notes: input.notes ?? before.notes,
  };
  const area = await areaOrNull(db, input.areaCode !== undefined ? input.areaCode : before.areaCode, {
    year: merged.year,
    districtCode: input.districtCode,
    currentId: current.area?.id,
  });
  assertScope(user, area);
  // An unchanged link in an unchanged area is not re-checked: a site removed after it was linked
  // does not block edits of the award's other fields (decision 007).
  if (merged.siteId !== before.siteId || (area?.code ?? null) !== before.areaCode) {
    await checkSite(db, merged.siteId, area);
  }
  const warnings = await duplicateWarnings(db, merged, input.id);
  const out = await db.$transaction(async (tx) => {
    const { count } = await tx.award.updateMany({
      where: { id: input.id, version: input.version, deletedAt: null },
      data: {
        ...merged,
        areaId: area?.id ?? null,
        searchText: searchOf(merged, area),
        updatedById: user.id,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw conflictError();
    const after = toAward(await findAward(tx, input.id, user));
    await writeAudit(tx, { user, action: "update", entity: ENTITY, entityId: input.id, before, after });
    return after;
  });
  return { ...out, warnings };
}

export async function removeAward(db: Db, input: TRemoveInput, user: SessionUser): Promise<TAward> {
  const current = await findAward(db, input.id, user);
  const before = toAward(current);
  await assertStoredScope(db, user, current.area);
  if (current.version !== input.version) throw conflictError();
  return setRemoved(db, {
    table: "award",
    entity: ENTITY,
    id: input.id,
    version: input.version,
    remove: { reason: input.reason },
    user,
    before: before,
    read: async (tx) => toAward(await findAward(tx, input.id, user, "always")),
  });
}

export async function restoreAward(db: Db, id: number, user: SessionUser): Promise<TAward> {
  const current = await findAward(db, id, user, true);
  if (!current.deletedAt) throw restoreNotDeleted();
  return setRemoved(db, {
    table: "award",
    entity: ENTITY,
    id,
    version: current.version,
    remove: null,
    user,
    before: toAward(current),
    read: async (tx) => toAward(await findAward(tx, id, user)),
  });
}

export async function awardHistory(db: Db, id: number, user: SessionUser) {
  await findAward(db, id, user, true);
  return recordHistory(db, ENTITY, id);
}
