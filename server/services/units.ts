import { dateOf } from "@qt/shared/dates";
import type { TUnitTree } from "@qt/shared/schemas/units";
import type { Db } from "../db.ts";
import { appError } from "../errors.ts";
import { Prisma, type UnitKind } from "../generated/prisma/client.ts";

/**
 * SQL for "the district an area belongs to": a commune's parent, the district itself when it has
 * no communes (Cồn Cỏ counts as a commune-level area of its own), or, for a commune of the
 * 01/07/2025 list, the abolished district whose land it lies on. `a` is the admin_unit alias.
 */
export const districtOfArea = Prisma.sql`(CASE WHEN a.former_district_id IS NOT NULL THEN a.former_district_id
  WHEN a.level = 'district' THEN a.id ELSE a.parent_id END)`;

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
    throw appError("NOT_FOUND", "district.notFound", { codes: code });
  }
  return district;
}

type UnitRow = { code: string; name: string; kind: UnitKind; validFrom: Date | null; validTo: Date | null };

const validOn = (u: UnitRow, on: Date) => (!u.validFrom || u.validFrom <= on) && (!u.validTo || u.validTo > on);

/**
 * Districts and their commune-level areas for the pickers (issue 5). A district without communes
 * (Cồn Cỏ, 471) is listed as its own single area; the communes of the 01/07/2025 list come under
 * the abolished district they lie in (`former`). `on`: only units valid on that date.
 */
export async function unitTree(db: Db, input: { on?: string } | undefined): Promise<TUnitTree> {
  const on = input?.on ? dateOf(input.on) : null;
  const unit = { code: true, name: true, kind: true, validFrom: true, validTo: true } as const;
  const districts = await db.adminUnit.findMany({
    where: { level: "district" },
    orderBy: { code: "asc" },
    select: {
      ...unit,
      children: { orderBy: { code: "asc" }, select: unit },
      formedCommunes: { orderBy: { code: "asc" }, select: unit },
    },
  });
  const tree: TUnitTree = [];
  for (const { children, formedCommunes, ...d } of districts) {
    const own = children.length > 0 ? children : [d];
    const current = on ? validOn(d, on) : true;
    const areas = on
      ? [...(current ? own : []), ...formedCommunes].filter((u) => validOn(u, on))
      : merged(own, formedCommunes);
    if (!current && areas.length === 0) continue;
    tree.push({ ...bare(d), former: !current, areas: areas.map(bare) });
  }
  return tree;
}

const bare = (u: UnitRow) => ({ code: u.code, name: u.name, kind: u.kind });

/** Old and new areas of a district, one entry per code: "Xã Vĩnh Linh / Thị trấn Hồ Xá". */
function merged(old: UnitRow[], formed: UnitRow[]): UnitRow[] {
  const byCode = new Map(old.map((u) => [u.code, u]));
  for (const u of formed) {
    const before = byCode.get(u.code);
    byCode.set(u.code, before ? { ...u, name: `${u.name} / ${before.name}` } : u);
  }
  return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code, "en", { numeric: true }));
}
