import { TWO_LEVEL_FROM } from "@qt/shared/schemas/units";
import type { Db } from "../../db.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { fieldError } from "./errors.ts";
import { dateOf } from "./fields.ts";

/** A commune-level area resolved for a write, with the (former) district its scope is checked on. */
export type Area = {
  id: number;
  code: string;
  name: string;
  districtId: number;
  districtCode: string;
  districtName: string;
};

/**
 * The area relation of a record: a district-level area (Cồn Cỏ) or a commune and its parent, or
 * (after 01/07/2025) a commune and the abolished district it lies in. The districts' ids come with
 * the row, so the scope check of a stored record needs no second query.
 */
export const areaSelect = {
  select: {
    id: true,
    code: true,
    name: true,
    level: true,
    parent: { select: { id: true, code: true, name: true } },
    formerDistrict: { select: { id: true, code: true, name: true } },
  },
} as const;

/** A unit that may be a record's area, with what picks it among units sharing its code. */
const unitSelect = {
  ...areaSelect.select,
  catalog: true,
  validFrom: true,
  validTo: true,
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
  if (units.length === 0) throw fieldError("areaCode", "area.codeNotFound", { code });
  const areas = units.filter((u) => u.level === "commune" || (u.level === "district" && u._count.children === 0));
  if (areas.length === 0) throw fieldError("areaCode", "area.communeLevel");
  let unit = areas.at(-1);
  if (opts.on) {
    const on = dateOf(opts.on);
    unit = areas.find((u) => (!u.validFrom || on >= u.validFrom) && (!u.validTo || on < u.validTo));
    if (!unit) {
      throw fieldError("areaCode", opts.on >= TWO_LEVEL_FROM ? "area.reorganised2025" : "area.notOnDate");
    }
  } else if (opts.year !== undefined) {
    const start = dateOf(`${opts.year}-01-01`);
    const end = dateOf(`${opts.year + 1}-01-01`);
    const during = areas.filter((u) => (!u.validFrom || u.validFrom < end) && (!u.validTo || u.validTo >= start));
    unit = during.find((u) => u.id === opts.currentId) ?? during.at(-1);
    if (!unit) throw fieldError("areaCode", "area.notInYear");
  }
  if (!unit) throw fieldError("areaCode", "area.codeNotFound", { code });
  const district = unit.formerDistrict ?? (unit.level === "district" ? unit : unit.parent);
  if (!district) throw fieldError("areaCode", "area.noDistrict");
  if (opts.districtCode && opts.districtCode !== district.code) {
    throw fieldError("areaCode", "area.notInDistrict");
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

type Unit = { id: number; code: string; name: string };
export type AreaRow = Unit & { level: string; parent: Unit | null; formerDistrict: Unit | null };

/** The (former) district of a stored record's area: the one its scope and its figures go by. */
export function districtOf(area: AreaRow): Unit {
  return area.formerDistrict ?? (area.level === "district" || !area.parent ? area : area.parent);
}

export function areaFields(area: AreaRow) {
  const district = districtOf(area);
  return { areaCode: area.code, areaName: area.name, districtCode: district.code, districtName: district.name };
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
