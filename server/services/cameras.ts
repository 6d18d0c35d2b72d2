import { searchTextOf } from "@qt/shared/domain";
import type {
  TCamera,
  TCameraSaved,
  ZCameraCreateInput,
  ZCameraListInput,
  ZCameraUpdateInput,
} from "@qt/shared/schemas/cameras";
import type { TRemoveInput, TWarning } from "@qt/shared/schemas/common";
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
  dateOf,
  deletedFilter,
  demoFilter,
  districtIdOfArea,
  isoOf,
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

const ENTITY = "camera_installation";
const WHAT = "đợt lắp đặt camera";

const cameraSelect = {
  ...recordMetaSelect,
  area: areaSelect,
  installedOn: true,
  cameras: true,
  recorders: true,
  memoryCards: true,
  costVnd: true,
  fundingSource: true,
  siteId: true,
  site: linkedSiteSelect,
  notes: true,
} satisfies Prisma.CameraInstallationSelect;

type CameraRow = Prisma.CameraInstallationGetPayload<{ select: typeof cameraSelect }>;

function toCamera(r: CameraRow): TCamera {
  return {
    id: r.id,
    version: r.version,
    isDemo: r.isDemo,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    deletedAt: stampOrNull(r.deletedAt),
    deleteReason: r.deleteReason,
    ...areaFields(r.area),
    installedOn: isoOf(r.installedOn),
    cameras: r.cameras,
    recorders: r.recorders,
    memoryCards: r.memoryCards,
    // Capped at 100 billion by the schema: exact as a JS number.
    costVnd: Number(r.costVnd),
    fundingSource: r.fundingSource,
    ...linkedSiteFields(r.siteId, r.site),
    notes: r.notes,
  };
}

const SORT: Record<string, (dir: "asc" | "desc") => Prisma.CameraInstallationOrderByWithRelationInput> = {
  installedOn: (dir) => ({ installedOn: dir }),
  cameras: (dir) => ({ cameras: dir }),
  costVnd: (dir) => ({ costVnd: dir }),
  area: (dir) => ({ area: { name: dir } }),
  updatedAt: (dir) => ({ updatedAt: dir }),
};

export async function listCameras(db: Db, input: z.output<typeof ZCameraListInput>, user: SessionUser) {
  // Checked on every call, before the cache: a non-admin asking for deleted rows is refused.
  const deleted = deletedFilter(user, input.includeDeleted);
  const where = (): Prisma.CameraInstallationWhereInput => ({
    ...deleted,
    ...demoFilter(input.demo),
    ...(input.fundingSource ? { fundingSource: input.fundingSource } : {}),
    AND: [
      ...areaFilter(input).map((area) => ({ area })),
      ...(input.fromYear ? [{ installedOn: { gte: new Date(Date.UTC(input.fromYear, 0, 1)) } }] : []),
      ...(input.toYear ? [{ installedOn: { lt: new Date(Date.UTC(input.toYear + 1, 0, 1)) } }] : []),
      ...searchWords(input.search).map((w) => ({ searchText: { contains: w } })),
    ],
  });
  const sort = SORT[input.sort] ?? SORT.installedOn;
  return listPage(db, "cameras.list", input, {
    where,
    rows: async (where, page) => {
      const rows = await db.cameraInstallation.findMany({
        where,
        select: cameraSelect,
        orderBy: [sort?.(input.dir) ?? {}, { id: input.dir }],
        ...page,
      });
      return rows.map(toCamera);
    },
    count: (where) => db.cameraInstallation.count({ where }),
  });
}

/** `withDeleted`: true shows a deleted row to admins; "always" inside a mutation that just deleted it. */
async function findCamera(
  db: Db | Prisma.TransactionClient,
  id: number,
  user: SessionUser,
  withDeleted: boolean | "always" = false,
) {
  const row = await db.cameraInstallation.findUnique({ where: { id }, select: cameraSelect });
  const visible = withDeleted === "always" || (withDeleted && user.role === "admin");
  if (!row || (row.deletedAt && !visible)) throw notFoundError(WHAT);
  return row;
}

export async function getCamera(db: Db, id: number, user: SessionUser): Promise<TCamera> {
  return toCamera(await findCamera(db, id, user, true));
}

/** Same area, same installation date: probably the same batch entered twice. */
async function duplicateWarnings(db: Db, areaId: number, installedOn: string, selfId?: number): Promise<TWarning[]> {
  const same = await db.cameraInstallation.findMany({
    where: { areaId, installedOn: dateOf(installedOn), deletedAt: null, ...(selfId ? { id: { not: selfId } } : {}) },
    select: { id: true },
  });
  if (same.length === 0) return [];
  return [
    {
      code: "duplicate",
      message: "Có thể trùng: địa bàn này đã có đợt lắp đặt camera cùng ngày.",
      ids: same.map((s) => s.id),
    },
  ];
}

const searchOf = (notes: string, area: Area) => searchTextOf([notes, area.name, area.districtName]);

export async function createCamera(
  db: Db,
  input: z.output<typeof ZCameraCreateInput>,
  user: SessionUser,
): Promise<TCameraSaved> {
  const area = await resolveArea(db, input.areaCode, { districtCode: input.districtCode, on: input.installedOn });
  assertCanWriteInDistrict(user, area.districtId);
  await checkLinkedSite(db, input.siteId, area);
  const warnings = await duplicateWarnings(db, area.id, input.installedOn);
  const out = await db.$transaction(async (tx) => {
    const created = await tx.cameraInstallation.create({
      data: {
        areaId: area.id,
        siteId: input.siteId ?? null,
        installedOn: dateOf(input.installedOn),
        cameras: input.cameras,
        recorders: input.recorders,
        memoryCards: input.memoryCards,
        costVnd: BigInt(input.costVnd),
        fundingSource: input.fundingSource,
        notes: input.notes,
        searchText: searchOf(input.notes, area),
        createdById: user.id,
        updatedById: user.id,
      },
      select: cameraSelect,
    });
    const record = toCamera(created);
    await writeAudit(tx, { user, action: "create", entity: ENTITY, entityId: record.id, after: record });
    return record;
  });
  return { ...out, warnings };
}

export async function updateCamera(
  db: Db,
  input: z.output<typeof ZCameraUpdateInput>,
  user: SessionUser,
): Promise<TCameraSaved> {
  const current = await findCamera(db, input.id, user);
  assertCanWriteInDistrict(user, await districtIdOfArea(db, current.area.id));
  if (current.version !== input.version) throw conflictError();
  const before = toCamera(current);
  const merged = {
    installedOn: input.installedOn ?? before.installedOn,
    cameras: input.cameras ?? before.cameras,
    recorders: input.recorders ?? before.recorders,
    memoryCards: input.memoryCards ?? before.memoryCards,
    costVnd: input.costVnd ?? before.costVnd,
    fundingSource: input.fundingSource ?? before.fundingSource,
    siteId: input.siteId !== undefined ? input.siteId : before.siteId,
    notes: input.notes ?? before.notes,
  };
  const area = await resolveArea(db, input.areaCode ?? before.areaCode, {
    districtCode: input.districtCode,
    on: merged.installedOn,
  });
  assertCanWriteInDistrict(user, area.districtId);
  // An unchanged link in an unchanged area is not re-checked: a site removed after it was linked
  // does not block edits of the installation's other fields (decision 007).
  if (merged.siteId !== before.siteId || area.code !== before.areaCode) {
    await checkLinkedSite(db, merged.siteId, area);
  }
  const warnings = await duplicateWarnings(db, area.id, merged.installedOn, input.id);
  const out = await db.$transaction(async (tx) => {
    const { count } = await tx.cameraInstallation.updateMany({
      where: { id: input.id, version: input.version, deletedAt: null },
      data: {
        ...merged,
        areaId: area.id,
        installedOn: dateOf(merged.installedOn),
        costVnd: BigInt(merged.costVnd),
        searchText: searchOf(merged.notes, area),
        updatedById: user.id,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw conflictError();
    const after = toCamera(await findCamera(tx, input.id, user));
    await writeAudit(tx, { user, action: "update", entity: ENTITY, entityId: input.id, before, after });
    return after;
  });
  return { ...out, warnings };
}

export async function removeCamera(db: Db, input: TRemoveInput, user: SessionUser): Promise<TCamera> {
  const current = await findCamera(db, input.id, user);
  assertCanWriteInDistrict(user, await districtIdOfArea(db, current.area.id));
  if (current.version !== input.version) throw conflictError();
  return setRemoved(db, {
    table: "cameraInstallation",
    entity: ENTITY,
    id: input.id,
    version: input.version,
    remove: { reason: input.reason },
    user,
    before: toCamera(current),
    read: async (tx) => toCamera(await findCamera(tx, input.id, user, "always")),
  });
}

export async function restoreCamera(db: Db, id: number, user: SessionUser): Promise<TCamera> {
  const current = await findCamera(db, id, user, true);
  if (!current.deletedAt) throw restoreNotDeleted();
  return setRemoved(db, {
    table: "cameraInstallation",
    entity: ENTITY,
    id,
    version: current.version,
    remove: null,
    user,
    before: toCamera(current),
    read: async (tx) => toCamera(await findCamera(tx, id, user)),
  });
}

export async function cameraHistory(db: Db, id: number, user: SessionUser) {
  await findCamera(db, id, user, true);
  return recordHistory(db, ENTITY, id);
}
