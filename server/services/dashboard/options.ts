import type { TDashboardOptions } from "@qt/shared/schemas/dashboard";
import type { Db } from "../../db.ts";
import { installedProvince } from "../units/province.ts";

/**
 * The choices of the dashboard's filter bar: the installed province with its old provinces, every former district (with its old province, so the
 * bar can offer those of the territory chosen), today's communes and live model type.
 */
export async function dashboardOptions(db: Db): Promise<TDashboardOptions> {
  const [province, rows, communes, modelTypes] = await Promise.all([
    installedProvince(db),
    db.adminUnit.findMany({
      where: { level: "district" },
      select: { code: true, name: true, parent: { select: { code: true } } },
      orderBy: { code: "asc" },
    }),
    db.adminUnit.findMany({
      where: { level: "commune", catalog: "two_level" },
      select: { code: true, name: true, formerDistrict: { select: { code: true } } },
      orderBy: { name: "asc" },
    }),
    db.modelType.findMany({
      where: { deletedAt: null },
      select: { code: true, name: true, category: true },
      orderBy: [{ category: "asc" }, { name: "asc" }],
    }),
  ]);
  const districts = rows.map(({ parent, ...d }) => (parent ? { ...d, province: parent.code } : d));
  return {
    province,
    districts,
    communes: communes.map(({ formerDistrict, ...c }) => ({ ...c, districtCode: formerDistrict?.code ?? null })),
    modelTypes,
  };
}
