import { TRPCError } from "@trpc/server";
import type { Db } from "../../db.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { districtOfArea } from "../units.ts";

/** The period and districts of a report, resolved to dates and ids (dashboard semantics). */
export type ReportScope = {
  fromYear: number;
  toYear: number;
  from: Date;
  toExcl: Date;
  /** Empty = the whole province. */
  districts: { id: number; code: string; name: string }[];
};

export async function resolveScope(
  db: Db,
  input: { fromYear: number; toYear: number; districtCodes: string[] },
): Promise<ReportScope> {
  const codes = [...new Set(input.districtCodes)];
  const districts = codes.length
    ? await db.adminUnit.findMany({
        where: { code: { in: codes }, level: "district" },
        select: { id: true, code: true, name: true },
        orderBy: { code: "asc" },
      })
    : [];
  const missing = codes.filter((c) => !districts.some((d) => d.code === c));
  if (missing.length) {
    throw new TRPCError({
      code: "NOT_FOUND",
      message: `Không tìm thấy huyện, thị xã, thành phố có mã ${missing.join(", ")}.`,
    });
  }
  return {
    fromYear: input.fromYear,
    toYear: input.toYear,
    from: new Date(Date.UTC(input.fromYear, 0, 1)),
    toExcl: new Date(Date.UTC(input.toYear + 1, 0, 1)),
    districts,
  };
}

/** SQL: the area `a` in the scope's districts (TRUE for the whole province). */
export function scopeDistrictWhere(scope: ReportScope): Prisma.Sql {
  return scope.districts.length
    ? Prisma.sql`${districtOfArea} IN (${Prisma.join(scope.districts.map((d) => d.id))})`
    : Prisma.sql`TRUE`;
}

/** SQL: `col` (a DATE) within the scope's years and the area `a` in its districts. */
export function scopeWhere(scope: ReportScope, col: Prisma.Sql): Prisma.Sql {
  return Prisma.join(
    [Prisma.sql`${col} >= ${scope.from}`, Prisma.sql`${col} < ${scope.toExcl}`, scopeDistrictWhere(scope)],
    " AND ",
  );
}
