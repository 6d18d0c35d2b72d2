import type { TDashboardFilter } from "@qt/shared/schemas/dashboard";
import { type QueryClient, useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useEffect } from "react";
import { useNavigate } from "react-router";
import { ErrorState, Loading } from "../components/QueryState.tsx";
import { ScreenHeader } from "../features/dashboard/ScreenHeader.tsx";
import { SummaryCards } from "../features/dashboard/SummaryCards.tsx";
import { FilterBar } from "../features/filters/FilterBar.tsx";
import {
  type FilterField,
  filterFromParams,
  pick,
  useDashboardFilter,
} from "../features/filters/useDashboardFilter.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useTRPC } from "../trpc.ts";

// The chart library is the biggest part of the bundle: the cards must not wait for it. Its chunk
// is requested when the screen mounts, so it downloads and compiles while the queries are on the
// wire; requested earlier, its compile delays the session check and the first render.
let chartsChunk: Promise<typeof import("../features/dashboard/OverviewCharts.tsx")> | undefined;
const loadCharts = () => {
  chartsChunk ??= import("../features/dashboard/OverviewCharts.tsx");
  return chartsChunk;
};
const OverviewCharts = lazy(() => loadCharts().then((m) => ({ default: m.OverviewCharts })));

const FIELDS: FilterField[] = ["fromYear", "toYear", "districtCode", "modelCategory", "modelTypeCode"];

type Trpc = ReturnType<typeof useTRPC>;
const queries = (trpc: Trpc, filter: TDashboardFilter) => {
  const input = pick(filter, FIELDS);
  return { summary: trpc.dashboard.summary.queryOptions(input), yearly: trpc.dashboard.yearly.queryOptions(input) };
};

/**
 * Starts this screen's queries together with the session check (the app calls it on load, in the
 * same batch as auth.me), instead of after it: one round trip less before the cards show. Without a
 * session they fail UNAUTHORIZED, and the screen asks again once the user has logged in.
 */
export function prefetchOverview(queryClient: QueryClient, trpc: Trpc, search: URLSearchParams) {
  const q = queries(trpc, filterFromParams(search));
  void queryClient.prefetchQuery(q.summary);
  void queryClient.prefetchQuery(q.yearly);
}

/** The leaders' first screen: headline cards and the main charts, all following the filter bar. */
export default function OverviewRoute() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const { filter, setFilter, search } = useDashboardFilter();
  const q = queries(trpc, filter);
  const summary = useQuery(q.summary);
  const yearly = useQuery(q.yearly);
  const keep = search ? `?${search}` : "";
  useEffect(() => {
    void loadCharts();
  }, []);
  return (
    <main>
      <ScreenHeader title={t("dashboard.heading")} conferenceSearch={keep} />
      <FilterBar filter={filter} onChange={setFilter} fields={FIELDS} />
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
