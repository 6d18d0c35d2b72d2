import { TRPCError } from "@trpc/server";
import type { Db } from "../db.ts";
import { Prisma } from "../generated/prisma/client.ts";

/**
 * SQL for "the district an area belongs to": a commune's parent, or the district itself when it has
 * no communes (Cồn Cỏ counts as a commune-level area of its own). `a` is the admin_unit alias.
 */
export const districtOfArea = Prisma.sql`(CASE WHEN a.level = 'district' THEN a.id ELSE a.parent_id END)`;

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
    throw new TRPCError({ code: "NOT_FOUND", message: `Không tìm thấy huyện, thị xã, thành phố có mã ${code}.` });
  }
  return district;
}

/**
 * Districts and their commune-level areas for the pickers (issue 5). A district without communes
 * (Cồn Cỏ, 471) is listed as its own single area. `on`: only units valid on that date.
 */
export async function unitTree(db: Db, input: { on?: string } | undefined) {
  const on = input?.on ? new Date(`${input.on}T00:00:00Z`) : null;
  const valid = on
    ? {
        AND: [
          { OR: [{ validFrom: null }, { validFrom: { lte: on } }] },
          { OR: [{ validTo: null }, { validTo: { gt: on } }] },
        ],
      }
    : {};
  const unit = { code: true, name: true, kind: true } as const;
  const districts = await db.adminUnit.findMany({
    where: { level: "district", ...valid },
    orderBy: { code: "asc" },
    select: { ...unit, children: { where: valid, orderBy: { code: "asc" }, select: unit } },
  });
  const all = await db.adminUnit.findMany({
    where: { level: "district" },
    select: { code: true, _count: { select: { children: true } } },
  });
  const hasCommunes = new Set(all.filter((d) => d._count.children > 0).map((d) => d.code));
  return districts.map(({ children, ...d }) => ({
    ...d,
    areas: hasCommunes.has(d.code) ? children : [{ code: d.code, name: d.name, kind: d.kind }],
  }));
}
