import { useQuery } from "@tanstack/react-query";
import { ErrorState, Loading } from "../components/QueryState.tsx";
import { CoverageChart } from "../features/dashboard/CoverageChart.tsx";
import { SummaryCards } from "../features/dashboard/SummaryCards.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useTRPC } from "../trpc.ts";

export default function OverviewRoute() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const summary = useQuery(trpc.dashboard.summary.queryOptions({}));
  return (
    <main>
      <h2>{t("dashboard.heading")}</h2>
      {summary.isPending ? (
        <Loading />
      ) : summary.isError ? (
        <ErrorState message={summary.error.message} onRetry={() => summary.refetch()} />
      ) : (
        <>
          <SummaryCards summary={summary.data} />
          <CoverageChart rows={summary.data.byDistrict} />
        </>
      )}
    </main>
  );
}
