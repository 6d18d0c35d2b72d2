import { coverageRows } from "@qt/shared/coverage";
import { OVERVIEW_FIELDS, PLACE_YEAR_FIELDS, pick } from "@qt/shared/first-screen";
import type { MessageKey } from "@qt/shared/messages/index";
import { policeName } from "@qt/shared/province";
import type { TDashboardFilter, TDashboardSummary, TDashboardYearly } from "@qt/shared/schemas/dashboard";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useCallback, useState } from "react";
import { ErrorState, Loading } from "../components/QueryState.tsx";
import { ApprovalLine } from "../features/approvals/ApprovalLine.tsx";
import { AwardsChart, yearsOfScope } from "../features/charts/AwardsChart.tsx";
import { DistrictCategoryChart } from "../features/charts/DistrictCategoryChart.tsx";
import { ModelTypeChart } from "../features/charts/ModelTypeChart.tsx";
import { ReligionChart } from "../features/charts/ReligionChart.tsx";
import { YearlyChart } from "../features/charts/YearlyChart.tsx";
import { CoverageChart } from "../features/dashboard/CoverageChart.tsx";
import { ProvinceTable } from "../features/dashboard/ProvinceTable.tsx";
import { SummaryCards } from "../features/dashboard/SummaryCards.tsx";
import { useScope } from "../features/dashboard/scope.ts";
import { useSlideKeys } from "../features/dashboard/useSlideKeys.ts";
import { DemoBadge, demoRecords } from "../features/demo/DemoBadge.tsx";
import { useDashboardFilter } from "../features/filters/useDashboardFilter.ts";
import { LazyMap } from "../features/maps/LazyMap.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useProvince } from "../province.ts";
import { useNavigate, useSearchParams } from "../router.tsx";
import { useTRPC } from "../trpc.ts";

// The overview's filter, so "Trình chiếu" from the overview (or its review preset) shows the same scope.
const FIELDS = OVERVIEW_FIELDS;
const AWARD_FIELDS = PLACE_YEAR_FIELDS;

type Data = {
  filter: TDashboardFilter;
  summary: TDashboardSummary;
  yearly?: TDashboardYearly;
  awards?: { year: number; collective: number; individual: number; total: number }[];
};
/**
 * `nation`: the slide reads per province of today (the national install's whole country, decision
 * 050); `districts`: per old district, which across the nation's 696 no projector can show.
 */
type Slide = { id: string; label: MessageKey; render: (d: Data) => ReactNode; scale?: "nation" | "districts" };

/** Every slide the conference mode can show; `?slides=cards,coverage` picks and orders some. */
const SLIDES: Slide[] = [
  { id: "cards", label: "dashboard.conference.cards", render: (d) => <SummaryCards summary={d.summary} large /> },
  {
    id: "provinces",
    label: "dashboard.byProvince.title",
    scale: "nation",
    render: (d) => <ProvinceTable rows={d.summary.byProvince ?? []} large />,
  },
  {
    id: "models",
    label: "dashboard.chart.modelTypes.title",
    render: (d) => <ModelTypeChart rows={d.summary.byModelType} large />,
  },
  {
    id: "districts",
    label: "dashboard.chart.districts.title",
    scale: "districts",
    render: (d) => (
      <DistrictCategoryChart
        rows={d.summary.byDistrict.flatMap((r) => (r.byCategory ? [{ ...r, byCategory: r.byCategory }] : []))}
        large
      />
    ),
  },
  {
    id: "yearly",
    label: "dashboard.conference.slideYearly",
    render: (d) => <YearlyChart years={d.yearly?.years ?? []} loading={!d.yearly} large />,
  },
  {
    id: "coverage",
    label: "chart.coverage.title",
    scale: "districts",
    render: (d) => (
      <CoverageChart
        rows={coverageRows(d.summary.byDistrict, d.summary.cameraCoverage.headline.list)}
        list={d.summary.cameraCoverage.headline.list}
        large
      />
    ),
  },
  { id: "map", label: "map.slide", render: (d) => <LazyMap filter={d.filter} large /> },
  {
    id: "religion",
    label: "dashboard.chart.religion.title",
    render: (d) => <ReligionChart rows={d.summary.byReligion} large />,
  },
  {
    id: "awards",
    label: "dashboard.chart.awards.title",
    render: (d) => (
      <AwardsChart rows={yearsOfScope(d.awards ?? [], d.filter.fromYear, d.filter.toYear)} loading={!d.awards} large />
    ),
  },
];

/** Full-screen presentation for a projector: one slide at a time, keyboard and clicker navigation. */
export default function ConferenceRoute() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const province = useProvince();
  const [params, setParams] = useSearchParams();
  const { filter, search } = useDashboardFilter();
  const input = pick(filter, FIELDS);
  const scope = useScope(input);
  const summary = useQuery(trpc.dashboard.summary.queryOptions(input));
  const yearly = useQuery(trpc.dashboard.yearly.queryOptions(input));
  const awards = useQuery(trpc.dashboard.awards.queryOptions(pick(filter, AWARD_FIELDS)));
  const chosen = params.get("slides")?.split(",") ?? [];
  // Several provinces in the figures: the whole country of the national install.
  const nation = (summary.data?.byProvince?.length ?? 0) > 1;
  const offered = SLIDES.filter((s) => !s.scale || (s.scale === "nation") === nation);
  const slides = chosen.length > 0 ? offered.filter((s) => chosen.includes(s.id)) : offered;
  const [index, setIndex] = useState(0);
  const move = useCallback(
    (delta: number) => setIndex((i) => Math.min(slides.length - 1, Math.max(0, i + delta))),
    [slides.length],
  );
  const exit = useCallback(() => {
    const keep = new URLSearchParams(search);
    keep.delete("slides");
    navigate({ pathname: "/", search: keep.toString() ? `?${keep}` : "" });
  }, [navigate, search]);
  useSlideKeys(move, exit);
  const current = slides[Math.min(index, slides.length - 1)];
  // The chosen slides live in the URL too, so a prepared presentation is one link.
  const toggle = (id: string) => {
    const ids = slides.map((s) => s.id);
    const next = offered.map((s) => s.id).filter((x) => (x === id ? !ids.includes(x) : ids.includes(x)));
    if (next.length === 0) return;
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        if (next.length === offered.length) p.delete("slides");
        else p.set("slides", next.join(","));
        return p;
      },
      { replace: true },
    );
    setIndex(0);
  };
  return (
    <section className="conference" aria-label={t("dashboard.conference.heading")} aria-roledescription="carousel">
      <div className="conference-bar">
        <span className="conference-title">{t("app.title")}</span>
        <span className="conference-counter" aria-live="polite">
          {t("dashboard.conference.counter", { n: index + 1, total: slides.length })}
        </span>
        <button type="button" onClick={() => move(-1)} disabled={index === 0}>
          {t("dashboard.conference.previous")}
        </button>
        <button type="button" onClick={() => move(1)} disabled={index >= slides.length - 1}>
          {t("dashboard.conference.next")}
        </button>
        <button type="button" onClick={() => document.documentElement.requestFullscreen?.().catch(() => undefined)}>
          {t("dashboard.conference.fullscreen")}
        </button>
        <button type="button" onClick={exit}>
          {t("dashboard.conference.exit")}
        </button>
        <details className="conference-choose">
          <summary>{t("dashboard.conference.choose")}</summary>
          <fieldset>
            <legend>{t("dashboard.conference.choose")}</legend>
            {offered.map((s) => (
              <label key={s.id}>
                <input type="checkbox" checked={slides.some((x) => x.id === s.id)} onChange={() => toggle(s.id)} />{" "}
                {t(s.label)}
              </label>
            ))}
          </fieldset>
        </details>
      </div>
      <section
        className="conference-slide"
        aria-roledescription="slide"
        aria-label={t("dashboard.conference.counter", { n: index + 1, total: slides.length })}
      >
        {summary.isPending ? (
          <Loading />
        ) : summary.isError ? (
          <ErrorState message={summary.error.message} onRetry={() => summary.refetch()} />
        ) : (
          <>
            {/* Every slide says what it covers: one district's figures must not pass for the province's. */}
            {/* The first slide says whose figures these are: the province's police, or the national office. */}
            {current?.id === "cards" && province && <p className="slide-agency">{policeName(province, locale)}</p>}
            {current?.id === "cards" && <h2>{scope.cardsTitle}</h2>}
            {/* Scope, demo badge and approval in one line: the chart gets the slide's height. */}
            <div className="slide-meta">
              <p className="slide-scope">{scope.line}</p>
              <DemoBadge records={demoRecords(summary.data, yearly.data, awards.data)} />
              <ApprovalLine filter={input} />
            </div>
            {current?.render({
              filter: input,
              summary: summary.data,
              yearly: yearly.data,
              awards: awards.data?.byYear,
            })}
          </>
        )}
      </section>
      <p className="conference-hint">{t("dashboard.conference.hint")}</p>
    </section>
  );
}
