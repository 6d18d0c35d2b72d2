import { z } from "zod";
import { AWARD_FORMS, AWARD_ISSUERS, FUNDING_SOURCES, MIN_YEAR, RELIGIONS, REVIEW_PERIOD } from "../domain.ts";
import { keyed, type MessageKey, message } from "../messages/index.ts";
import { reportsVi } from "../messages/reports.ts";
import { periodDays, periodPhrase } from "../period.ts";
import { ZApprovalSummary } from "./approvals.ts";
import {
  isRealDate,
  periodRules,
  yearRangeIssue,
  yearRangeOk,
  ZGsoCode,
  ZId,
  ZPeriodDate,
  ZPeriodYear,
  ZText,
  ZVersion,
} from "./common.ts";
import {
  COMPARE_MODES,
  DASHBOARD_VIEWS,
  ZCompare,
  ZCoverage,
  ZDashboardView,
  ZFormerProvinceCode,
  ZModelTypeCode,
  ZProvinceCode,
} from "./dashboard.ts";
import { ZDemoFigure } from "./demo.ts";
import { ZCommuneList, ZMapFeature } from "./maps.ts";
import { TARGET_MEASURES } from "./targets.ts";
import { ZInstalledProvince } from "./units.ts";

/** Sections a report may contain, in the order they are printed. */
export const REPORT_SECTIONS = ["summary", "modelTypes", "cameras", "communities", "awards", "annex"] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/**
 * The written parts of a report, in the order they are printed after the figures (decision 019):
 * Đánh giá chung; Tồn tại, hạn chế và nguyên nhân; Bài học kinh nghiệm; Phương hướng, nhiệm vụ;
 * Đề xuất, kiến nghị.
 */
export const NARRATIVE_SECTIONS = ["assessment", "shortcomings", "lessons", "directions", "proposals"] as const;
export type NarrativeSection = (typeof NARRATIVE_SECTIONS)[number];
export type TNarrative = Record<NarrativeSection, string>;

/** Tables that can be downloaded as CSV (GET /api/reports/{table}.csv). */
export { REPORT_TABLES, type ReportTable } from "../domain.ts";

/**
 * CSV field separators (`?sep=`): the comma of RFC 4180 (the default), or the semicolon that Excel
 * with Vietnamese regional settings expects (its decimal separator is the comma).
 */
export const CSV_SEPARATORS = { comma: ",", semicolon: ";" } as const;
export type CsvSeparator = keyof typeof CSV_SEPARATORS;
export const isCsvSeparator = (s: unknown): s is CsvSeparator => s === "comma" || s === "semicolon";

export { REPORT_FORMATS, type ReportFormat } from "../domain.ts";

/**
 * Kinds of report (issue 28, decision 039): "tong-ket" the summary of a period (the default),
 * "so-ket-6-thang" the six-month review, "tong-ket-nam" the year's summary, "chuyen-de" a report on
 * one model type. The builder presets each one's period and comparison; the kind names the title.
 */
export const REPORT_KINDS = ["tong-ket", "so-ket-6-thang", "tong-ket-nam", "chuyen-de"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/**
 * The subject line under "BÁO CÁO" when none is typed: it names the report's own period (a fixed
 * "2007–2022" would mislabel a report of 2015–2018), its kind's opening ("Sơ kết 6 tháng …") and,
 * for a report on one model type, that type; not the word "báo cáo" again (decision 019). The
 * document is Vietnamese, so the title is the catalogue's Vietnamese.
 */
export const defaultReportTitle = (
  period: { fromYear?: number; toYear?: number; from?: string; to?: string },
  kind: ReportKind = "tong-ket",
  modelTypeName?: string | null,
) => {
  const opening = { key: `reports.opening.${kind}` as const };
  const words = { opening, period: periodPhrase(period) };
  return modelTypeName
    ? message("reports.default.titleModelType", { ...words, modelType: modelTypeName })
    : message("reports.default.title", words);
};
/** The issuing body's supervising agency, printed above it (Nghị định 30/2020/NĐ-CP, Phụ lục I). */
// Read from the domain's words at once, not through `message`: a constant made when the module
// loads must not wait for the catalogue's later part on the client (decision 054).
export const DEFAULT_SUPERVISING_BODY: string = reportsVi["reports.default.supervisingBody"];

const maxYear = () => new Date().getFullYear() + 1;
const text = (max: number, noun: MessageKey) =>
  ZText.trim().max(max, keyed("v.tooLong2", { label: { key: noun }, max: String(max) }));

/**
 * The heading and signature fields a report is printed with; a draft saves them (report-drafts.ts).
 * The signer's title may take up to three lines ("KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC").
 */
export const ZReportHeadingFields = {
  supervisingBody: text(200, "noun.supervisingBody").default(DEFAULT_SUPERVISING_BODY),
  /** Left out: the installed province's police ("CÔNG AN TỈNH …", decision 044). */
  issuingBody: text(200, "noun.issuingBody").min(1, keyed("v.reportIssuer")).optional(),
  signerTitle: text(160, "noun.signerTitle")
    .transform((s) =>
      s
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
        .join("\n"),
    )
    .refine((s) => s.split("\n").length <= 3, keyed("v.signerTitleLines"))
    .default(""),
  /** Empty: the signer's title and name print as dotted lines to fill by hand (or the draft's). */
  signerName: text(120, "noun.signerName").default(""),
};

/**
 * What a report covers and how it is headed. The period and districts use the dashboard's filter
 * semantics (docs/decisions/004), so the figures are the dashboard's for the same choice.
 * No district = the whole territory: the old province named by `formerProvinceCode`, else the
 * province of today; `view` groups below the districts as the dashboard does (decision 022).
 */
export const ZReportOptions = z
  .strictObject(
    {
      /** One province of today, on the national install (decision 050); absent = the whole install. */
      provinceCode: ZProvinceCode.optional(),
      formerProvinceCode: ZFormerProvinceCode.optional(),
      view: ZDashboardView.default("historical"),
      /** Whole years (2007–2022 when no period is named), or days: `from`/`to` (decision 039). */
      fromYear: ZPeriodYear.optional(),
      toYear: ZPeriodYear.optional(),
      from: ZPeriodDate.optional(),
      to: ZPeriodDate.optional(),
      /** "same-period-last-year": every figure is also told against the same days a year earlier. */
      compare: ZCompare.optional(),
      kind: z.enum(REPORT_KINDS, { error: () => keyed("v.reportKind") }).default("tong-ket"),
      /** A report on one model type ("chuyên đề"): its sites only. */
      modelTypeCode: ZModelTypeCode.optional(),
      districtCodes: z.array(ZGsoCode).max(20, keyed("v.reportDistricts")).default([]),
      /** Only records of approved unit-years (decision 025). */
      approvedOnly: z.boolean({ error: keyed("v.approvedOnly") }).default(false),
      sections: z
        .array(z.enum(REPORT_SECTIONS, { error: keyed("v.reportSection") }))
        .min(1, keyed("v.reportSections"))
        .default([...REPORT_SECTIONS]),
      /** Empty or left out: defaultReportTitle of the period. */
      title: text(400, "noun.title").default(""),
      ...ZReportHeadingFields,
      documentNumber: text(60, "noun.documentNumber").default("/BC-CAT"),
      /** Empty or left out: the installed province's name ("Quảng Trị", "Hà Nội"). */
      place: text(100, "noun.place").default(""),
      /** yyyy-mm-dd; today when left out. */
      date: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, keyed("v.reportDateFormat"))
        .refine(isRealDate, keyed("v.reportDateMissing"))
        .refine((d) => Number(d.slice(0, 4)) >= MIN_YEAR && Number(d.slice(0, 4)) <= maxYear(), {
          error: () => keyed("v.reportDateYear", { from: String(MIN_YEAR), to: String(maxYear()) }),
        })
        .optional(),
      /** Left out: `defaultRecipients` of the report's date (the police units of that day). */
      recipients: z.array(text(200, "noun.recipients")).max(30, keyed("v.reportRecipients")).optional(),
      /** The narrative of this saved draft (report-drafts.ts) goes into the document. */
      draftId: ZId.optional(),
      /** The draft's version the preview showed: a download of a draft changed since is refused. */
      draftVersion: ZVersion.optional(),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys" ? keyed("v.reportParams", { keys: issue.keys.join(", ") }) : undefined,
    },
  )
  // Years left out are 2007 and 2022: the rule applies to the years in force.
  .refine(
    (o) => yearRangeOk({ fromYear: o.fromYear ?? REVIEW_PERIOD.fromYear, toYear: o.toYear ?? REVIEW_PERIOD.toYear }),
    yearRangeIssue,
  )
  .superRefine(periodRules)
  .refine((o) => (o.from === undefined) === (o.to === undefined), {
    message: keyed("v.reportPeriodOpen"),
    path: ["from"],
  })
  .refine((o) => o.kind !== "chuyen-de" || o.modelTypeCode !== undefined, {
    message: keyed("v.reportModelType"),
    path: ["modelTypeCode"],
  })
  .transform(withReportPeriod);
export type TReportOptionsInput = z.input<typeof ZReportOptions>;
export type TReportOptions = z.output<typeof ZReportOptions>;

/**
 * A report's period is always closed: its days (`from`, `to`) and the calendar years they touch
 * (fromYear, toYear: the yearly chart, the drafts, the file name); no period = 2007–2022.
 */
function withReportPeriod<T extends { fromYear?: number; toYear?: number; from?: string; to?: string }>(o: T) {
  const { from, to } = periodDays({
    from: o.from,
    to: o.to,
    fromYear: o.from ? null : (o.fromYear ?? REVIEW_PERIOD.fromYear),
    toYear: o.to ? null : (o.toYear ?? REVIEW_PERIOD.toYear),
  }) as { from: string; to: string };
  return { ...o, from, to, fromYear: Number(from.slice(0, 4)), toYear: Number(to.slice(0, 4)) };
}

const ZCount = z.number();
const ZDistrictRow = z.object({
  code: z.string(),
  name: z.string(),
  sites: ZCount,
  areas: ZCount,
  coveredAreas: ZCount,
  currentAreas: ZCount,
  currentCoveredAreas: ZCount,
  cameras: ZCount,
  costVnd: ZCount,
});

/** A province of today in a national report (decision 050): summary.byProvince's row. */
const ZProvinceRow = z.object({
  code: z.string(),
  name: z.string(),
  sites: ZCount,
  installations: ZCount,
  cameras: ZCount,
  communes: ZCount,
  coveredCommunes: ZCount,
  areas: ZCount,
  coveredAreas: ZCount,
});
export type TReportProvinceRow = z.infer<typeof ZProvinceRow>;

/** Everything a report prints, computed once and rendered by every writer and the preview. */
export const ZReportModel = z.object({
  options: z.object({
    formerProvinceCode: ZFormerProvinceCode.nullable(),
    approvedOnly: z.boolean(),
    view: z.enum(DASHBOARD_VIEWS),
    fromYear: z.number(),
    toYear: z.number(),
    /** The period's first and last days (inclusive). */
    from: z.string(),
    to: z.string(),
    compare: z.enum(COMPARE_MODES).nullable(),
    kind: z.enum(REPORT_KINDS),
    sections: z.array(z.enum(REPORT_SECTIONS)),
    title: z.string(),
    supervisingBody: z.string(),
    issuingBody: z.string(),
    documentNumber: z.string(),
    place: z.string(),
    date: z.string(),
    signerTitle: z.string(),
    signerName: z.string(),
    recipients: z.array(z.string()),
  }),
  /** The saved draft whose narrative the report carries, as it was read. */
  draft: z
    .object({
      id: z.number(),
      name: z.string(),
      version: z.number(),
      narrative: z.object(
        Object.fromEntries(NARRATIVE_SECTIONS.map((k) => [k, z.string()])) as Record<NarrativeSection, z.ZodString>,
      ),
    })
    .nullable(),
  /** Selected districts; empty = the whole territory. */
  districts: z.array(z.object({ code: z.string(), name: z.string() })),
  /** The installed province (decision 044): the map's districts, the words that name it. */
  province: ZInstalledProvince,
  /** "toàn tỉnh Quảng Trị", "tỉnh Quảng Trị cũ", "Huyện Hải Lăng (cũ)": what "trên địa bàn …" names. */
  scopeName: z.string(),
  /** "Địa bàn: Quảng Trị cũ; giai đoạn 2007–2022; số liệu theo đơn vị hành chính cấp xã của từng thời kỳ". */
  scopeLine: z.string(),
  generatedAt: z.string(),
  /** Demo records among the report's sites, installations and awards: when any, every format says so. */
  demo: ZDemoFigure,
  /** The approval status of the report's figures (decision 025), stated in its text. */
  approval: ZApprovalSummary,
  summary: z.object({
    modelTypeCount: ZCount,
    siteCount: ZCount,
    areasWithModels: ZCount,
    /** The dashboard's coverage, with the headline to print (decision 027). */
    coverage: ZCoverage,
    cameras: z.object({
      cameras: ZCount,
      recorders: ZCount,
      memoryCards: ZCount,
      costVnd: ZCount,
      installations: ZCount,
    }),
    coveredDistricts: ZCount,
  }),
  /**
   * With compare "same-period-last-year": the headline figures of the same days one year earlier
   * (its first and last days, the sites, coverage, cameras and awards), told in sentences.
   */
  previous: z
    .object({
      from: z.string(),
      to: z.string(),
      modelTypeCount: ZCount,
      siteCount: ZCount,
      areasWithModels: ZCount,
      coverage: ZCoverage,
      cameras: ZCount,
      costVnd: ZCount,
      awards: ZCount,
    })
    .nullable()
    .optional(),
  /**
   * A report of one calendar year over the province or one former district: that year's targets
   * of that place, each named and with the report's own figure (decision 056). Else null.
   */
  targets: z
    .object({
      year: z.number(),
      rows: z.array(z.object({ measure: z.enum(TARGET_MEASURES), name: z.string(), target: ZCount, actual: ZCount })),
    })
    .nullable()
    .optional(),
  byModelType: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      category: z.string(),
      sites: ZCount,
      districts: ZCount,
      communes: ZCount,
    }),
  ),
  byReligion: z.array(z.object({ religion: z.enum(RELIGIONS), sites: ZCount })),
  byDistrict: z.array(ZDistrictRow),
  /** The national install's whole country: one row per province of today (none otherwise). */
  byProvince: z.array(ZProvinceRow).optional(),
  yearly: z.array(z.object({ year: z.number(), sites: ZCount })),
  /** Camera installations by funding source (dashboard.cameras). */
  funding: z.array(
    z.object({ source: z.enum(FUNDING_SOURCES), installations: ZCount, cameras: ZCount, costVnd: ZCount }),
  ),
  awards: z.array(
    z.object({
      issuer: z.enum(AWARD_ISSUERS),
      form: z.enum(AWARD_FORMS),
      collective: ZCount,
      individual: ZCount,
      total: ZCount,
    }),
  ),
  annex: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      areas: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          sites: ZCount,
          cameras: ZCount,
          covered: z.boolean(),
          /** A commune of the 01/07/2025 list (docs/decisions/009). */
          current: z.boolean(),
        }),
      ),
    }),
  ),
  /**
   * The commune-level boundaries of the report's districts, when an admin loaded them for the
   * view's list (docs/decisions/026): the report then maps its communes too. Absent or null: none.
   */
  communeMap: z
    .object({ list: ZCommuneList, attribution: z.string(), features: z.array(ZMapFeature) })
    .nullable()
    .optional(),
});
export type TReportModel = z.infer<typeof ZReportModel>;

type Query = Record<string, string | string[] | undefined>;
const LIST_KEYS = ["districtCodes", "sections", "recipients"] as const;
/** Numbers in the query string. */
const YEAR_KEYS = ["fromYear", "toYear", "draftId", "draftVersion"] as const;

/**
 * Report options as the query string of a download URL (GET /api/reports/…): years as numbers,
 * lists as repeated parameters. The dashboard's single `districtCode` is accepted too.
 */
export function reportOptionsFromQuery(query: Query): unknown {
  const out: Record<string, unknown> = {};
  const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if ((YEAR_KEYS as readonly string[]).includes(key)) {
      const v = Array.isArray(value) ? value.join(",") : value;
      out[key] = /^\d+$/.test(v) ? Number(v) : v;
    } else if (key === "districtCode" || key === "districtCodes") {
      const codes = list(value)
        .flatMap((v) => v.split(","))
        .filter(Boolean);
      out.districtCodes = [...((out.districtCodes as string[] | undefined) ?? []), ...codes];
    } else if (key === "sections") {
      out.sections = list(value)
        .flatMap((v) => v.split(","))
        .filter(Boolean);
    } else if (key === "approvedOnly") {
      const v = Array.isArray(value) ? value.join(",") : value;
      out.approvedOnly = v === "true" ? true : v === "false" ? false : v;
    } else if (key === "recipients") {
      out.recipients = list(value);
    } else {
      out[key] = Array.isArray(value) ? value.join(" ") : value;
    }
  }
  return out;
}

/**
 * Parsed options as input again (a preview's or a link's): the parse closes the period with both
 * its years and its days, and an input names one of the two — whole years when the days are
 * exactly those years, else the days.
 */
export function reportInputOf(o: TReportOptionsInput): TReportOptionsInput {
  if (o.from === undefined || o.to === undefined || o.fromYear === undefined || o.toYear === undefined) return o;
  const { from, to, fromYear, toYear, ...rest } = o;
  return from === `${fromYear}-01-01` && to === `${toYear}-12-31`
    ? { ...rest, fromYear, toYear }
    : { ...rest, from, to };
}

export function reportOptionsToQuery(options: TReportOptionsInput): URLSearchParams {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(reportInputOf(options))) {
    if (value === undefined) continue;
    if ((LIST_KEYS as readonly string[]).includes(key) && Array.isArray(value)) {
      for (const v of value) q.append(key, String(v));
    } else q.set(key, String(value));
  }
  return q;
}
