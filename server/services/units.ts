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
