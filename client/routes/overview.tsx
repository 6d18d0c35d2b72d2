import { OVERVIEW_FIELDS, pick } from "@qt/shared/first-screen";
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useEffect } from "react";
import { useNavigate } from "react-router";
import { ErrorState, Loading } from "../components/QueryState.tsx";
import { ScreenHeader } from "../features/dashboard/ScreenHeader.tsx";
import { SummaryCards } from "../features/dashboard/SummaryCards.tsx";
import { FilterBar } from "../features/filters/FilterBar.tsx";
import { useDashboardFilter } from "../features/filters/useDashboardFilter.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useTRPC } from "../trpc.ts";

// The chart library is the biggest part of the bundle: the cards must not wait for it. Its chunk
// is requested when the screen mounts and draws when it arrives.
let chartsChunk: Promise<typeof import("../features/dashboard/OverviewCharts.tsx")> | undefined;
const loadCharts = () => {
  chartsChunk ??= import("../features/dashboard/OverviewCharts.tsx");
  return chartsChunk;
};
const OverviewCharts = lazy(() => loadCharts().then((m) => ({ default: m.OverviewCharts })));

/** The leaders' first screen: headline cards and the main charts, all following the filter bar. */
export default function OverviewRoute() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const { filter, setFilter, search } = useDashboardFilter();
  // The same inputs as firstScreenQueries, so the answers that came with the page are used.
  const input = pick(filter, OVERVIEW_FIELDS);
  const summary = useQuery(trpc.dashboard.summary.queryOptions(input));
  const yearly = useQuery(trpc.dashboard.yearly.queryOptions(input));
  const keep = search ? `?${search}` : "";
  useEffect(() => {
    void loadCharts();
  }, []);
  return (
    <main>
      <ScreenHeader title={t("dashboard.heading")} conferenceSearch={keep} />
      <FilterBar filter={filter} onChange={setFilter} fields={OVERVIEW_FIELDS} />
      {summary.isPending ? (
        <Loading />
      ) : summary.isError ? (
        <ErrorState message={summary.error.message} onRetry={() => summary.refetch()} />
      ) : (
        <>
          <section className="print-section">
            <SummaryCards summary={summary.data} />
          </section>
          <Suspense fallback={<div className="charts-pending" aria-hidden="true" />}>
            <OverviewCharts
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
          </Suspense>
        </>
      )}
    </main>
  );
}
