import type { MessageKey, MessageParams } from "@qt/shared/messages/index";
import type { TUserScope } from "@qt/shared/schemas/scope";
import { appError } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Tx } from "../audit/write.ts";
import { provinceReach } from "./province-scope.ts";

/** The columns of an account's scope, read with the account (sessions, the accounts screen). */
export const scopeSelect = {
  districtId: true,
  communeId: true,
  provinceId: true,
  province: { select: { code: true, name: true } },
  district: { select: { code: true, name: true } },
  commune: { select: { code: true, name: true, formerDistrict: { select: { code: true, name: true } } } },
} as const satisfies Prisma.UserSelect;

type ScopeRow = Prisma.UserGetPayload<{ select: typeof scopeSelect }>;

/** The scope of an account as the API names it (decision 021). */
export function scopeOf(u: ScopeRow): TUserScope {
  if (u.commune) {
    // Every commune of today lies on one former district's land (the seed checks it).
    const former = u.commune.formerDistrict ?? { code: "", name: "" };
    const { code, name } = u.commune;
    return { kind: "commune", code, name, formerDistrictCode: former.code, formerDistrictName: former.name };
  }
  if (u.district) return { kind: "district", code: u.district.code, name: u.district.name };
  return { kind: "province" };
}

const badScope = (key: MessageKey, params: MessageParams = {}) => appError("invalid", key, params);

/** The provinces of today of the install, which an account may be scoped to (the users screen's picker). */
export function scopeProvinces(tx: Tx) {
  return tx.adminUnit.findMany({
    where: { level: "province", catalog: "two_level" },
    select: { id: true, code: true, name: true },
    orderBy: { code: "asc" },
  });
}

/**
 * The province of today an account is scoped to (decision 051), from its code: one of the install's
 * provinces of today, else 400 listing them; null = national.
 */
export async function provinceIdOf(tx: Tx, code: string | null): Promise<number | null> {
  if (code === null) return null;
  const provinces = await scopeProvinces(tx);
  const found = provinces.find((p) => p.code === code);
  if (!found) throw badScope("userScope.noProvince", { code, codes: provinces.map((p) => p.code).join(", ") });
  return found.id;
}

/**
 * The ids an editor's scope is stored as, from the codes an admin chose: a district of either old
 * province, or a commune of the 01/07/2025 list. A code of the other list is refused, never mapped
 * (codes are reused: 19495 was Thị trấn Gio Linh and is now Xã Gio Linh). Inside a province scope
 * (`provinceId`) the district or commune must lie in that province: a scope only narrows.
 */
export async function scopeIds(
  tx: Tx,
  codes: { districtCode?: string | null; communeCode?: string | null },
  provinceId: number | null = null,
): Promise<{ districtId: number | null; communeId: number | null }> {
  const ids = await unitIds(tx, codes);
  const reach = await provinceReach(tx, provinceId);
  if (!reach || (ids.districtId === null && ids.communeId === null)) return ids;
  const unit = await tx.adminUnit.findUniqueOrThrow({
    where: { id: ids.districtId ?? ids.communeId ?? 0 },
    select: { id: true, parentId: true, formerDistrictId: true },
  });
  const inside =
    ids.districtId !== null
      ? reach.districts.has(unit.id)
      : unit.parentId === reach.id || (unit.formerDistrictId !== null && reach.districts.has(unit.formerDistrictId));
  if (!inside) throw badScope("userScope.outsideProvince", { province: reach.name });
  return ids;
}

async function unitIds(
  tx: Tx,
  codes: { districtCode?: string | null; communeCode?: string | null },
): Promise<{ districtId: number | null; communeId: number | null }> {
  if (codes.districtCode && codes.communeCode) {
    throw badScope("userScope.both");
  }
  if (codes.communeCode) {
    const code = codes.communeCode;
    const units = await tx.adminUnit.findMany({ where: { code }, select: { id: true, catalog: true, level: true } });
    const current = units.find((u) => u.catalog === "two_level" && u.level === "commune");
    if (current) return { districtId: null, communeId: current.id };
    if (units.length > 0) {
      throw badScope("userScope.oldListOnly", { code });
    }
    throw badScope("userScope.noCommune", { code });
  }
  if (codes.districtCode) {
    const unit = await tx.adminUnit.findFirst({
      where: { code: codes.districtCode, level: "district", catalog: "three_level" },
      select: { id: true },
    });
    if (!unit) throw badScope("userScope.noDistrict");
    return { districtId: unit.id, communeId: null };
  }
  return { districtId: null, communeId: null };
}
