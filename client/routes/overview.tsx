import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { ErrorState, Loading } from "../components/QueryState.tsx";
import { DistrictCategoryChart } from "../features/charts/DistrictCategoryChart.tsx";
import { ModelTypeChart } from "../features/charts/ModelTypeChart.tsx";
import { ReligionChart } from "../features/charts/ReligionChart.tsx";
import { YearlyChart } from "../features/charts/YearlyChart.tsx";
import { CoverageChart } from "../features/dashboard/CoverageChart.tsx";
import { ScreenHeader } from "../features/dashboard/ScreenHeader.tsx";
import { SummaryCards } from "../features/dashboard/SummaryCards.tsx";
import { FilterBar } from "../features/filters/FilterBar.tsx";
import { type FilterField, pick, useDashboardFilter } from "../features/filters/useDashboardFilter.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useTRPC } from "../trpc.ts";

const FIELDS: FilterField[] = ["fromYear", "toYear", "districtCode", "modelCategory", "modelTypeCode"];

/** The leaders' first screen: headline cards and the main charts, all following the filter bar. */
export default function OverviewRoute() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const { filter, setFilter, search } = useDashboardFilter();
  const input = pick(filter, FIELDS);
  const summary = useQuery(trpc.dashboard.summary.queryOptions(input));
  const yearly = useQuery(trpc.dashboard.yearly.queryOptions(input));
  const keep = search ? `?${search}` : "";
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
          <section className="print-section chart-grid">
            <ModelTypeChart
              rows={summary.data.byModelType}
              onSelect={(code) => navigate({ pathname: `/model-type/${code}`, search: keep })}
            />
            <DistrictCategoryChart
              rows={summary.data.byDistrict.map((d) => ({ ...d, byCategory: d.byCategory ?? emptyCategories }))}
              onSelect={(code) => navigate({ pathname: `/district/${code}`, search: keep })}
            />
          </section>
          <section className="print-section chart-grid">
            <YearlyChart
              years={yearly.data?.years ?? []}
              loading={yearly.isPending}
              error={yearly.error?.message}
              onRetry={() => yearly.refetch()}
            />
            <CoverageChart rows={summary.data.byDistrict} />
            <ReligionChart rows={summary.data.byReligion} />
          </section>
        </>
      )}
    </main>
  );
}

const emptyCategories = {
  clan: 0,
  camera: 0,
  religious: 0,
  school: 0,
  enterprise: 0,
  residential: 0,
  border_sea: 0,
  ethnic_minority: 0,
  mass_organization: 0,
  online: 0,
  other: 0,
};
