import { foldVietnamese } from "@qt/shared/domain";
import type { THistoryEntry } from "@qt/shared/schemas/common";
import { TWO_LEVEL_FROM } from "@qt/shared/schemas/units";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { SessionUser } from "../context.ts";
import type { Db } from "../db.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { writeAudit } from "./audit.ts";
import { cachedAggregate } from "./dashboard-cache.ts";

/**
 * What the three record services (sites, cameras, awards) share: field errors in the shape the
 * forms read, area resolution, optimistic-locking conflicts, soft-delete filters and history.
 */

/**
 * BAD_REQUEST carrying a ZodError, so the errorFormatter (server/trpc.ts) sends the message both as
 * the error's message and under data.fieldErrors[path]: a rule checked against the database
 * reaches the form exactly like a schema rule.
 */
export function fieldError(path: string, message: string): TRPCError {
  return fieldErrors([{ path, message }]);
}

export function fieldErrors(issues: { path: string; message: string }[]): TRPCError {
  // Built by a parse rather than `new ZodError(...)`: only parse-made errors are `instanceof Error`,
  // which tRPC needs to keep the cause (and the errorFormatter to find the issues).
  const zod = z
    .any()
    .superRefine((_, ctx) => {
      for (const i of issues) ctx.addIssue({ code: "custom", path: [i.path], message: i.message });
    })
    .safeParse(null).error;
  return new TRPCError({ code: "BAD_REQUEST", message: issues[0]?.message ?? "Dữ liệu không hợp lệ", cause: zod });
}

export const conflictError = () =>
  new TRPCError({
    code: "CONFLICT",
    message: "Bản ghi vừa được người khác thay đổi. Hãy xem lại thay đổi của họ rồi nhập lại sửa đổi của bạn.",
  });

export const notFoundError = (what: string) =>
  new TRPCError({ code: "NOT_FOUND", message: `Không tìm thấy ${what} (có thể đã bị xóa).` });

export type Area = {
  id: number;
  code: string;
  name: string;
  districtId: number;
  districtCode: string;
  districtName: string;
};

/** yyyy-mm-dd → the DATE value Prisma writes (UTC midnight). */
export const dateOf = (iso: string) => new Date(`${iso}T00:00:00Z`);
export const isoOf = (d: Date) => d.toISOString().slice(0, 10);
export const isoOrNull = (d: Date | null) => (d ? isoOf(d) : null);
export const stampOrNull = (d: Date | null) => (d ? d.toISOString() : null);

const unitSelect = {
  id: true,
  code: true,
  name: true,
  level: true,
  catalog: true,
  validFrom: true,
  validTo: true,
  parent: { select: { id: true, code: true, name: true } },
  formerDistrict: { select: { id: true, code: true, name: true } },
  _count: { select: { children: true } },
} as const;

/**
 * The commune-level area with this GSO code: a commune, or a district with no communes (Cồn Cỏ,
 * 471). A code may name an area before 01/07/2025 and another after (the 2025 list reuses codes),
 * so the record's date picks the unit: `on`, the record's day, must fall in the unit's validity;
 * `year` (awards) picks a unit that existed during the year, the record's present area first, then
 * the later list. `districtCode`, when the form sent it, must be the area's (former) district.
 */
export async function resolveArea(
  db: Db,
  code: string,
  opts: { districtCode?: string; on?: string; year?: number; currentId?: number | null } = {},
): Promise<Area> {
  const units = await db.adminUnit.findMany({ where: { code }, select: unitSelect, orderBy: { catalog: "asc" } });
  if (units.length === 0) throw fieldError("areaCode", `Không tìm thấy địa bàn có mã ${code}`);
  const areas = units.filter((u) => u.level === "commune" || (u.level === "district" && u._count.children === 0));
  if (areas.length === 0) throw fieldError("areaCode", "Vui lòng chọn địa bàn cấp xã (xã, phường, thị trấn)");
  let unit = areas.at(-1);
  if (opts.on) {
    const on = dateOf(opts.on);
    unit = areas.find((u) => (!u.validFrom || on >= u.validFrom) && (!u.validTo || on < u.validTo));
    if (!unit) {
      throw fieldError(
        "areaCode",
        opts.on >= TWO_LEVEL_FROM
          ? "Từ 01/07/2025 địa bàn này đã được sắp xếp lại: hãy chọn xã, phường, đặc khu hiện nay"
          : "Địa bàn không còn hoặc chưa tồn tại vào ngày của bản ghi",
      );
    }
  } else if (opts.year !== undefined) {
    const start = dateOf(`${opts.year}-01-01`);
    const end = dateOf(`${opts.year + 1}-01-01`);
    const during = areas.filter((u) => (!u.validFrom || u.validFrom < end) && (!u.validTo || u.validTo >= start));
    unit = during.find((u) => u.id === opts.currentId) ?? during.at(-1);
    if (!unit) throw fieldError("areaCode", "Địa bàn không tồn tại trong năm của bản ghi");
  }
  if (!unit) throw fieldError("areaCode", `Không tìm thấy địa bàn có mã ${code}`);
  const district = unit.formerDistrict ?? (unit.level === "district" ? unit : unit.parent);
  if (!district) throw fieldError("areaCode", "Địa bàn không thuộc huyện nào");
  if (opts.districtCode && opts.districtCode !== district.code) {
    throw fieldError("areaCode", "Xã, phường, thị trấn không thuộc huyện đã chọn");
  }
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    districtId: district.id,
    districtCode: district.code,
    districtName: district.name,
  };
}

/** The (former) district of an area already stored on a record, for the scope check. */
export async function districtIdOfArea(db: Db, areaId: number): Promise<number> {
  const unit = await db.adminUnit.findUniqueOrThrow({
    where: { id: areaId },
    select: { id: true, level: true, parentId: true, formerDistrictId: true },
  });
  return unit.formerDistrictId ?? (unit.level === "district" ? unit.id : (unit.parentId ?? unit.id));
}

/** The columns every record (site, camera installation, award) returns about itself. */
export const recordMetaSelect = {
  id: true,
  version: true,
  isDemo: true,
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
  deleteReason: true,
} as const;

/** The area relation of a record: district-level area (Cồn Cỏ) or a commune and its parent. */
export const areaSelect = {
  select: {
    id: true,
    code: true,
    name: true,
    level: true,
    parent: { select: { code: true, name: true } },
    formerDistrict: { select: { code: true, name: true } },
  },
} as const;

type AreaRow = {
  code: string;
  name: string;
  level: string;
  parent: { code: string; name: string } | null;
  formerDistrict: { code: string; name: string } | null;
};

export function areaFields(area: AreaRow) {
  const district = area.formerDistrict ?? (area.level === "district" || !area.parent ? area : area.parent);
  return { areaCode: area.code, areaName: area.name, districtCode: district.code, districtName: district.name };
}

/** The linked site of a camera installation or an award (its area is the record's own). */
export const linkedSiteSelect = {
  select: { name: true, deletedAt: true, modelType: { select: { name: true } } },
} as const;

type LinkedSiteRow = { name: string; deletedAt: Date | null; modelType: { name: string } } | null;

export function linkedSiteFields(siteId: number | null, site: LinkedSiteRow) {
  return {
    siteId,
    siteName: site?.name ?? null,
    siteModelTypeName: site?.modelType.name ?? null,
    siteRemoved: site?.deletedAt != null,
  };
}

/**
 * A site being linked to a record (or kept linked while the record moves to another area) must
 * exist, be live, and lie in the record's area.
 */
export async function checkLinkedSite(db: Db, siteId: number | null | undefined, area: Pick<Area, "id">) {
  if (!siteId) return;
  const site = await db.site.findUnique({ where: { id: siteId }, select: { areaId: true, deletedAt: true } });
  if (!site) throw fieldError("siteId", "Điểm mô hình không tồn tại");
  if (site.deletedAt) throw fieldError("siteId", "Điểm mô hình đã bị xóa, không gắn được");
  if (site.areaId !== area.id) throw fieldError("siteId", "Điểm mô hình không thuộc địa bàn đã chọn");
}

/** Prisma filter on an `area` relation for the list's district/commune filters. */
export function areaFilter(f: { districtCode?: string; areaCode?: string }): Prisma.AdminUnitWhereInput[] {
  const out: Prisma.AdminUnitWhereInput[] = [];
  if (f.districtCode)
    out.push({
      OR: [
        { code: f.districtCode, level: "district" },
        { parent: { code: f.districtCode, level: "district" } },
        { formerDistrict: { code: f.districtCode } },
      ],
    });
  if (f.areaCode) out.push({ code: f.areaCode });
  return out;
}

/** Deleted rows only for admins who ask; a non-admin asking is refused rather than silently ignored. */
export function deletedFilter(user: SessionUser, includeDeleted?: boolean): { deletedAt?: null } {
  if (!includeDeleted) return { deletedAt: null };
  if (user.role !== "admin") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Chỉ quản trị viên được xem bản ghi đã xóa." });
  }
  return {};
}

export const demoFilter = (demo?: "demo" | "real") => (demo ? { isDemo: demo === "demo" } : {});

/** Words of the query, folded like the searchText column, so "hai lang" finds "Hải Lăng". */
export const searchWords = (search?: string) => (search ? foldVietnamese(search).split(" ").filter(Boolean) : []);

export const pageArgs = (input: { page: number; pageSize: number }) => ({
  skip: (input.page - 1) * input.pageSize,
  take: input.pageSize,
});

/**
 * One page of a record list and the total of its filter. On the embedded database every query
 * waits its turn on one connection, so a page costs what its queries cost together (decision 013):
 * - a page is a function of its input and the data only (the caller matters only for
 *   `includeDeleted`, refused before this point), so it is kept while the data version is unchanged,
 *   as the dashboard's figures are (dashboard-cache.ts); any write to a table it reads drops it;
 * - the count is skipped when the page shows where the list ends (a short page, or an empty first
 *   one), which is most searches.
 * Callers must not mutate what they get back: the same object answers every later call.
 */
export function listPage<W, T>(
  db: Db,
  list: string,
  input: { page: number; pageSize: number },
  read: {
    /** The list's filter, built only when the page is not in the cache. */
    where: () => W | Promise<W>;
    rows: (where: W, page: { skip: number; take: number }) => Promise<T[]>;
    count: (where: W) => Promise<number>;
  },
): Promise<{ items: T[]; total: number }> {
  return cachedAggregate(
    db,
    list,
    input,
    async () => {
      const where = await read.where();
      const page = pageArgs(input);
      const items = await read.rows(where, page);
      const ends = items.length < page.take && (items.length > 0 || page.skip === 0);
      return { items, total: ends ? page.skip + items.length : await read.count(where) };
    },
    "lists",
  );
}

/** Audit fields that change with every write and say nothing to the reader of a history. */
const QUIET = new Set(["version", "updatedAt", "createdAt", "warnings"]);

/** The audit trail of one record, newest first, with the fields each entry changed. */
export async function recordHistory(db: Db, entity: string, id: number): Promise<THistoryEntry[]> {
  const entries = await db.auditEntry.findMany({
    where: { entity, entityId: String(id) },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { id: true, at: true, username: true, action: true, before: true, after: true },
  });
  return entries.map((e) => {
    const before = (e.before ?? {}) as Record<string, unknown>;
    const after = (e.after ?? {}) as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !QUIET.has(k));
    const changes = keys
      .filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
      .map((k) => ({ field: k, before: before[k] ?? null, after: after[k] ?? null }));
    return { id: String(e.id), at: e.at.toISOString(), username: e.username, action: e.action, changes };
  });
}

export const restoreNotDeleted = () =>
  new TRPCError({ code: "BAD_REQUEST", message: "Bản ghi này chưa bị xóa, không cần khôi phục." });

/** The record tables with soft-delete columns, by the name of their Prisma delegate. */
type RecordTable = "site" | "cameraInstallation" | "award";
type SoftDeleteWrite = {
  where: { id: number; version: number; deletedAt?: null };
  data: {
    deletedAt: Date | null;
    deletedById: number | null;
    deleteReason: string | null;
    updatedById: number;
    version: { increment: number };
  };
};

/**
 * Removes (with a reason) or restores a record under optimistic locking, and audits it, in one
 * transaction: the shared second half of sites/cameras/awards remove and restore. `read` reloads
 * the record as the API returns it. A version that moved meanwhile is a CONFLICT.
 */
export async function setRemoved<T extends Record<string, unknown>>(
  db: Db,
  opts: {
    table: RecordTable;
    entity: string;
    id: number;
    version: number;
    /** The removal's reason, or null to restore. */
    remove: { reason: string } | null;
    user: SessionUser;
    before: T;
    read: (tx: Prisma.TransactionClient) => Promise<T>;
  },
): Promise<T> {
  const { remove, user } = opts;
  const write: SoftDeleteWrite = {
    where: { id: opts.id, version: opts.version, ...(remove ? { deletedAt: null } : {}) },
    data: {
      deletedAt: remove ? new Date() : null,
      deletedById: remove ? user.id : null,
      deleteReason: remove ? remove.reason : null,
      updatedById: user.id,
      version: { increment: 1 },
    },
  };
  return db.$transaction(async (tx) => {
    // The three delegates share these columns; their generic signatures do not unify in TypeScript.
    const table = tx[opts.table] as unknown as { updateMany(args: SoftDeleteWrite): Promise<{ count: number }> };
    const { count } = await table.updateMany(write);
    if (count === 0) throw conflictError();
    const after = await opts.read(tx);
    await writeAudit(tx, {
      user,
      action: remove ? "remove" : "restore",
      entity: opts.entity,
      entityId: opts.id,
      before: opts.before,
      after,
    });
    return after;
  });
}
