import type { TDashboardSummary } from "@qt/shared/schemas/dashboard";
import type { TReportModel, TReportOptions } from "@qt/shared/schemas/reports";
import type { Db } from "../../db.ts";
import { dashboardSummary } from "../dashboard.ts";
import { dashboardAreas } from "../dashboard-areas.ts";
import { dashboardAwards } from "../dashboard-awards.ts";
import { dashboardCameras } from "../dashboard-cameras.ts";
import { dashboardYearly } from "../dashboard-yearly.ts";
import { type ReportScope, resolveScope } from "./scope.ts";

/**
 * The report's content, computed once for every writer and the preview. The headline figures come
 * from the dashboard's own service (dashboardSummary), so the report prints exactly what the
 * dashboard shows for the same period and district.
 */
export async function buildReportModel(db: Db, options: TReportOptions, resolved?: ReportScope): Promise<TReportModel> {
  const scope = resolved ?? (await resolveScope(db, options));
  const [summary, yearly, funding, awards, annex] = await Promise.all([
    summaryOf(db, scope),
    yearlyOf(db, scope),
    fundingOf(db, scope),
    awardsOf(db, scope),
    annexOf(db, scope),
  ]);
  return {
    options: {
      fromYear: options.fromYear,
      toYear: options.toYear,
      sections: options.sections,
      title: options.title,
      issuingBody: options.issuingBody,
      documentNumber: options.documentNumber,
      place: options.place,
      date: options.date ?? new Date().toISOString().slice(0, 10),
      signerTitle: options.signerTitle,
      signerName: options.signerName,
      recipients: options.recipients.filter((r) => r.length > 0),
    },
    districts: scope.districts.map(({ code, name }) => ({ code, name })),
    scopeName: scope.districts.length ? scope.districts.map((d) => d.name).join(", ") : "toàn tỉnh Quảng Trị",
    generatedAt: new Date().toISOString(),
    summary: {
      modelTypeCount: summary.modelTypeCount,
      siteCount: summary.siteCount,
      areasWithModels: summary.areasWithModels,
      coverage: summary.cameraCoverage,
      cameras: summary.cameras,
      coveredDistricts: summary.byDistrict.filter((d) => d.coveredAreas > 0).length,
    },
    byModelType: summary.byModelType,
    byReligion: summary.byReligion,
    byDistrict: summary.byDistrict,
    yearly,
    funding,
    awards,
    annex,
  };
}

const periodOf = (scope: ReportScope) => ({ fromYear: scope.fromYear, toYear: scope.toYear });

/** A dashboard aggregate for the province, or for each chosen district (to be merged). */
function perDistrict<T>(scope: ReportScope, f: (districtCode?: string) => Promise<T>): Promise<T[]> {
  return scope.districts.length ? Promise.all(scope.districts.map((d) => f(d.code))) : Promise.all([f()]);
}

/** Sites established per year (dashboard.yearly), summed over the chosen districts. */
async function yearlyOf(db: Db, scope: ReportScope): Promise<TReportModel["yearly"]> {
  const parts = await perDistrict(scope, (districtCode) => dashboardYearly(db, { ...periodOf(scope), districtCode }));
  return (parts[0]?.years ?? []).map((y, i) => ({
    year: y.year,
    sites: parts.reduce((s, p) => s + (p.years[i]?.sites ?? 0), 0),
  }));
}

/** Camera installations by funding source (dashboard.cameras), summed over the chosen districts. */
async function fundingOf(db: Db, scope: ReportScope): Promise<TReportModel["funding"]> {
  const parts = await perDistrict(scope, (districtCode) => dashboardCameras(db, { ...periodOf(scope), districtCode }));
  const merged = new Map<string, TReportModel["funding"][number]>();
  for (const f of parts.flatMap((p) => p.funding)) {
    const prev = merged.get(f.source) ?? { source: f.source, installations: 0, cameras: 0, costVnd: 0 };
    merged.set(f.source, {
      source: f.source,
      installations: prev.installations + f.installations,
      cameras: prev.cameras + f.cameras,
      costVnd: prev.costVnd + f.costVnd,
    });
  }
  return [...merged.values()].sort((a, b) => b.costVnd - a.costVnd);
}

/** Awards by issuer and form (dashboard.awards), summed over the chosen districts. */
async function awardsOf(db: Db, scope: ReportScope): Promise<TReportModel["awards"]> {
  const parts = await perDistrict(scope, (districtCode) => dashboardAwards(db, { ...periodOf(scope), districtCode }));
  const merged = new Map<string, TReportModel["awards"][number]>();
  for (const row of parts.flatMap((p) => p.byIssuerForm)) {
    const key = `${row.issuer}/${row.form}`;
    const prev = merged.get(key);
    merged.set(
      key,
      prev
        ? {
            ...prev,
            collective: prev.collective + row.collective,
            individual: prev.individual + row.individual,
            total: prev.total + row.total,
          }
        : { ...row },
    );
  }
  return [...merged.values()].sort((a, b) => b.total - a.total);
}

/** Every commune-level area of each district in scope (dashboard.areas, one district at a time). */
async function annexOf(db: Db, scope: ReportScope): Promise<TReportModel["annex"]> {
  const districts = scope.districts.length
    ? scope.districts
    : await db.adminUnit.findMany({ where: { level: "district" }, select: { code: true }, orderBy: { code: "asc" } });
  const parts = await Promise.all(
    districts.map((d) => dashboardAreas(db, { ...periodOf(scope), districtCode: d.code })),
  );
  return parts.map((p) => ({
    code: p.district.code,
    name: p.district.name,
    areas: p.areas.map(({ code, name, sites, cameras, covered, current }) => ({
      code,
      name,
      sites,
      cameras,
      covered,
      current,
    })),
  }));
}

/** dashboard.summary for the province or one district; for several districts, theirs merged. */
async function summaryOf(db: Db, scope: ReportScope): Promise<TDashboardSummary> {
  const period = periodOf(scope);
  if (scope.districts.length <= 1) {
    return dashboardSummary(db, { ...period, districtCode: scope.districts[0]?.code });
  }
  const parts = await Promise.all(
    scope.districts.map((d) => dashboardSummary(db, { ...period, districtCode: d.code })),
  );
  return mergeSummaries(parts);
}

/**
 * Districts are disjoint, so every figure adds up, except the number of model types, which is the
 * number of distinct types seen in any of them.
 */
export function mergeSummaries(parts: TDashboardSummary[]): TDashboardSummary {
  const sum = (f: (s: TDashboardSummary) => number) => parts.reduce((acc, s) => acc + f(s), 0);
  const types = new Map<string, TDashboardSummary["byModelType"][number]>();
  const religions = new Map<string, number>();
  for (const p of parts) {
    for (const t of p.byModelType) {
      const prev = types.get(t.code);
      types.set(
        t.code,
        prev
          ? {
              ...prev,
              sites: prev.sites + t.sites,
              districts: prev.districts + t.districts,
              communes: prev.communes + t.communes,
            }
          : { ...t },
      );
    }
    for (const r of p.byReligion) religions.set(r.religion, (religions.get(r.religion) ?? 0) + r.sites);
  }
  const first = parts[0] as TDashboardSummary;
  return {
    asOf: first.asOf,
    filter: { ...first.filter, districtCode: null },
    modelTypeCount: types.size,
    siteCount: sum((s) => s.siteCount),
    areasWithModels: sum((s) => s.areasWithModels),
    cameraCoverage: {
      covered: sum((s) => s.cameraCoverage.covered),
      total: sum((s) => s.cameraCoverage.total),
      current: {
        covered: sum((s) => s.cameraCoverage.current.covered),
        total: sum((s) => s.cameraCoverage.current.total),
      },
    },
    cameras: {
      cameras: sum((s) => s.cameras.cameras),
      recorders: sum((s) => s.cameras.recorders),
      memoryCards: sum((s) => s.cameras.memoryCards),
      costVnd: sum((s) => s.cameras.costVnd),
      installations: sum((s) => s.cameras.installations),
    },
    byModelType: [...types.values()].sort((a, b) => b.sites - a.sites || a.name.localeCompare(b.name, "vi")),
    byReligion: [...religions]
      .map(([religion, sites]) => ({
        religion: religion as TDashboardSummary["byReligion"][number]["religion"],
        sites,
      }))
      .sort((a, b) => b.sites - a.sites),
    byDistrict: parts.flatMap((p) => p.byDistrict).sort((a, b) => a.code.localeCompare(b.code)),
  };
}
