import { MODEL_CATEGORIES, type ModelCategory, REVIEW_PERIOD } from "./domain.ts";
import type { TDashboardFilter } from "./schemas/dashboard.ts";

/** The URL search parameters that carry the dashboard filter, so a link reproduces the view. */
export const FILTER_PARAMS = {
  /** One province of today, on the national install (decision 050). */
  provinceCode: "tinh",
  formerProvinceCode: "province",
  view: "view",
  fromYear: "from",
  toYear: "to",
  /** A period by days (decision 039): "fromDate=2025-12-15&toDate=2026-06-14"; it replaces the years. */
  from: "fromDate",
  to: "toDate",
  /** "compare=same-period-last-year": the figures beside those of the same days a year earlier. */
  compare: "compare",
  districtCode: "district",
  /** One commune of today (issue 22): its records and those of the old areas it took over. */
  communeCode: "commune",
  modelCategory: "category",
  modelTypeCode: "type",
  /** "approved=1": only records of approved unit-years (issue 13). */
  approvedOnly: "approved",
} as const;
export type FilterField = keyof typeof FILTER_PARAMS;

const year = (v: string | null) => (v && /^\d{4}$/.test(v) ? Number(v) : undefined);
const day = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

/**
 * The URL's filter. No `province` = the whole province of today, no `view` = "historical": the
 * dashboard opens on the province of today, by the units of each record's date. Values are checked
 * here without zod (it stays out of the first screen's bundle); anything else is dropped.
 */
export function filterFromParams(params: URLSearchParams): TDashboardFilter {
  const category = params.get(FILTER_PARAMS.modelCategory);
  const province = params.get(FILTER_PARAMS.formerProvinceCode);
  const commune = params.get(FILTER_PARAMS.communeCode);
  const [from, to] = [day(params.get(FILTER_PARAMS.from)), day(params.get(FILTER_PARAMS.to))];
  // Days win over years: a filter never sends both (the server refuses them together).
  const byDays = from !== undefined || to !== undefined;
  const today = params.get(FILTER_PARAMS.provinceCode);
  return {
    provinceCode: today && /^\d{2}$/.test(today) ? today : undefined,
    formerProvinceCode: province && /^\d{2}$/.test(province) ? province : undefined,
    view: params.get(FILTER_PARAMS.view) === "current" ? "current" : undefined,
    fromYear: byDays ? undefined : year(params.get(FILTER_PARAMS.fromYear)),
    toYear: byDays ? undefined : year(params.get(FILTER_PARAMS.toYear)),
    from,
    to,
    compare: params.get(FILTER_PARAMS.compare) === "same-period-last-year" ? "same-period-last-year" : undefined,
    districtCode: params.get(FILTER_PARAMS.districtCode) || undefined,
    communeCode: commune && /^\d{5}$/.test(commune) ? commune : undefined,
    modelCategory: MODEL_CATEGORIES.includes(category as ModelCategory) ? (category as ModelCategory) : undefined,
    modelTypeCode: params.get(FILTER_PARAMS.modelTypeCode) || undefined,
    approvedOnly: params.get(FILTER_PARAMS.approvedOnly) === "1" ? true : undefined,
  };
}

/** Only the fields a screen uses, without undefined keys (they would change the query key). */
export function pick(filter: TDashboardFilter, fields: readonly FilterField[]): TDashboardFilter {
  const out: Record<string, unknown> = {};
  for (const f of fields) if (filter[f] !== undefined) out[f] = filter[f];
  return out as TDashboardFilter;
}

/** Territory, years, district, commune and approved only. */
const PLACE_YEARS: readonly FilterField[] = [
  "formerProvinceCode",
  "fromYear",
  "toYear",
  "districtCode",
  "communeCode",
  "approvedOnly",
];

/**
 * The filters of a screen of records by place and period (awards, communities): no view, category
 * or type; the period by years or days, and the comparison with the same days a year earlier.
 */
export const PLACE_YEAR_FIELDS: readonly FilterField[] = [...PLACE_YEARS, "from", "to", "compare"];

/** The same with the view (the units of the time or today's communes): cameras, one model type. */
export const VIEW_PLACE_YEAR_FIELDS: readonly FilterField[] = ["view", ...PLACE_YEAR_FIELDS];

/**
 * The fields the approval status of a view depends on (territory, district, commune, years, approved only):
 * a change of view, category or model type asks nothing new (decision 025's summary).
 */
export const APPROVAL_FIELDS = PLACE_YEARS;

/** The filters the overview (the first screen, "/") offers. */
export const OVERVIEW_FIELDS: readonly FilterField[] = [
  "provinceCode",
  "formerProvinceCode",
  "view",
  "fromYear",
  "toYear",
  "from",
  "to",
  "compare",
  "districtCode",
  "communeCode",
  "modelCategory",
  "modelTypeCode",
  "approvedOnly",
];

/**
 * "Hội nghị tổng kết 15 năm (31/01/2023)": the scope of the provincial review conference, former
 * Quảng Trị over 2007–2022, by the units of the time. One click on the dashboard sets exactly this.
 */
/** The province whose copy offers the review preset: Quảng Trị's, whose conference it was (decision 044). */
export const REVIEW_PROVINCE = "44";
export const REVIEW_PRESET: TDashboardFilter = {
  formerProvinceCode: "45",
  fromYear: REVIEW_PERIOD.fromYear,
  toYear: REVIEW_PERIOD.toYear,
};

/** Whether a filter is the review conference's scope (nothing more, nothing less). */
export function isReviewPreset(filter: TDashboardFilter): boolean {
  const fields = Object.keys(FILTER_PARAMS) as FilterField[];
  return fields.every(
    (f) =>
      (filter[f] ?? undefined) === (REVIEW_PRESET[f] ?? undefined) || (f === "view" && filter.view === "historical"),
  );
}

export type FirstScreenQuery = {
  path: "dashboard.summary" | "dashboard.yearly" | "dashboard.approval";
  input: TDashboardFilter;
};

/**
 * The queries the screen at this address asks for first, besides the session check (auth.me). The
 * server answers them inside the page it sends for that address, and the client asks for them with
 * the session check when the page came without them (docs/decisions/008). Only the overview has any.
 */
export function firstScreenQueries(pathname: string, params: URLSearchParams): FirstScreenQuery[] {
  if (pathname !== "/") return [];
  const input = pick(filterFromParams(params), OVERVIEW_FIELDS);
  // The approval line says how far the leaders can stand behind the cards: it comes with them.
  return [
    { path: "dashboard.summary", input },
    { path: "dashboard.yearly", input },
    { path: "dashboard.approval", input: pick(input, APPROVAL_FIELDS) },
  ];
}

/** What the server puts in the page: auth.me's answer and the first screen's answers it could give. */
export type FirstScreenData = { me: unknown; queries: (FirstScreenQuery & { data: unknown })[] };

/** The id of the `<script type="application/json">` element that carries FirstScreenData. */
export const FIRST_SCREEN_ELEMENT_ID = "qt-first-screen";
