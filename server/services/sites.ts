import { foldVietnamese, searchTextOf } from "@qt/shared/domain";
import type { TRemoveInput, TWarning } from "@qt/shared/schemas/common";
import {
  siteRuleIssues,
  type TSite,
  type TSiteSaved,
  type ZSiteCreateInput,
  type ZSiteListInput,
  type ZSiteUpdateInput,
} from "@qt/shared/schemas/sites";
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
  conflictError,
  dateOf,
  deletedFilter,
  demoFilter,
  districtIdOfArea,
  fieldError,
  fieldErrors,
  isoOf,
  isoOrNull,
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

const ENTITY = "site";
const WHAT = "điểm mô hình";

const siteSelect = {
  ...recordMetaSelect,
  modelTypeId: true,
  modelType: { select: { code: true, name: true, category: true } },
  area: areaSelect,
  name: true,
  host: true,
  establishedOn: true,
  status: true,
  statusChangedOn: true,
  religion: true,
  households: true,
  members: true,
  notes: true,
} satisfies Prisma.SiteSelect;

type SiteRow = Prisma.SiteGetPayload<{ select: typeof siteSelect }>;

function toSite(r: SiteRow): TSite {
  return {
    id: r.id,
    version: r.version,
    isDemo: r.isDemo,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    deletedAt: stampOrNull(r.deletedAt),
    deleteReason: r.deleteReason,
    modelTypeId: r.modelTypeId,
    modelTypeCode: r.modelType.code,
    modelTypeName: r.modelType.name,
    category: r.modelType.category,
    ...areaFields(r.area),
    name: r.name,
    host: r.host,
    establishedOn: isoOf(r.establishedOn),
    status: r.status,
    statusChangedOn: isoOrNull(r.statusChangedOn),
    religion: r.religion,
    households: r.households,
    members: r.members,
    notes: r.notes,
  };
}

const SORT: Record<string, (dir: "asc" | "desc") => Prisma.SiteOrderByWithRelationInput> = {
  establishedOn: (dir) => ({ establishedOn: dir }),
  name: (dir) => ({ name: dir }),
  area: (dir) => ({ area: { name: dir } }),
  modelType: (dir) => ({ modelType: { name: dir } }),
  updatedAt: (dir) => ({ updatedAt: dir }),
};

export async function listSites(db: Db, input: z.output<typeof ZSiteListInput>, user: SessionUser) {
  // Checked on every call, before the cache: a non-admin asking for deleted rows is refused.
  const deleted = deletedFilter(user, input.includeDeleted);
  const sort = SORT[input.sort] ?? SORT.establishedOn;
  return listPage(db, "sites.list", input, {
    where: () => siteListWhere(db, input, deleted),
    rows: async (where, page) => {
      const rows = await db.site.findMany({
        where,
        select: siteSelect,
        orderBy: [sort?.(input.dir) ?? {}, { id: input.dir }],
        ...page,
      });
      return rows.map(toSite);
    },
    count: (where) => db.site.count({ where }),
  });
}

async function siteListWhere(
  db: Db,
  input: z.output<typeof ZSiteListInput>,
  deleted: { deletedAt?: null },
): Promise<Prisma.SiteWhereInput> {
  const words = searchWords(input.search);
  // Model-type names are not in searchText (renaming a type would leave it stale), so a word also
  // matches the sites of every type whose folded name contains it: "dong ho" finds clan models.
  // The catalogue is read only when there is something to match.
  const types = words.length > 0 ? await db.modelType.findMany({ select: { id: true, name: true } }) : [];
  return {
    ...deleted,
    ...demoFilter(input.demo),
    ...(input.modelTypeId ? { modelTypeId: input.modelTypeId } : {}),
    ...(input.status ? { status: input.status } : {}),
    AND: [
      ...areaFilter(input).map((area) => ({ area })),
      ...(input.category ? [{ modelType: { category: input.category } }] : []),
      ...(input.fromYear ? [{ establishedOn: { gte: new Date(Date.UTC(input.fromYear, 0, 1)) } }] : []),
      ...(input.toYear ? [{ establishedOn: { lt: new Date(Date.UTC(input.toYear + 1, 0, 1)) } }] : []),
      ...words.map((w) => ({
        OR: [
          { searchText: { contains: w } },
          { modelTypeId: { in: types.filter((t) => foldVietnamese(t.name).includes(w)).map((t) => t.id) } },
        ],
      })),
    ],
  };
}

/** `withDeleted`: true shows a deleted row to admins; "always" inside a mutation that just deleted it. */
async function findSite(
  db: Db | Prisma.TransactionClient,
  id: number,
  user: SessionUser,
  withDeleted: boolean | "always" = false,
) {
  const row = await db.site.findUnique({ where: { id }, select: { ...siteSelect, areaId: true } });
  const visible = withDeleted === "always" || (withDeleted && user.role === "admin");
  if (!row || (row.deletedAt && !visible)) throw notFoundError(WHAT);
  return row;
}

export async function getSite(db: Db, id: number, user: SessionUser): Promise<TSite> {
  return toSite(await findSite(db, id, user, true));
}

async function requireModelType(db: Db, id: number) {
  const type = await db.modelType.findFirst({
    where: { id, deletedAt: null },
    select: { id: true, name: true, category: true },
  });
  if (!type) throw fieldError("modelTypeId", "Loại mô hình không tồn tại");
  return type;
}

/** Same model type, same area, same name (ignoring case and diacritics): likely entered twice. */
async function duplicateWarnings(
  db: Db,
  s: { modelTypeId: number; areaId: number; name: string },
  selfId?: number,
): Promise<TWarning[]> {
  const same = await db.site.findMany({
    where: {
      modelTypeId: s.modelTypeId,
      areaId: s.areaId,
      deletedAt: null,
      ...(selfId ? { id: { not: selfId } } : {}),
    },
    select: { id: true, name: true },
  });
  const ids = same.filter((o) => foldVietnamese(o.name) === foldVietnamese(s.name)).map((o) => o.id);
  if (ids.length === 0) return [];
  return [
    {
      code: "duplicate",
      message: "Có thể trùng: địa bàn này đã có điểm cùng loại mô hình và cùng tên.",
      ids,
    },
  ];
}

const searchOf = (s: { name: string; host: string; notes: string }, area: Pick<Area, "name" | "districtName">) =>
  searchTextOf([s.name, s.host, s.notes, area.name, area.districtName]);

export async function createSite(
  db: Db,
  input: z.output<typeof ZSiteCreateInput>,
  user: SessionUser,
): Promise<TSiteSaved> {
  const type = await requireModelType(db, input.modelTypeId);
  const area = await resolveArea(db, input.areaCode, { districtCode: input.districtCode, on: input.establishedOn });
  assertCanWriteInDistrict(user, area.districtId);
  const issues = siteRuleIssues(input, type.category);
  if (issues.length > 0) throw fieldErrors(issues);
  const warnings = await duplicateWarnings(db, { modelTypeId: type.id, areaId: area.id, name: input.name });
  const site = await db.$transaction(async (tx) => {
    const created = await tx.site.create({
      data: {
        modelTypeId: type.id,
        areaId: area.id,
        name: input.name,
        host: input.host,
        establishedOn: dateOf(input.establishedOn),
        status: input.status,
        statusChangedOn: input.statusChangedOn ? dateOf(input.statusChangedOn) : null,
        religion: input.religion,
        households: input.households,
        members: input.members,
        notes: input.notes,
        searchText: searchOf(input, area),
        createdById: user.id,
        updatedById: user.id,
      },
      select: siteSelect,
    });
    const out = toSite(created);
    await writeAudit(tx, { user, action: "create", entity: ENTITY, entityId: out.id, after: out });
    return out;
  });
  return { ...site, warnings };
}

/**
 * A site moved to another area would leave the installations and awards linked to it in the old
 * one, which the link rule forbids (checkLinkedSite): the user unlinks or moves those first.
 */
async function assertNoLinksElsewhere(db: Db, siteId: number, areaId: number) {
  const elsewhere = { siteId, deletedAt: null, NOT: { areaId } };
  const [cameras, awards] = await Promise.all([
    db.cameraInstallation.count({ where: elsewhere }),
    db.award.count({ where: elsewhere }),
  ]);
  if (cameras + awards > 0) {
    throw fieldError(
      "areaCode",
      `Điểm mô hình đang gắn với ${cameras} đợt lắp đặt camera và ${awards} khen thưởng ở địa bàn hiện tại; hãy bỏ liên kết hoặc chuyển các bản ghi đó trước khi đổi địa bàn`,
    );
  }
}

export async function updateSite(
  db: Db,
  input: z.output<typeof ZSiteUpdateInput>,
  user: SessionUser,
): Promise<TSiteSaved> {
  const current = await findSite(db, input.id, user);
  assertCanWriteInDistrict(user, await districtIdOfArea(db, current.area.id));
  if (current.version !== input.version) throw conflictError();
  const before = toSite(current);
  const type = await requireModelType(db, input.modelTypeId ?? current.modelTypeId);
  const merged = {
    name: input.name ?? before.name,
    host: input.host ?? before.host,
    notes: input.notes ?? before.notes,
    establishedOn: input.establishedOn ?? before.establishedOn,
    status: input.status ?? before.status,
    statusChangedOn: input.statusChangedOn !== undefined ? input.statusChangedOn : before.statusChangedOn,
    religion: input.religion !== undefined ? input.religion : before.religion,
    households: input.households !== undefined ? input.households : before.households,
    members: input.members !== undefined ? input.members : before.members,
  };
  const area = await resolveArea(db, input.areaCode ?? before.areaCode, {
    districtCode: input.districtCode,
    on: merged.establishedOn,
  });
  assertCanWriteInDistrict(user, area.districtId);
  const issues = siteRuleIssues(merged, type.category);
  if (issues.length > 0) throw fieldErrors(issues);
  if (area.id !== current.areaId) await assertNoLinksElsewhere(db, input.id, area.id);
  const warnings = await duplicateWarnings(db, { modelTypeId: type.id, areaId: area.id, name: merged.name }, input.id);
  const site = await db.$transaction(async (tx) => {
    const { count } = await tx.site.updateMany({
      where: { id: input.id, version: input.version, deletedAt: null },
      data: {
        ...merged,
        modelTypeId: type.id,
        areaId: area.id,
        establishedOn: dateOf(merged.establishedOn),
        statusChangedOn: merged.statusChangedOn ? dateOf(merged.statusChangedOn) : null,
        searchText: searchOf(merged, area),
        updatedById: user.id,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw conflictError();
    const after = toSite(await findSite(tx, input.id, user));
    await writeAudit(tx, { user, action: "update", entity: ENTITY, entityId: input.id, before, after });
    return after;
  });
  return { ...site, warnings };
}

export async function removeSite(db: Db, input: TRemoveInput, user: SessionUser): Promise<TSite> {
  const current = await findSite(db, input.id, user);
  assertCanWriteInDistrict(user, await districtIdOfArea(db, current.area.id));
  if (current.version !== input.version) throw conflictError();
  return setRemoved(db, {
    table: "site",
    entity: ENTITY,
    id: input.id,
    version: input.version,
    remove: { reason: input.reason },
    user,
    before: toSite(current),
    read: async (tx) => toSite(await findSite(tx, input.id, user, "always")),
  });
}

export async function restoreSite(db: Db, id: number, user: SessionUser): Promise<TSite> {
  const current = await findSite(db, id, user, true);
  if (!current.deletedAt) throw restoreNotDeleted();
  return setRemoved(db, {
    table: "site",
    entity: ENTITY,
    id,
    version: current.version,
    remove: null,
    user,
    before: toSite(current),
    read: async (tx) => toSite(await findSite(tx, id, user)),
  });
}

export async function siteHistory(db: Db, id: number, user: SessionUser) {
  await findSite(db, id, user, true);
  return recordHistory(db, ENTITY, id);
}
