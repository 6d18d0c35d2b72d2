import { dateOf } from "@qt/shared/dates";
import type { TUnitTree, TUnitTreeInput } from "@qt/shared/schemas/units";
import type { SessionUser } from "../../context.ts";
import type { Db } from "../../db.ts";
import { appError } from "../../errors.ts";
import { Prisma, type UnitKind } from "../../generated/prisma/client.ts";
import type { ProvinceReach } from "../accounts/province-scope.ts";
import { mayWrite } from "../accounts/write-scope.ts";
import { requireProvince } from "./province.ts";

/**
 * SQL for "the district an area belongs to": a commune's parent, the district itself when it has
 * no communes (Cồn Cỏ counts as a commune-level area of its own), or, for a commune of the
 * 01/07/2025 list, the abolished district whose land it lies on. `a` is the admin_unit alias.
 */
export const districtOfArea = Prisma.sql`(CASE WHEN a.former_district_id IS NOT NULL THEN a.former_district_id
  WHEN a.level = 'district' THEN a.id ELSE a.parent_id END)`;

/**
 * SQL for "the commune of today that area `a` lies in": itself for a commune of the 01/07/2025 list,
 * else its successor (the seed points every old area, including communes merged on 01/12/2024 and
 * 01/01/2025, straight at today's commune, so one hop is enough).
 */
export const currentCommuneOfArea = Prisma.sql`(CASE WHEN a.catalog = 'two_level' THEN a.id ELSE a.successor_id END)`;

/** The alias of a record (or a roll-up group) joined to its area `a`: site, installation, award, group. */
export type RecordAlias = "s" | "ci" | "aw" | "cg" | "g";

/**
 * SQL for "the commune of today record `r` (in area `a`) counts in": the one an editor chose for a
 * record of a divided old commune (`current_unit_id`, decision 055; 0 in a roll-up group: none),
 * else the area's commune of today.
 */
export const currentCommuneOfRecord = (r: RecordAlias) =>
  Prisma.sql`coalesce(nullif(${Prisma.raw(r)}.current_unit_id, 0), ${currentCommuneOfArea})`;

/**
 * SQL for "the unit of approval of a record in area `a`" (decision 025): a commune of today for an
 * area of the 01/07/2025 list, else the former district. The record's year completes the unit-year;
 * its date already chose the list of its area, so a record dated 2025-03 counts in its former
 * district's 2025 and one dated 2025-08 in its commune's 2025.
 */
export const approvalUnitOfArea = Prisma.sql`(CASE WHEN a.catalog = 'two_level' THEN a.id ELSE ${districtOfArea} END)`;

/**
 * SQL: area `a` (possibly null: a record without area) lies within a province scope's reach
 * (accounts/province-scope.ts, decision 051); TRUE with no reach.
 */
export function reachSql(reach: ProvinceReach | null): Prisma.Sql {
  if (!reach) return Prisma.sql`TRUE`;
  const ids = reach.districts.size ? Prisma.join([...reach.districts]) : Prisma.sql`NULL`;
  return Prisma.sql`(a.id IS NOT NULL AND (${districtOfArea} IN (${ids})
    OR (a.catalog = 'two_level' AND a.parent_id = ${reach.id})))`;
}

/** SQL predicate: area `a` belongs to the list of units before 01/07/2025 (the movement's 126 areas). */
export const isThreeLevel = Prisma.sql`(a.catalog = 'three_level')`;

/** SQL predicate: `a` is a commune-level area (a commune, or a district without communes). */
export const isArea = Prisma.sql`(a.level = 'commune' OR (a.level = 'district' AND NOT EXISTS (
  SELECT 1 FROM admin_unit c WHERE c.parent_id = a.id)))`;

/** The district with this GSO code, or NOT_FOUND with a clear message. */
export async function requireDistrict(db: Db, code: string) {
  const district = await db.adminUnit.findFirst({
    where: { code, level: "district" },
    select: { id: true, code: true, name: true },
  });
  if (!district) {
    throw appError("not-found", "district.notFound", { codes: code });
  }
  return district;
}

type UnitRow = { code: string; name: string; kind: UnitKind; validFrom: Date | null; validTo: Date | null };
type Place = { id: number; catalog: string; successorId: number | null };

/** `validFrom` and `validTo` are the first and the last day of a unit (null: open). */
export const validOn = (u: Pick<UnitRow, "validFrom" | "validTo">, on: Date) =>
  (!u.validFrom || u.validFrom <= on) && (!u.validTo || u.validTo >= on);

/**
 * The former districts of both old provinces with their commune-level areas, for the pickers and
 * the list filters. A district without communes (Cồn Cỏ, 471) is its own single area. With `on` (a
 * record's date), only the units valid that day: before 01/07/2025 the district's own areas; from
 * then the communes of today that lie on its land (the district itself is `former`). Without `on`
 * (no district is marked `former` then),
 * every area the district ever had and today's communes on its land, each marked `current`, so a
 * filter can offer both without pairing names. Districts come in GSO order with their old province.
 */
export async function unitTree(db: Db, input: TUnitTreeInput, user: SessionUser): Promise<TUnitTree> {
  const on = input?.on ? dateOf(input.on) : null;
  const writable = input?.writable ? writableBy(user) : () => true;
  const province = input?.provinceCode ? await requireProvince(db, input.provinceCode) : null;
  const unit = { code: true, name: true, kind: true, validFrom: true, validTo: true } as const;
  const districts = await db.adminUnit.findMany({
    where: {
      level: "district",
      catalog: "three_level",
      ...(province ? { parent: { code: { in: province.former }, catalog: "three_level" as const } } : {}),
    },
    orderBy: { code: "asc" },
    select: {
      ...unit,
      parent: { select: { code: true, name: true } },
      id: true,
      catalog: true,
      successorId: true,
      children: { orderBy: { code: "asc" }, select: { ...unit, id: true, catalog: true, successorId: true } },
      formedCommunes: { orderBy: { code: "asc" }, select: { ...unit, id: true, catalog: true, successorId: true } },
    },
  });
  const tree: TUnitTree = [];
  for (const { children, formedCommunes, parent, ...d } of districts) {
    const own = children.length > 0 ? children : [d];
    const listed = (u: UnitRow & Place) => (!on || validOn(u, on)) && writable(u, d.id);
    const areas = [
      ...own.filter(listed).map((u) => ({ ...bare(u), current: false })),
      ...formedCommunes.filter(listed).map((u) => ({ ...bare(u), current: true })),
    ];
    if (areas.length === 0) continue;
    tree.push({
      ...bare(d),
      former: on ? !validOn(d, on) : false,
      province: parent ? { code: parent.code, name: parent.name } : null,
      areas,
    });
  }
  return tree;
}

const bare = (u: UnitRow) => ({ code: u.code, name: u.name, kind: u.kind });

/**
 * Which areas the user may write records in: services/accounts/write-scope.ts's rule, on the area's former
 * district and its commune of today (itself for a commune of today, else its successor).
 */
function writableBy(user: SessionUser): (area: Place, districtId: number) => boolean {
  return (a, districtId) => mayWrite(user, { districtId, communeId: a.catalog === "two_level" ? a.id : a.successorId });
}
