import type { TDashboardOptions } from "@qt/shared/schemas/dashboard";
import type { Db } from "../../db.ts";

/** The choices of the dashboard's filter bar: every district-level unit and live model type. */
export async function dashboardOptions(db: Db): Promise<TDashboardOptions> {
  const [districts, modelTypes] = await Promise.all([
    db.adminUnit.findMany({
      where: { level: "district" },
      select: { code: true, name: true },
      orderBy: { code: "asc" },
    }),
    db.modelType.findMany({
      where: { deletedAt: null },
      select: { code: true, name: true, category: true },
      orderBy: [{ category: "asc" }, { name: "asc" }],
    }),
  ]);
  return { districts, modelTypes };
}
