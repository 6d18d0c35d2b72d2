import type { Db } from "../../db.ts";
import { appError } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Tx } from "../audit/write.ts";
import { PROVINCE_MERGES } from "../units/province.ts";

/**
 * What a provincial account reaches (decision 051): the units of one province of today — its
 * communes of today and the old provinces merged into it, with their districts and communes, so
 * its history too. Every record lies in one (former) district (records/areas.ts), so the former
 * districts of the province's old provinces decide whether a record is the account's.
 * null: the account reaches every unit of the install (a national account, or a provincial one
 * on an install of that one province, where the two are the same).
 */
export type ProvinceReach = {
  id: number;
  code: string;
  name: string;
  /** The former districts of the old provinces merged into the province. */
  districts: ReadonlySet<number>;
};

type Reader = Db | Tx;
const cache = new WeakMap<object, Map<number, Promise<ProvinceReach | null>>>();

/**
 * The reach of an account scoped to the province of today `provinceId` (null: national), the ONE
 * place a province scope becomes units; read with the session (sessions.ts), so every check of the
 * request is synchronous. Units do not change while a server runs: cached per database.
 */
export function provinceReach(db: Reader, provinceId: number | null): Promise<ProvinceReach | null> {
  if (provinceId === null) return Promise.resolve(null);
  const byId = cache.get(db) ?? new Map<number, Promise<ProvinceReach | null>>();
  cache.set(db, byId);
  let found = byId.get(provinceId);
  if (!found) {
    found = resolveReach(db, provinceId);
    found.catch(() => byId.delete(provinceId));
    byId.set(provinceId, found);
  }
  return found;
}

async function resolveReach(db: Reader, provinceId: number): Promise<ProvinceReach | null> {
  const [unit, provinces] = await Promise.all([
    db.adminUnit.findUnique({ where: { id: provinceId }, select: { id: true, code: true, name: true } }),
    db.adminUnit.count({ where: { level: "province", catalog: "two_level" } }),
  ]);
  // One province installed: the province scope is the whole install (a national account of it).
  if (!unit || provinces <= 1) return null;
  const formerCodes = [...(PROVINCE_MERGES[unit.code] ?? [])];
  const districts = await db.adminUnit.findMany({
    where: { level: "district", catalog: "three_level", parent: { level: "province", code: { in: formerCodes } } },
    select: { id: true },
  });
  return { ...unit, districts: new Set(districts.map((d) => d.id)) };
}

/** Whether a record's place (its former district; null: no area) is within the reach. */
export function withinReach(reach: ProvinceReach | null, place: { districtId: number } | null): boolean {
  return reach === null || (place !== null && reach.districts.has(place.districtId));
}

/** Prisma: an admin_unit within the reach (an area of the old lists or a commune of today); null: no narrowing. */
export function reachUnitWhere(reach: ProvinceReach | null): Prisma.AdminUnitWhereInput | null {
  if (!reach) return null;
  const ids = [...reach.districts];
  return {
    OR: [
      { id: { in: ids } },
      { parentId: { in: ids } },
      { formerDistrictId: { in: ids } },
      { parentId: reach.id, catalog: "two_level" },
    ],
  };
}

/** withinReach, or 403 naming the province the account reaches (decision 051). */
export function assertWithinReach(reach: ProvinceReach | null, place: { districtId: number } | null): void {
  if (!withinReach(reach, place)) throw appError("forbidden", "scope.ownProvince", { province: reach?.name ?? "" });
}

/** What a cached answer read under this reach is kept under, beside its input (dashboard/cache.ts). */
export const reachKey = (reach: ProvinceReach | null) => (reach ? `@${reach.code}` : "");

/**
 * The figures' filter (dashboard, maps, reports and their downloads) as a provincial account may
 * read it, the ONE place it is forced (decision 059): no `provinceCode` → its own province; its own
 * → unchanged; another → 403 `scope.otherProvinceFigures`, nothing read. It works on the input
 * before the schema and the aggregate cache (trpc.ts `figuresProcedure`, http/reports.ts), so the
 * schema's rules still apply and the cache key carries the province. A national account (null
 * reach) is unchanged; anything but an object or nothing is left to the schema to refuse.
 */
export function filterWithinReach(reach: ProvinceReach | null, input: unknown): unknown {
  if (!reach || (input !== undefined && (typeof input !== "object" || input === null || Array.isArray(input)))) {
    return input;
  }
  const asked = (input as { provinceCode?: unknown } | undefined)?.provinceCode;
  if (asked !== undefined && asked !== reach.code) {
    throw appError("forbidden", "scope.otherProvinceFigures", { province: reach.name, code: String(asked) });
  }
  return { ...(input as object | undefined), provinceCode: reach.code };
}
