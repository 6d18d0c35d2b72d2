import { OVERVIEW_FIELDS, pick } from "@qt/shared/first-screen";
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useState } from "react";
import { useNavigate } from "react-router";
import { ErrorState, Loading } from "../components/QueryState.tsx";
import { CommuneHome, useCommuneLanding } from "../features/auth/CommuneHome.tsx";
import { ProvinceTable } from "../features/dashboard/ProvinceTable.tsx";
import { ScreenHeader } from "../features/dashboard/ScreenHeader.tsx";
import { SummaryCards } from "../features/dashboard/SummaryCards.tsx";
import { TargetProgress } from "../features/dashboard/TargetProgress.tsx";
import { demoRecords } from "../features/demo/DemoBadge.tsx";
import { FilterBar } from "../features/filters/FilterBar.tsx";
import { useDashboardFilter } from "../features/filters/useDashboardFilter.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useTRPC } from "../trpc.ts";

// The chart library is the biggest part of the bundle: the cards must not wait for it. Its chunk
// is requested once the page has loaded and the cards are on screen; requested with the cards
// (they usually come with the page), its download, compile and drawing would delay them and the
// page's load.
const OverviewCharts = lazy(() =>
  import("../features/dashboard/OverviewCharts.tsx").then((m) => ({ default: m.OverviewCharts })),
);

const chartsPending = <div className="charts-pending" aria-hidden="true" />;

/** False until the page's load event and one painted frame after it. */
function useLoadedAndPainted() {
  const [done, setDone] = useState(false);
  useEffect(() => {
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The timeout runs after the frame is painted; requestAnimationFrame alone runs before paint.
    const afterPaint = () => {
      frame = requestAnimationFrame(() => {
        timer = setTimeout(() => setDone(true));
      });
    };
    if (document.readyState === "complete") afterPaint();
    else window.addEventListener("load", afterPaint, { once: true });
    return () => {
      window.removeEventListener("load", afterPaint);
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return done;
}

/** The leaders' first screen: headline cards and the main charts, all following the filter bar. */
export default function OverviewRoute() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const url = useDashboardFilter();
  const { setFilter, search } = url;
  const filter = useCommuneLanding(url.filter, setFilter, search);
  // The same inputs as firstScreenQueries, so the answers that came with the page are used.
  const input = pick(filter, OVERVIEW_FIELDS);
  const summary = useQuery(trpc.dashboard.summary.queryOptions(input));
  const yearly = useQuery(trpc.dashboard.yearly.queryOptions(input));
  const keep = search ? `?${search}` : "";
  const chartsMayLoad = useLoadedAndPainted();
  return (
    <main className="overview">
      <CommuneHome filter={filter} />
      <ScreenHeader
        title={t("dashboard.heading")}
        scope={input}
        conferenceSearch={keep}
        demo={demoRecords(summary.data, yearly.data)}
      />
      <FilterBar filter={filter} onChange={setFilter} fields={OVERVIEW_FIELDS} />
      {summary.isPending ? (
        <Loading />
      ) : summary.isError ? (
        <ErrorState message={summary.error.message} onRetry={() => summary.refetch()} />
      ) : (
        <>
          <section className="print-section overview-cards">
            <SummaryCards summary={summary.data} />
            {summary.data.targets && (
              <TargetProgress targets={summary.data.targets} year={summary.data.filter.toYear ?? 0} />
            )}
          </section>
          <ProvinceTable
            rows={summary.data.byProvince ?? []}
            onProvince={(code) => setFilter({ provinceCode: code })}
          />
          <Suspense fallback={chartsPending}>
            {chartsMayLoad ? (
              <OverviewCharts
                filter={input}
                summary={summary.data}
                yearly={{
                  data: yearly.data,
                  loading: yearly.isPending,
                  error: yearly.error?.message,
                  onRetry: () => yearly.refetch(),
                }}
                onModelType={(code) => navigate({ pathname: `/model-type/${code}`, search: keep })}
                onDistrict={(code) => navigate({ pathname: `/district/${code}`, search: keep })}
              />
            ) : (
              chartsPending
            )}
          </Suspense>
        </>
      )}
    </main>
  );
}
