import type { TDashboardModelType, TDashboardModelTypeInput } from "@qt/shared/schemas/dashboard";
import { ZDashboardModelTypeInput } from "@qt/shared/schemas/dashboard";
import type { Db } from "../db.ts";
import { isoDay, n, requireModelType, resolveFilter, SITE_FROM, siteWhere } from "./dashboard-filter.ts";
import { dashboardYearly } from "./dashboard-yearly.ts";
import { districtOfArea } from "./units.ts";

/** One model type: sites per year and cumulative, by district, and one page of its sites. */
export async function dashboardModelType(db: Db, raw: TDashboardModelTypeInput): Promise<TDashboardModelType> {
  // Parsed again so that callers outside tRPC (reports) get the same defaults for page/pageSize.
  const input = ZDashboardModelTypeInput.parse(raw);
  const modelType = await requireModelType(db, input.code);
  const filter = { ...input, modelTypeCode: input.code, modelCategory: undefined };
  const f = await resolveFilter(db, filter);
  const sw = siteWhere(f);
  const skip = (input.page - 1) * input.pageSize;
  const [yearly, byDistrict, total, items] = await Promise.all([
    dashboardYearly(db, {
      fromYear: input.fromYear,
      toYear: input.toYear,
      districtCode: input.districtCode,
      modelTypeCode: input.code,
    }),
    db.$queryRaw<{ code: string; name: string; sites: bigint; areas: bigint }[]>`
      SELECT d.code, d.name, COUNT(*) AS sites, COUNT(DISTINCT s.area_id) AS areas
      FROM ${SITE_FROM} JOIN admin_unit d ON d.id = ${districtOfArea}
      WHERE ${sw} GROUP BY d.id ORDER BY sites DESC, d.code`,
    db.$queryRaw<{ total: bigint }[]>`SELECT COUNT(*) AS total FROM ${SITE_FROM} WHERE ${sw}`,
    db.$queryRaw<
      {
        id: number;
        name: string;
        host: string;
        area_name: string;
        district_name: string;
        established_on: Date;
        status: string;
        religion: string | null;
      }[]
    >`SELECT s.id, s.name, s.host, a.name AS area_name, d.name AS district_name, s.established_on,
        s.status::text AS status, s.religion::text AS religion
      FROM ${SITE_FROM} JOIN admin_unit d ON d.id = ${districtOfArea}
      WHERE ${sw} ORDER BY s.established_on, s.id LIMIT ${input.pageSize} OFFSET ${skip}`,
  ]);
  return {
    modelType: {
      code: modelType.code,
      name: modelType.name,
      category: modelType.category,
      description: modelType.description,
    },
    totalSites: n(total[0]?.total),
    years: yearly.years.map(({ year, sites, cumulative }) => ({ year, sites, cumulative })),
    byDistrict: byDistrict.map((d) => ({ code: d.code, name: d.name, sites: n(d.sites), areas: n(d.areas) })),
    sites: {
      total: n(total[0]?.total),
      page: input.page,
      pageSize: input.pageSize,
      items: items.map((s) => ({
        id: n(s.id),
        name: s.name,
        host: s.host,
        areaName: s.area_name,
        districtName: s.district_name,
        establishedOn: isoDay(s.established_on),
        status: s.status as TDashboardModelType["sites"]["items"][number]["status"],
        religion: s.religion as TDashboardModelType["sites"]["items"][number]["religion"],
      })),
    },
  };
}
