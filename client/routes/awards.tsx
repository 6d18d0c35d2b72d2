import { PLACE_YEAR_FIELDS, pick } from "@qt/shared/first-screen";
import { formatNumber } from "@qt/shared/format";
import { useQuery } from "@tanstack/react-query";
import { Card } from "../components/Card.tsx";
import { earlierYear } from "../components/Change.tsx";
import { AwardsChart, yearsOfScope } from "../features/charts/AwardsChart.tsx";
import { DataTable } from "../features/charts/ChartFrame.tsx";
import { DashboardScreen } from "../features/dashboard/DashboardScreen.tsx";
import { useDashboardFilter } from "../features/filters/useDashboardFilter.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useTRPC } from "../trpc.ts";

/** Awards by year, by issuer and form, collectives vs individuals. */
export default function AwardsRoute() {
  const { t, label, locale } = useI18n();
  const trpc = useTRPC();
  const { filter } = useDashboardFilter();
  const q = useQuery(trpc.dashboard.awards.queryOptions(pick(filter, PLACE_YEAR_FIELDS)));
  const num = (v: number) => formatNumber(v, locale);
  return (
    <DashboardScreen title={t("dashboard.awards.heading")} fields={PLACE_YEAR_FIELDS} q={q}>
      {(d) => (
        <>
          <section className="print-section">
            <div className="cards">
              <Card
                label={t("dashboard.awards.total")}
                value={num(d.total)}
                change={
                  d.previous && {
                    current: d.total,
                    earlier: { previous: d.previous.total, year: earlierYear(d.previous) },
                  }
                }
              />
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
      )}
    </DashboardScreen>
  );
}
