import type { TDashboardOptions } from "@qt/shared/schemas/dashboard";
import type { Db } from "../../db.ts";
import type { ProvinceReach } from "../accounts/province-scope.ts";
import { installedProvince } from "../units/province.ts";

/**
 * The choices of the dashboard's filter bar: the installed province with its old provinces, every former district (with its old province, so the
 * bar can offer those of the territory chosen), today's communes and live model type.
 */
export async function dashboardOptions(db: Db, reach: ProvinceReach | null = null): Promise<TDashboardOptions> {
  // A provincial account (decision 051) is offered its province's districts and communes only.
  const ids = reach ? [...reach.districts] : null;
  const [province, rows, communes, modelTypes] = await Promise.all([
    installedProvince(db),
    db.adminUnit.findMany({
      where: { level: "district", ...(ids ? { id: { in: ids } } : {}) },
      select: { code: true, name: true, parent: { select: { code: true } } },
      orderBy: { code: "asc" },
    }),
    db.adminUnit.findMany({
      where: { level: "commune", catalog: "two_level", ...(reach ? { parentId: reach.id } : {}) },
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
