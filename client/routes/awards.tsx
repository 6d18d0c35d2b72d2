import { type FilterField, pick } from "@qt/shared/first-screen";
import { formatNumber } from "@qt/shared/format";
import { useQuery } from "@tanstack/react-query";
import { Card } from "../components/Card.tsx";
import { ErrorState, Loading } from "../components/QueryState.tsx";
import { AwardsChart, yearsOfScope } from "../features/charts/AwardsChart.tsx";
import { DataTable } from "../features/charts/ChartFrame.tsx";
import { ScreenHeader } from "../features/dashboard/ScreenHeader.tsx";
import { demoRecords } from "../features/demo/DemoBadge.tsx";
import { FilterBar } from "../features/filters/FilterBar.tsx";
import { useDashboardFilter } from "../features/filters/useDashboardFilter.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useTRPC } from "../trpc.ts";

const FIELDS: FilterField[] = [
  "formerProvinceCode",
  "fromYear",
  "toYear",
  "districtCode",
  "communeCode",
  "approvedOnly",
];

/** Awards by year, by issuer and form, collectives vs individuals. */
export default function AwardsRoute() {
  const { t, label, locale } = useI18n();
  const trpc = useTRPC();
  const { filter, setFilter } = useDashboardFilter();
  const q = useQuery(trpc.dashboard.awards.queryOptions(pick(filter, FIELDS)));
  const num = (v: number) => formatNumber(v, locale);
  const body = () => {
    if (q.isPending) return <Loading />;
    if (q.isError) return <ErrorState message={q.error.message} onRetry={() => q.refetch()} />;
    const d = q.data;
    return (
      <>
        <section className="print-section">
          <div className="cards">
            <Card label={t("dashboard.awards.total")} value={num(d.total)} />
            {d.byRecipientKind.map((k) => (
              <Card key={k.kind} label={label("recipientKind", k.kind)} value={num(k.count)} />
            ))}
          </div>
          <AwardsChart rows={yearsOfScope(d.byYear, filter.fromYear, filter.toYear)} />
        </section>
        <section className="print-section">
          <DataTable
            caption={t("dashboard.awards.byIssuerForm")}
            table={{
              columns: [
                t("dashboard.awards.issuer"),
                t("dashboard.awards.form"),
                label("recipientKind", "collective"),
                label("recipientKind", "individual"),
                t("dashboard.chart.total"),
              ],
              rows: d.byIssuerForm.map((r) => ({
                key: `${r.issuer}/${r.form}`,
                cells: [
                  label("issuer", r.issuer),
                  label("awardForm", r.form),
                  num(r.collective),
                  num(r.individual),
                  num(r.total),
                ],
              })),
            }}
          />
        </section>
      </>
    );
  };
  return (
    <main>
      <ScreenHeader title={t("dashboard.awards.heading")} scope={pick(filter, FIELDS)} demo={demoRecords(q.data)} />
      <FilterBar filter={filter} onChange={setFilter} fields={FIELDS} />
      {body()}
    </main>
  );
}
