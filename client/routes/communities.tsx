import { PLACE_YEAR_FIELDS, pick } from "@qt/shared/first-screen";
import { formatNumber } from "@qt/shared/format";
import type { TDashboardCommunities } from "@qt/shared/schemas/dashboard";
import { formerUnitName } from "@qt/shared/unit-names";
import { useQuery } from "@tanstack/react-query";
import { Card } from "../components/Card.tsx";
import { earlierYear } from "../components/Change.tsx";
import { DataTable } from "../features/charts/ChartFrame.tsx";
import { ReligionChart } from "../features/charts/ReligionChart.tsx";
import { DashboardScreen } from "../features/dashboard/DashboardScreen.tsx";
import { useDashboardFilter } from "../features/filters/useDashboardFilter.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { Link } from "../router.tsx";
import { useTRPC } from "../trpc.ts";

/** Clan models and religious-community models (by religion). */
export default function CommunitiesRoute() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const { filter } = useDashboardFilter();
  const q = useQuery(trpc.dashboard.communities.queryOptions(pick(filter, PLACE_YEAR_FIELDS)));
  const num = (v: number) => formatNumber(v, locale);
  const typeTable = (caption: string, rows: TDashboardCommunities["clans"]["types"]) => (
    <DataTable
      caption={caption}
      table={{
        columns: [
          t("dashboard.chart.modelTypes.column"),
          t("dashboard.chart.sites"),
          t("dashboard.communities.districts"),
          t("dashboard.communities.households"),
          t("dashboard.communities.members"),
        ],
        rows: rows.map((r) => ({
          key: r.code,
          cells: [
            <Link key="l" to={`/model-type/${r.code}`}>
              {r.name}
            </Link>,
            num(r.sites),
            num(r.districts),
            r.households === null ? "—" : num(r.households),
            r.members === null ? "—" : num(r.members),
          ],
        })),
      }}
    />
  );
  const body = (d: NonNullable<typeof q.data>) => {
    return (
      <>
        <section className="print-section">
          <div className="cards">
            <Card
              label={t("dashboard.communities.clans")}
              value={num(d.clans.sites)}
              change={
                d.previous
                  ? { current: d.clans.sites, earlier: { previous: d.previous.clans, year: earlierYear(d.previous) } }
                  : undefined
              }
            />
            <Card
              label={t("dashboard.communities.religious")}
              value={num(d.religious.sites)}
              change={
                d.previous
                  ? {
                      current: d.religious.sites,
                      earlier: { previous: d.previous.religious, year: earlierYear(d.previous) },
                    }
                  : undefined
              }
            />
          </div>
          {typeTable(t("dashboard.communities.clans"), d.clans.types)}
        </section>
        <section className="print-section">
          <ReligionChart rows={d.religious.byReligion} />
          {typeTable(t("dashboard.communities.religious"), d.religious.types)}
        </section>
        <section className="print-section">
          <DataTable
            caption={t("dashboard.communities.byDistrict")}
            table={{
              columns: [
                t("dashboard.chart.districts.column"),
                t("dashboard.communities.clans"),
                t("dashboard.communities.religious"),
              ],
              rows: d.byDistrict.map((r) => ({
                key: r.code,
                cells: [formerUnitName(r.name, locale), num(r.clans), num(r.religious)],
              })),
            }}
          />
        </section>
      </>
    );
  };
  return (
    <DashboardScreen title={t("dashboard.communities.heading")} fields={PLACE_YEAR_FIELDS} q={q}>
      {body}
    </DashboardScreen>
  );
}
