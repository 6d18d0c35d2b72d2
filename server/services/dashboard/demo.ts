import type { TDemoFigure } from "@qt/shared/schemas/demo";
import type { Db } from "../../db.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import {
  awardWhere,
  cameraWhere,
  type Filter,
  type FilterInput,
  resolveFilter,
  SITE_FROM,
  siteWhere,
} from "./filter.ts";

/** The kinds of record a figure is made of: a screen's demo flag counts only those. */
export type DemoKind = "sites" | "installations" | "awards";

/**
 * How many demo records count in a figure under this filter: the same conditions as the figures
 * themselves (siteWhere, cameraWhere, awardWhere), restricted to `is_demo`, in one query. Zero
 * means the figure holds real records only (docs/decisions/023).
 */
export async function demoRecordsOf(db: Db, f: Filter, kinds: readonly DemoKind[]): Promise<TDemoFigure> {
  const counts: Record<DemoKind, Prisma.Sql> = {
    sites: Prisma.sql`(SELECT COUNT(*) FROM ${SITE_FROM} WHERE s.is_demo AND ${siteWhere(f)})`,
    installations: Prisma.sql`(SELECT COUNT(*) FROM camera_installation ci JOIN admin_unit a ON a.id = ci.area_id
      WHERE ci.is_demo AND ${cameraWhere(f)})`,
    awards: Prisma.sql`(SELECT COUNT(*) FROM award aw LEFT JOIN admin_unit a ON a.id = aw.area_id
      WHERE aw.is_demo AND ${awardWhere(f)})`,
  };
  if (kinds.length === 0) return { records: 0 };
  const [row] = await db.$queryRaw<{ records: bigint }[]>`
    SELECT ${Prisma.join(
      kinds.map((k) => counts[k]),
      " + ",
    )} AS records`;
  return { records: Number(row?.records ?? 0) };
}

/** The same for a dashboard input (codes not yet resolved). */
export async function demoRecords(db: Db, input: FilterInput, kinds: readonly DemoKind[]): Promise<TDemoFigure> {
  return demoRecordsOf(db, await resolveFilter(db, input), kinds);
}
