import { isReviewPreset } from "@qt/shared/first-screen";
import { modelTypeName } from "@qt/shared/model-type-names";
import { periodPhrase } from "@qt/shared/period";
import { formerNameOf, wholeProvinceName } from "@qt/shared/province";
import type { TDashboardFilter, TDashboardOptions } from "@qt/shared/schemas/dashboard";
import { formerUnitName } from "@qt/shared/unit-names";
import { useQuery } from "@tanstack/react-query";
import type { I18n } from "../../i18n/I18nProvider.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useOwnProvince } from "../../province.ts";
import { useTRPC } from "../../trpc.ts";

export type Scope = {
  /** "Huyện Gio Linh (cũ)", an old province ("Quảng Bình cũ") or the province, with the category or model type when filtered. */
  place: string;
  /** "2015–2018", "từ năm 2015", … or "mọi năm". */
  years: string;
  /**
   * "Địa bàn: Quảng Trị cũ · 2007–2022 · theo đơn vị hành chính tại thời điểm ghi nhận": the subtitle
   * of every screen, slide and printed page.
   */
  line: string;
  /** Title of the first slide: the 15-year wording only for the review conference's scope. */
  cardsTitle: string;
};

/**
 * What a dashboard view covers, in words, so a slide or a print of one district's figures cannot
 * be read as the province's. Names come from the filter bar's options (cached for the visit).
 */
export function describeScope(
  filter: TDashboardFilter,
  options: TDashboardOptions | undefined,
  { t, label, locale }: Pick<I18n, "t" | "label" | "locale">,
): Scope {
  const districtName = options?.districts.find((d) => d.code === filter.districtCode)?.name;
  // A province of today chosen on the national install (decision 050): "toàn tỉnh …".
  const province = filter.provinceCode
    ? options?.province.provinces?.find((p) => p.code === filter.provinceCode)
    : undefined;
  // A commune of today names the place by itself (it lies on one former district).
  const district = filter.communeCode
    ? (options?.communes?.find((c) => c.code === filter.communeCode)?.name ?? filter.communeCode)
    : filter.districtCode
      ? districtName
        ? formerUnitName(districtName, locale)
        : filter.districtCode
      : filter.formerProvinceCode
        ? options
          ? formerNameOf(options.province, filter.formerProvinceCode, locale)
          : filter.formerProvinceCode
        : options
          ? wholeProvinceName(province ?? options.province, locale)
          : t("layout.scope.province");
  const chosenType = options?.modelTypes.find((m) => m.code === filter.modelTypeCode);
  const modelType = filter.modelTypeCode
    ? chosenType
      ? modelTypeName(chosenType, locale)
      : filter.modelTypeCode
    : undefined;
  const parts = [district];
  if (modelType) parts.push(t("layout.scope.modelType", { name: modelType }));
  else if (filter.modelCategory)
    parts.push(t("layout.scope.category", { name: label("category", filter.modelCategory) }));
  const place = parts.join(", ");
  const nation =
    Boolean(options?.province.national) &&
    !filter.provinceCode &&
    !filter.formerProvinceCode &&
    !filter.districtCode &&
    !filter.communeCode;
  const { fromYear: from, toYear: to } = filter;
  // A period by days is named in words: "từ 15/12/2025 đến 14/06/2026" (decision 039).
  const years =
    filter.from || filter.to
      ? periodPhrase(filter)
      : from !== undefined && to !== undefined
        ? from === to
          ? String(from)
          : `${from}–${to}`
        : from !== undefined
          ? t("layout.scope.since", { from })
          : to !== undefined
            ? t("layout.scope.until", { to })
            : t("layout.scope.allYears");
  const view = label("view", filter.view ?? "historical");
  return {
    place,
    years,
    line: t("layout.scope.line", { place, years, view }),
    cardsTitle: isReviewPreset(filter)
      ? t("dashboard.conference.cards")
      : // "trên toàn quốc": "tại toàn quốc" does not read as Vietnamese.
        t(nation ? "layout.scope.cardsTitleNation" : "layout.scope.cardsTitle", { place, years }),
  };
}

export function useScope(filter: TDashboardFilter): Scope {
  const i18n = useI18n();
  const trpc = useTRPC();
  const options = useQuery({ ...trpc.dashboard.options.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  // A provincial account's figures are its province's (decision 059): say so when the filter does not.
  const own = useOwnProvince();
  return describeScope(
    own && !filter.provinceCode ? { ...filter, provinceCode: own.code } : filter,
    options.data,
    i18n,
  );
}
