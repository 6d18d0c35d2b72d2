import { z } from "zod";
import { UNIT_LISTS } from "../coverage.ts";
import {
  AWARD_FORMS,
  AWARD_ISSUERS,
  DASHBOARD_VIEWS,
  FUNDING_SOURCES,
  MODEL_CATEGORIES,
  RECIPIENT_KINDS,
  RELIGIONS,
  SITE_STATUSES,
} from "../domain.ts";
import { keyed } from "../messages/index.ts";
import { periodRules, yearRangeIssue, yearRangeOk, ZGsoCode, ZPeriodDate, ZPeriodYear } from "./common.ts";
import { ZInstalledProvince } from "./units.ts";

/**
 * GSO code of an old province (list until 30/06/2025). Which ones the installed province took over
 * is checked by the server against its own (decision 044): a code not merged into it is a 400.
 */
export const ZFormerProvinceCode = z.string().regex(/^\d{2}$/, keyed("v.formerProvince"));

/**
 * GSO code of a province of today (decision 050): on the national install one of the 34, on a
 * province's install its own only; the server answers 400 for any other.
 */
export const ZProvinceCode = z.string().regex(/^\d{2}$/, keyed("v.provinceCode"));

/**
 * How records are grouped below the former districts: "historical" by the units of the record's
 * date (the history as it was reported), "current" every record in today's commune that took its
 * area over (docs/decisions/022).
 */
export { DASHBOARD_VIEWS, type DashboardView } from "../domain.ts";
export const ZDashboardView = z.enum(DASHBOARD_VIEWS, {
  error: () => keyed("v.dashboardView"),
});

export const ZModelTypeCode = z
  .string()
  .regex(/^[a-z0-9-]{1,64}$/, keyed("v.invalid", { label: { key: "noun.modelTypeCode" } }));

export const COMPARE_MODES = ["same-period-last-year"] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];
export const ZCompare = z.enum(COMPARE_MODES, {
  error: () => keyed("v.compareUnknown"),
});

/** The fields every dashboard procedure filters by; kept as a plain shape so inputs can extend it. */
const filterShape = {
  /** One province of today (decision 050); absent = everything the install holds. */
  provinceCode: ZProvinceCode.optional(),
  /** The land of one old province merged into the installed one; absent = the province of today. */
  formerProvinceCode: ZFormerProvinceCode.optional(),
  /** Absent = "historical". */
  view: ZDashboardView.optional(),
  fromYear: ZPeriodYear.optional(),
  toYear: ZPeriodYear.optional(),
  /** The period by days, inclusive (docs/decisions/036): instead of fromYear/toYear, never with them. */
  from: ZPeriodDate.optional(),
  to: ZPeriodDate.optional(),
  /** "same-period-last-year": the answer carries `previous`, the same figures one year earlier. */
  compare: ZCompare.optional(),
  districtCode: ZGsoCode.optional(),
  /**
   * One commune of today (the list in force since 01/07/2025): the records whose area rolls up to
   * it (itself or an old area it took over), and coverage over it alone.
   */
  communeCode: ZGsoCode.optional(),
  /** Site figures only: camera installations and awards have no model type. */
  modelCategory: z.enum(MODEL_CATEGORIES, { error: () => keyed("v.category") }).optional(),
  modelTypeCode: ZModelTypeCode.optional(),
  /** Only records of approved unit-years (docs/decisions/025); absent = every record. */
  approvedOnly: z.boolean({ error: keyed("v.approvedOnly") }).optional(),
};

export const ZDashboardFilter = z
  .strictObject(filterShape)
  .refine(yearRangeOk, yearRangeIssue)
  .superRefine(periodRules);
export type TDashboardFilter = z.infer<typeof ZDashboardFilter>;

const ZFilterEcho = z.object({
  provinceCode: ZProvinceCode.nullable().optional(),
  formerProvinceCode: ZFormerProvinceCode.nullable().optional(),
  view: ZDashboardView.optional(),
  fromYear: z.number().nullable(),
  toYear: z.number().nullable(),
  from: z.string().nullable().optional(),
  to: z.string().nullable().optional(),
  compare: ZCompare.nullable().optional(),
  districtCode: z.string().nullable(),
  communeCode: z.string().nullable().optional(),
  modelCategory: z.enum(MODEL_CATEGORIES).nullable().optional(),
  modelTypeCode: z.string().nullable().optional(),
  approvedOnly: z.boolean().optional(),
});

/**
 * Camera coverage, the same in both views: `covered`/`total` over the commune-level areas of the
 * list before 01/07/2025 that existed in the period, within the territory (former Quảng Trị
 * 2007–2022: 126); `current` over today's communes of the territory (78 for the whole province),
 * each covered when an installation in the period lies in it or in an area it took over
 * (docs/decisions/009, 022).
 */
const ZCoverageCount = z.object({ list: z.enum(UNIT_LISTS), covered: z.number(), total: z.number() });
export const ZCoverage = z.object({
  covered: z.number(),
  total: z.number(),
  current: z.object({ covered: z.number(), total: z.number() }),
  /**
   * The figure to quote (shared/src/coverage.ts, docs/decisions/027): over the list in force on the
   * period's last day (today's communes for any period ending after 30/06/2025), which it names.
   */
  headline: ZCoverageCount,
  /** The other list's figure, only when the period spans 01/07/2025. */
  secondary: ZCoverageCount.nullable(),
});

/** The earlier period a figure is compared with: its first (null: open) and last days. */
const ZPreviousPeriod = { from: z.string().nullable(), to: z.string() };

const ZSummaryFigures = z.object({
  modelTypeCount: z.number(),
  siteCount: z.number(),
  areasWithModels: z.number(),
  cameraCoverage: ZCoverage,
  cameras: z.object({
    cameras: z.number(),
    recorders: z.number(),
    memoryCards: z.number(),
    costVnd: z.number(),
    installations: z.number(),
  }),
  byModelType: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      category: z.enum(MODEL_CATEGORIES),
      sites: z.number(),
      districts: z.number(),
      communes: z.number(),
    }),
  ),
  byReligion: z.array(z.object({ religion: z.enum(RELIGIONS), sites: z.number() })),
  /**
   * One row per province of today the filter covers (decision 050): 34 on the national install
   * without a province, one otherwise; summed from the districts' roll-up figures.
   */
  byProvince: z
    .array(
      z.object({
        code: z.string(),
        name: z.string(),
        nameEn: z.string(),
        sites: z.number(),
        installations: z.number(),
        cameras: z.number(),
        /** Today's communes and how many are covered in the period (coverage's `current`). */
        communes: z.number(),
        coveredCommunes: z.number(),
        /** Commune-level areas of the list before 01/07/2025 that existed in the period, and covered. */
        areas: z.number(),
        coveredAreas: z.number(),
      }),
    )
    .optional(),
  byDistrict: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      sites: z.number(),
      areas: z.number(),
      coveredAreas: z.number(),
      /** Communes of the 01/07/2025 list on this abolished district's land, and how many are covered. */
      currentAreas: z.number(),
      currentCoveredAreas: z.number(),
      cameras: z.number(),
      costVnd: z.number(),
      /** Sites per model category in this district (every category present, 0 when none). */
      byCategory: z.record(z.enum(MODEL_CATEGORIES), z.number()).optional(),
    }),
  ),
});

export const ZDashboardSummary = ZSummaryFigures.extend({
  asOf: z.string(),
  filter: ZFilterEcho,
  /** With compare "same-period-last-year": the same figures for the same days one year earlier. */
  previous: ZSummaryFigures.extend(ZPreviousPeriod).optional(),
});
export type TDashboardSummary = z.infer<typeof ZDashboardSummary>;

const ZByCategory = z.record(z.enum(MODEL_CATEGORIES), z.number());
export type TByCategory = z.infer<typeof ZByCategory>;

/** dashboard.yearly: sites established per year and cumulative, per category. */
export const ZDashboardYearly = z.object({
  fromYear: z.number(),
  toYear: z.number(),
  /** Sites established before fromYear (in the other filters): where the cumulative line starts. */
  before: z.number(),
  years: z.array(z.object({ year: z.number(), sites: z.number(), cumulative: z.number(), byCategory: ZByCategory })),
});
export type TDashboardYearly = z.infer<typeof ZDashboardYearly>;

/** dashboard.areas: the commune-level areas of one district. */
export const ZDashboardAreasInput = z
  .strictObject({ ...filterShape, districtCode: ZGsoCode })
  .refine(yearRangeOk, yearRangeIssue)
  .superRefine(periodRules);
export type TDashboardAreasInput = z.infer<typeof ZDashboardAreasInput>;

export const ZDashboardAreas = z.object({
  district: z.object({ code: z.string(), name: z.string() }),
  areas: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      sites: z.number(),
      byCategory: ZByCategory,
      covered: z.boolean(),
      cameras: z.number(),
      /** A commune of the 01/07/2025 list (covered also through the areas it took over). */
      current: z.boolean(),
    }),
  ),
  /** With compare: each area's sites and cameras, and the totals, of the same days one year earlier. */
  previous: z
    .object({
      ...ZPreviousPeriod,
      sites: z.number(),
      cameras: z.number(),
      areas: z.array(z.object({ code: z.string(), sites: z.number(), cameras: z.number() })),
    })
    .optional(),
});
export type TDashboardAreas = z.infer<typeof ZDashboardAreas>;

/** dashboard.cameras: coverage and equipment per district, funding, covered/uncovered areas. */
const ZCameraTotals = z.object({
  cameras: z.number(),
  recorders: z.number(),
  memoryCards: z.number(),
  costVnd: z.number(),
  installations: z.number(),
});
export const ZDashboardCameras = z.object({
  coverage: ZCoverage,
  totals: ZCameraTotals,
  /** With compare: coverage and totals of the same days one year earlier. */
  previous: z.object({ ...ZPreviousPeriod, coverage: ZCoverage, totals: ZCameraTotals }).optional(),
  districts: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      areas: z.number(),
      coveredAreas: z.number(),
      /** Communes of the 01/07/2025 list on this abolished district's land, and how many are covered. */
      currentAreas: z.number(),
      currentCoveredAreas: z.number(),
      cameras: z.number(),
      recorders: z.number(),
      memoryCards: z.number(),
      costVnd: z.number(),
    }),
  ),
  funding: z.array(
    z.object({
      source: z.enum(FUNDING_SOURCES),
      installations: z.number(),
      cameras: z.number(),
      costVnd: z.number(),
    }),
  ),
  areas: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      districtCode: z.string(),
      districtName: z.string(),
      covered: z.boolean(),
      cameras: z.number(),
      current: z.boolean(),
      /** yyyy-mm-dd of the first installation in the period, null when not covered. */
      firstInstalledOn: z.string().nullable(),
    }),
  ),
});
export type TDashboardCameras = z.infer<typeof ZDashboardCameras>;

/** dashboard.modelType: one model type over time, by district, and its sites (paginated). */
export const ZDashboardModelTypeInput = z
  .strictObject({
    ...filterShape,
    code: ZModelTypeCode,
    page: z
      .number()
      .int(keyed("v.pageNoInteger"))
      .min(1, keyed("v.pageNoMin"))
      .max(100_000, keyed("v.pageNoMax"))
      .default(1),
    pageSize: z.number().int().min(1).max(200, keyed("v.pageSizeMax2")).default(50),
  })
  .refine(yearRangeOk, yearRangeIssue)
  .superRefine(periodRules);
export type TDashboardModelTypeInput = z.input<typeof ZDashboardModelTypeInput>;

export const ZDashboardModelType = z.object({
  modelType: z.object({
    code: z.string(),
    name: z.string(),
    category: z.enum(MODEL_CATEGORIES),
    description: z.string(),
  }),
  totalSites: z.number(),
  years: z.array(z.object({ year: z.number(), sites: z.number(), cumulative: z.number() })),
  byDistrict: z.array(z.object({ code: z.string(), name: z.string(), sites: z.number(), areas: z.number() })),
  /** With compare: the type's sites, in all and by district, of the same days one year earlier. */
  previous: z
    .object({
      ...ZPreviousPeriod,
      totalSites: z.number(),
      byDistrict: z.array(z.object({ code: z.string(), sites: z.number() })),
    })
    .optional(),
  sites: z.object({
    total: z.number(),
    page: z.number(),
    pageSize: z.number(),
    items: z.array(
      z.object({
        id: z.number(),
        name: z.string(),
        host: z.string(),
        areaName: z.string(),
        districtName: z.string(),
        establishedOn: z.string(),
        status: z.enum(SITE_STATUSES),
        religion: z.enum(RELIGIONS).nullable(),
      }),
    ),
  }),
});
export type TDashboardModelType = z.infer<typeof ZDashboardModelType>;

const ZTypeRow = z.object({
  code: z.string(),
  name: z.string(),
  sites: z.number(),
  districts: z.number(),
  /** Null when no site of the type recorded it. */
  households: z.number().nullable(),
  members: z.number().nullable(),
});

/** dashboard.communities: clan models and religious-community models. */
export const ZDashboardCommunities = z.object({
  clans: z.object({ sites: z.number(), types: z.array(ZTypeRow) }),
  religious: z.object({
    sites: z.number(),
    types: z.array(ZTypeRow),
    byReligion: z.array(z.object({ religion: z.enum(RELIGIONS), sites: z.number() })),
  }),
  byDistrict: z.array(z.object({ code: z.string(), name: z.string(), clans: z.number(), religious: z.number() })),
  /** With compare: the clan and religious-community sites of the same days one year earlier. */
  previous: z.object({ ...ZPreviousPeriod, clans: z.number(), religious: z.number() }).optional(),
});
export type TDashboardCommunities = z.infer<typeof ZDashboardCommunities>;

/** dashboard.awards: commendations by year, by issuer and form, collectives vs individuals. */
export const ZDashboardAwards = z.object({
  total: z.number(),
  /** With compare: the total of the same days one year earlier. */
  previous: z.object({ ...ZPreviousPeriod, total: z.number() }).optional(),
  byYear: z.array(z.object({ year: z.number(), collective: z.number(), individual: z.number(), total: z.number() })),
  byIssuerForm: z.array(
    z.object({
      issuer: z.enum(AWARD_ISSUERS),
      form: z.enum(AWARD_FORMS),
      collective: z.number(),
      individual: z.number(),
      total: z.number(),
    }),
  ),
  byRecipientKind: z.array(z.object({ kind: z.enum(RECIPIENT_KINDS), count: z.number() })),
});
export type TDashboardAwards = z.infer<typeof ZDashboardAwards>;

/** dashboard.options: what the filter bar offers (districts and model types), labels from the data. */
export const ZDashboardOptions = z.object({
  /** The installed province and the old provinces merged into it (decision 044): the territory choices. */
  province: ZInstalledProvince,
  /** Former districts (all abolished on 01/07/2025), with the old province they were in. */
  districts: z.array(z.object({ code: z.string(), name: z.string(), province: z.string().optional() })),
  /** Today's communes (the 01/07/2025 list), with the former district whose land each lies on. */
  communes: z.array(z.object({ code: z.string(), name: z.string(), districtCode: z.string().nullable() })),
  modelTypes: z.array(z.object({ code: z.string(), name: z.string(), category: z.enum(MODEL_CATEGORIES) })),
});
export type TDashboardOptions = z.infer<typeof ZDashboardOptions>;
