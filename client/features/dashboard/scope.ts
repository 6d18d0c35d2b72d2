import { isReviewPreset } from "@qt/shared/first-screen";
import { modelTypeName } from "@qt/shared/model-type-names";
import { periodPhrase } from "@qt/shared/period";
import { formerNameOf, wholeProvinceName } from "@qt/shared/province";
import type { TDashboardFilter, TDashboardOptions } from "@qt/shared/schemas/dashboard";
import { formerUnitName } from "@qt/shared/unit-names";
import { useQuery } from "@tanstack/react-query";
import type { I18n } from "../../i18n/I18nProvider.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useOwnProvinceState } from "../../province.ts";
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
  /** The account (and so its province) not known yet: no place is named. */
  pending = false,
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
          : // A provincial account's province before the options come: no place yet, not "toàn địa bàn".
            t(filter.provinceCode || pending ? "layout.scope.pending" : "layout.scope.province");
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
  // A provincial account's figures are its province's (decision 059): say so when the filter does
  // not, from its session's code, before the install's list of provinces is known.
  const { code, pending } = useOwnProvinceState();
  return describeScope(
    code && !filter.provinceCode ? { ...filter, provinceCode: code } : filter,
    pending ? undefined : options.data,
    i18n,
    pending,
  );
}
