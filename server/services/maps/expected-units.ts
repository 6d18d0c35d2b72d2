import type { CommuneList } from "@qt/shared/schemas/maps";
import type { Db } from "../../db.ts";
import { districtOfArea, isArea } from "../units/area-sql.ts";

export type ExpectedUnit = { code: string; name: string; districtCode: string; provinceCode: string | null };

/** The first day a boundary file of the areas before 01/07/2025 covers (the 2020 lists). */
const THREE_LEVEL_FROM = new Date("2020-01-01T00:00:00Z");

/**
 * The commune-level units a boundary file of a list must describe (or declare missing): today's
 * communes, or every area of the list before 01/07/2025 that existed from 2020 on (Cồn Cỏ, a
 * district without communes, is its own area), each with its district and old province.
 */
export async function expectedUnits(db: Db, list: CommuneList): Promise<ExpectedUnit[]> {
  const rows = await db.$queryRaw<ExpectedUnit[]>`
    SELECT a.code, a.name, d.code AS "districtCode", p.code AS "provinceCode"
    FROM admin_unit a JOIN admin_unit d ON d.id = ${districtOfArea} LEFT JOIN admin_unit p ON p.id = d.parent_id
    WHERE ${isArea} AND a.catalog = ${list}::unit_catalog
      AND (a.valid_to IS NULL OR a.valid_to >= ${THREE_LEVEL_FROM})
    ORDER BY d.code, a.code`;
  return rows;
}
