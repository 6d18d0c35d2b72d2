import { coverageOfList, unitListOf } from "@qt/shared/coverage";
import { bareProvinceName, policeHeading } from "@qt/shared/province";
import { defaultRecipients } from "@qt/shared/report-words";
import { todayIso } from "@qt/shared/schemas/common";
import { defaultReportTitle, type TReportModel, type TReportOptions } from "@qt/shared/schemas/reports";
import { formerUnitName } from "@qt/shared/unit-names";
import type { Db } from "../../db.ts";
import { approvalSummary } from "../approvals/summary.ts";
import { areasOf } from "../dashboard/areas.ts";
import { awardsOf } from "../dashboard/awards.ts";
import { fundingOf } from "../dashboard/cameras.ts";
import { previousFilter } from "../dashboard/compare.ts";
import { summaryOf } from "../dashboard/summary.ts";
import { yearlyOf } from "../dashboard/yearly.ts";
import { demoRecordsOf } from "../demo/counts.ts";
import { layerFeatures } from "../maps/layers.ts";
import { reportTargets } from "../targets/targets.ts";
import { installedProvince } from "../units/province.ts";
import { draftForReport } from "./drafts.ts";
import { namedDistricts, type ReportScope, resolveScope, scopeWords } from "./report-scope.ts";

/** The headline figures of the same days one year earlier (decision 039). */
async function previousFigures(db: Db, scope: ReportScope): Promise<NonNullable<TReportModel["previous"]>> {
  const earlier = previousFilter(scope);
  const [s, awards] = await Promise.all([summaryOf(db, earlier), awardsOf(db, earlier)]);
  return {
    from: earlier.days.from as string,
    to: earlier.days.to as string,
    modelTypeCount: s.modelTypeCount,
    siteCount: s.siteCount,
    areasWithModels: s.areasWithModels,
    coverage: s.cameraCoverage,
    cameras: s.cameras.cameras,
    costVnd: s.cameras.costVnd,
    awards: awards.total,
  };
}

/**
 * The report's content, computed once for every writer and the preview. Every figure comes from
 * the dashboard's own services, asked once with the report's districts, so the report prints
 * exactly what the dashboard shows for the same period and district.
 */
export async function buildReportModel(db: Db, options: TReportOptions, resolved?: ReportScope): Promise<TReportModel> {
  const scope = resolved ?? (await resolveScope(db, options));
  const list = unitListOf(options);
  const [province, draft, summary, yearly, funding, awards, annex, demo, approval, layer, previous] = await Promise.all(
    [
      installedProvince(db),
      draftForReport(db, options),
      summaryOf(db, scope),
      yearlyOf(db, scope),
      fundingOf(db, scope),
      awardsOf(db, scope),
      areasOf(db, scope),
      demoRecordsOf(db, scope),
      approvalSummary(db, scope),
      layerFeatures(db, list),
      options.compare ? previousFigures(db, scope) : null,
    ],
  );
  const targets = await reportTargets(db, options, summary, awards.total);
  const inScope = new Set(summary.byDistrict.map((d) => d.code));
  // Today in Vietnam (UTC+7): a report made at 08:00 there is dated that day, not the day before.
  const date = options.date ?? todayIso();
  return {
    options: {
      formerProvinceCode: options.formerProvinceCode ?? null,
      approvedOnly: options.approvedOnly,
      view: options.view,
      fromYear: options.fromYear,
      toYear: options.toYear,
      from: options.from,
      to: options.to,
      compare: options.compare ?? null,
      kind: options.kind,
      sections: options.sections,
      title: options.title || defaultReportTitle(options, options.kind, scope.modelType?.name),
      supervisingBody: options.supervisingBody,
      issuingBody: options.issuingBody || policeHeading(province),
      documentNumber: options.documentNumber,
      // The national office signs in Hà Nội (decision 050).
      place: options.place || (province.national ? "Hà Nội" : bareProvinceName(province.name)),
      date,
      // The options' signer, else the draft's; nobody chosen: dotted lines in the document.
      signerTitle: options.signerTitle || draft?.signerTitle || "",
      signerName: options.signerName || draft?.signerName || "",
      recipients: (options.recipients ?? defaultRecipients(date)).filter((r) => r.length > 0),
    },
    draft: draft && { id: draft.id, name: draft.name, version: draft.version, narrative: draft.narrative },
    districts: namedDistricts(scope, options.districtCodes),
    ...scopeWords(scope, options.districtCodes, province),
    province,
    generatedAt: new Date().toISOString(),
    demo,
    approval,
    summary: {
      modelTypeCount: summary.modelTypeCount,
      siteCount: summary.siteCount,
      areasWithModels: summary.areasWithModels,
      coverage: summary.cameraCoverage,
      cameras: summary.cameras,
      coveredDistricts: summary.byDistrict.filter(
        (d) => coverageOfList(d, summary.cameraCoverage.headline.list).covered > 0,
      ).length,
    },
    previous,
    targets,
    byModelType: summary.byModelType,
    byReligion: summary.byReligion,
    // The nation's report reads per province of today (decision 050): 34 rows, not 696 districts.
    byProvince:
      (summary.byProvince?.length ?? 0) > 1
        ? (summary.byProvince ?? []).map(({ nameEn: _, ...p }) => ({ ...p, name: bareProvinceName(p.name) }))
        : [],
    // Every district was abolished on 01/07/2025: documents name them "Huyện … (cũ)".
    byDistrict: summary.byDistrict.map((d) => ({ ...d, name: formerUnitName(d.name) })),
    yearly: yearly.years.map(({ year, sites }) => ({ year, sites })),
    funding,
    awards: awards.byIssuerForm,
    annex: annex.map(({ district, areas }) => ({
      code: district.code,
      name: formerUnitName(district.name),
      areas: areas.map(({ code, name, sites, cameras, covered, current }) => ({
        code,
        name,
        sites,
        cameras,
        covered,
        current,
      })),
    })),
    communeMap: layer && {
      list,
      attribution: layer.attribution,
      features: layer.features.filter((f) => inScope.has(f.properties.districtCode)),
    },
  };
}
