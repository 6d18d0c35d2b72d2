import type { MessageKey } from "@qt/shared/messages/index";
import { TWO_LEVEL_FROM } from "@qt/shared/schemas/units";
import { formerUnitName } from "@qt/shared/unit-names";
import type { Db } from "../../db.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { isArea, validOn } from "../units/area-sql.ts";
import { fieldError } from "./errors.ts";
import { dateOf } from "./fields.ts";

/**
 * A commune-level area resolved for a write, with what its scope is checked on: the (former)
 * district, and the commune of today that took it over (itself for a commune of today).
 */
export type Area = {
  id: number;
  code: string;
  name: string;
  districtId: number;
  districtCode: string;
  districtName: string;
  communeId: number | null;
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
    catalog: true,
    parent: { select: { id: true, code: true, name: true } },
    formerDistrict: { select: { id: true, code: true, name: true } },
    successor: { select: { id: true, code: true } },
  },
} as const;

/** A unit that may be a record's area, as `unitsOfCode` reads it. */
type UnitOfCode = AreaRow & { validFrom: Date | null; validTo: Date | null; isArea: boolean };

type Ref = { id: number; code: string; name: string };
const refOf = (id: number | null, code: string | null, name: string | null): Ref | null =>
  id === null ? null : { id, code: code ?? "", name: name ?? "" };

/**
 * The units with this code, the older list first, with their parent, former district and
 * successor, and whether each is a commune-level area: one statement (Prisma's nested select sends
 * one per relation, and every record write starts here).
 */
async function unitsOfCode(db: Db, code: string): Promise<UnitOfCode[]> {
  const rows = await db.$queryRaw<
    {
      id: number;
      code: string;
      name: string;
      level: string;
      catalog: string;
      validFrom: Date | null;
      validTo: Date | null;
      isArea: boolean;
      pId: number | null;
      pCode: string | null;
      pName: string | null;
      fId: number | null;
      fCode: string | null;
      fName: string | null;
      sId: number | null;
      sCode: string | null;
    }[]
  >`SELECT a.id, a.code, a.name, a.level::text AS level, a.catalog::text AS catalog,
           a.valid_from AS "validFrom", a.valid_to AS "validTo", ${isArea} AS "isArea",
           p.id AS "pId", p.code AS "pCode", p.name AS "pName",
           f.id AS "fId", f.code AS "fCode", f.name AS "fName", s.id AS "sId", s.code AS "sCode"
      FROM admin_unit a
      LEFT JOIN admin_unit p ON p.id = a.parent_id
      LEFT JOIN admin_unit f ON f.id = a.former_district_id
      LEFT JOIN admin_unit s ON s.id = a.successor_id
     WHERE a.code = ${code}
     ORDER BY a.catalog, a.id`;
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    level: r.level,
    catalog: r.catalog,
    validFrom: r.validFrom,
    validTo: r.validTo,
    isArea: r.isArea,
    parent: refOf(r.pId, r.pCode, r.pName),
    formerDistrict: refOf(r.fId, r.fCode, r.fName),
    successor: r.sId === null ? null : { id: r.sId, code: r.sCode ?? "" },
  }));
}

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
): Promise<Area & { row: AreaRow }> {
  const units = await unitsOfCode(db, code);
  if (units.length === 0) throw fieldError("areaCode", "area.codeNotFound", { code });
  const areas = units.filter((u) => u.isArea);
  if (areas.length === 0) throw fieldError("areaCode", "area.communeLevel");
  let unit = areas.at(-1);
  if (opts.on) {
    const on = dateOf(opts.on);
    unit = areas.find((u) => validOn(u, on));
    if (!unit) throw fieldError("areaCode", wrongList(areas, opts.on >= TWO_LEVEL_FROM, "vào ngày"));
  } else if (opts.year !== undefined) {
    const start = dateOf(`${opts.year}-01-01`);
    const end = dateOf(`${opts.year + 1}-01-01`);
    const during = areas.filter((u) => (!u.validFrom || u.validFrom < end) && (!u.validTo || u.validTo >= start));
    unit = during.find((u) => u.id === opts.currentId) ?? during.at(-1);
    if (!unit) throw fieldError("areaCode", wrongList(areas, start >= dateOf(TWO_LEVEL_FROM), "trong năm"));
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
    communeId: currentCommuneOf(unit)?.id ?? null,
    // The unit as a record's `area` relation reads it: a create returns its record without reading it back.
    row: {
      id: unit.id,
      code: unit.code,
      name: unit.name,
      level: unit.level,
      catalog: unit.catalog,
      parent: unit.parent,
      formerDistrict: unit.formerDistrict,
      successor: unit.successor,
    },
  };
}

/**
 * Why no unit of this code fits the record's time, naming the kind of unit that does: after the
 * reform only the communes of today; before it, a code that is only a commune of today names
 * nothing yet (the old communes, wards and townships of that date do).
 */
function wrongList(units: { catalog: string }[], afterReform: boolean, when: "vào ngày" | "trong năm"): MessageKey {
  if (afterReform) return "area.reorganised2025";
  if (units.every((u) => u.catalog === "two_level")) return "area.currentBeforeReform";
  return when === "vào ngày" ? "area.notOnDate" : "area.notInYear";
}

type Unit = { id: number; code: string; name: string };
export type AreaRow = Unit & {
  level: string;
  catalog: string;
  parent: Unit | null;
  formerDistrict: Unit | null;
  successor: { id: number; code: string } | null;
};

/** The (former) district of a stored record's area: the one its scope and its figures go by. */
export function districtOf(area: AreaRow): Unit {
  return area.formerDistrict ?? (area.level === "district" || !area.parent ? area : area.parent);
}

/** The commune of today a stored record's area lies in (itself after the reform; null: not known). */
export function currentCommuneOf(area: AreaRow): { id: number; code: string } | null {
  return area.catalog === "two_level" ? area : area.successor;
}

/** The commune of today an editor chose for a divided old commune's record (decision 055); null: the rule's. */
export type MovedTo = { id: number; code: string } | null;

export function areaFields(area: AreaRow, moved: MovedTo = null) {
  const district = districtOf(area);
  return {
    areaCode: area.code,
    areaName: area.name,
    districtCode: district.code,
    // A commune of today lies on a district that no longer exists: say so ("Huyện Gio Linh (cũ)").
    districtName: area.catalog === "two_level" ? formerUnitName(district.name) : district.name,
    currentCommuneCode: (moved ?? currentCommuneOf(area))?.code ?? null,
  };
}

/**
 * Prisma filter on an `area` relation for the list's filters: a former district, an area of the
 * list before 01/07/2025 (`areaCode`), or a commune of today (`communeCode`) with the old areas it
 * took over. Codes are reused across the lists, so each names its own list.
 */
export function areaFilter(f: {
  districtCode?: string;
  areaCode?: string;
  communeCode?: string;
}): Prisma.AdminUnitWhereInput[] {
  const out: Prisma.AdminUnitWhereInput[] = [];
  if (f.districtCode)
    out.push({
      OR: [
        { code: f.districtCode, level: "district" },
        { parent: { code: f.districtCode, level: "district" } },
        { formerDistrict: { code: f.districtCode } },
      ],
    });
  if (f.areaCode) out.push({ code: f.areaCode, catalog: "three_level" });
  if (f.communeCode) {
    const current = { code: f.communeCode, catalog: "two_level" } as const;
    out.push({ OR: [current, { successor: current }] });
  }
  return out;
}
