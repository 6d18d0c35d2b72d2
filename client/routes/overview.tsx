import { OVERVIEW_FIELDS, pick } from "@qt/shared/first-screen";
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { ErrorState, Loading } from "../components/QueryState.tsx";
import { Pending, WhenNear } from "../components/WhenNear.tsx";
import { CommuneHome, useCommuneLanding } from "../features/auth/CommuneHome.tsx";
import { ProvinceTable } from "../features/dashboard/ProvinceTable.tsx";
import { ScreenHeader } from "../features/dashboard/ScreenHeader.tsx";
import { SummaryCards } from "../features/dashboard/SummaryCards.tsx";
import { TargetProgress } from "../features/dashboard/TargetProgress.tsx";
import { demoRecords } from "../features/demo/DemoBadge.tsx";
import { FilterBar } from "../features/filters/FilterBar.tsx";
import { useDashboardFilter } from "../features/filters/useDashboardFilter.ts";
import { LazyMap } from "../features/maps/LazyMap.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useNavigate } from "../router.tsx";
import { useTRPC } from "../trpc.ts";

// The chart library is the biggest part of the bundle: neither the cards nor the page's load wait
// for it. The map and the charts are below the first screen at every width (decision 054): each
// comes when the reader scrolls near it (WhenNear), in chunks of their own.
const OverviewCharts = lazy(() =>
  import("../features/dashboard/OverviewCharts.tsx").then((m) => ({ default: m.OverviewCharts })),
);

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
  // The national install's drill-down (decision 050): a province, or back to the whole country.
  const toProvince = (code: string | undefined) =>
    setFilter({ provinceCode: code, formerProvinceCode: undefined, districtCode: undefined, communeCode: undefined });
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
          <ProvinceTable rows={summary.data.byProvince ?? []} onProvince={toProvince} />
          <WhenNear className="map-pending">
            <LazyMap
              filter={input}
              onDistrict={(code) => navigate({ pathname: `/district/${code}`, search: keep })}
              onProvince={toProvince}
            />
          </WhenNear>
          <WhenNear className="charts-pending">
            <Suspense fallback={<Pending className="charts-pending" />}>
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
          </WhenNear>
        </>
      )}
    </main>
  );
}
