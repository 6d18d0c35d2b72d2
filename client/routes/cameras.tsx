import { coverageOfList, coverageRows } from "@qt/shared/coverage";
import { pick, VIEW_PLACE_YEAR_FIELDS } from "@qt/shared/first-screen";
import { formatDate, formatMoneyExact, formatMoneyShort, formatNumber, formatPercent } from "@qt/shared/format";
import type { MessageKey } from "@qt/shared/messages/index";
import type { TDashboardCameras } from "@qt/shared/schemas/dashboard";
import { formerUnitName } from "@qt/shared/unit-names";
import { useQuery } from "@tanstack/react-query";
import { Card } from "../components/Card.tsx";
import { earlierYear } from "../components/Change.tsx";
import { DataTable } from "../features/charts/ChartFrame.tsx";
import { CoverageCard } from "../features/dashboard/CoverageCard.tsx";
import { CoverageChart } from "../features/dashboard/CoverageChart.tsx";
import { DashboardScreen } from "../features/dashboard/DashboardScreen.tsx";
import { useDashboardFilter } from "../features/filters/useDashboardFilter.ts";
import { LazyMap } from "../features/maps/LazyMap.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useNavigate } from "../router.tsx";
import { useTRPC } from "../trpc.ts";

/** Security cameras: coverage per district against 100%, equipment and money, funding, areas. */
export default function CamerasRoute() {
  const { t, label, locale } = useI18n();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const { filter, search } = useDashboardFilter();
  const q = useQuery(trpc.dashboard.cameras.queryOptions(pick(filter, VIEW_PLACE_YEAR_FIELDS)));
  const num = (v: number) => formatNumber(v, locale);
  const coverageText = (c: { covered: number; total: number }) =>
    `${num(c.covered)}/${num(c.total)} (${formatPercent(c.covered, c.total, locale)})`;
  const money = (v: number) => <span title={formatMoneyExact(v, locale)}>{formatMoneyShort(v, locale)}</span>;
  const body = (d: NonNullable<typeof q.data>) => {
    // The areas before 01/07/2025 (the 126) and the communes of that date, listed apart as counted.
    const before = d.areas.filter((a) => !a.current);
    const current = d.areas.filter((a) => a.current);
    // With compare on: the totals against the same days a year earlier (decision 039).
    const p = d.previous;
    const vs = (now: number, then: number | undefined) =>
      p && then !== undefined ? { current: now, earlier: { previous: then, year: earlierYear(p) } } : undefined;
    const total = (key: "cameras" | "recorders" | "memoryCards", name: MessageKey) => (
      <Card label={t(name)} value={num(d.totals[key])} change={vs(d.totals[key], p?.totals[key])} />
    );
    return (
      <>
        <section className="print-section">
          <div className="cards">
            <CoverageCard coverage={d.coverage} communeCode={filter.communeCode} />
            {total("cameras", "card.cameras")}
            {total("recorders", "dashboard.cameras.recorders")}
            {total("memoryCards", "dashboard.cameras.memoryCards")}
            <Card
              label={t("card.cost")}
              value={formatMoneyShort(d.totals.costVnd, locale)}
              title={formatMoneyExact(d.totals.costVnd, locale)}
              detail={formatMoneyExact(d.totals.costVnd, locale)}
            />
          </div>
          <CoverageChart rows={coverageRows(d.districts, d.coverage.headline.list)} list={d.coverage.headline.list} />
        </section>
        <LazyMap
          filter={pick(filter, VIEW_PLACE_YEAR_FIELDS)}
          initial={{ measure: "coverage" }}
          onDistrict={(code) => navigate({ pathname: `/district/${code}`, search: search ? `?${search}` : "" })}
        />
        <section className="print-section">
          <DataTable
            caption={t("dashboard.cameras.byDistrict")}
            table={{
              columns: [
                t("dashboard.chart.districts.column"),
                t("dashboard.chart.coverage.covered"),
                t("card.cameras"),
                t("dashboard.cameras.recorders"),
                t("dashboard.cameras.memoryCards"),
                t("dashboard.cameras.cost"),
              ],
              rows: d.districts.map((r) => ({
                key: r.code,
                cells: [
                  formerUnitName(r.name, locale),
                  coverageText(coverageOfList(r, d.coverage.headline.list)),
                  num(r.cameras),
                  num(r.recorders),
                  num(r.memoryCards),
                  money(r.costVnd),
                ],
              })),
            }}
          />
          <DataTable
            caption={t("dashboard.cameras.funding")}
            table={{
              columns: [
                t("dashboard.cameras.source"),
                t("dashboard.cameras.installations"),
                t("card.cameras"),
                t("dashboard.cameras.cost"),
              ],
              rows: d.funding.map((r) => ({
                key: r.source,
                cells: [label("funding", r.source), num(r.installations), num(r.cameras), money(r.costVnd)],
              })),
            }}
          />
        </section>
        {/* By today's communes ("current" view) the old areas are not listed: only the second pair. */}
        <AreaLists
          areas={before}
          covered="dashboard.cameras.coveredAreas"
          uncovered="dashboard.cameras.uncoveredAreas"
        />
        <AreaLists
          areas={current}
          covered="dashboard.cameras.currentCovered"
          uncovered="dashboard.cameras.currentUncovered"
        />
      </>
    );
  };
  return (
    <DashboardScreen title={t("dashboard.cameras.heading")} fields={VIEW_PLACE_YEAR_FIELDS} q={q}>
      {body}
    </DashboardScreen>
  );
}

type AreaRow = TDashboardCameras["areas"][number];

/** Covered areas (cameras, first installation) and uncovered ones, of one list of units; none: nothing. */
function AreaLists(props: { areas: AreaRow[]; covered: MessageKey; uncovered: MessageKey }) {
  const { t, locale } = useI18n();
  if (props.areas.length === 0) return null;
  const covered = props.areas.filter((a) => a.covered);
  const uncovered = props.areas.filter((a) => !a.covered);
  return (
    <section className="print-section area-lists">
      <DataTable
        caption={t(props.covered, { count: formatNumber(covered.length, locale) })}
        table={{
          columns: [t("dashboard.district.area"), t("card.cameras"), t("dashboard.cameras.firstInstalled")],
          rows: covered.map((a) => ({
            key: a.code,
            cells: [
              `${a.name}, ${formerUnitName(a.districtName, locale)}`,
              formatNumber(a.cameras, locale),
              a.firstInstalledOn ? formatDate(a.firstInstalledOn, locale) : "",
            ],
          })),
        }}
      />
      <DataTable
        caption={t(props.uncovered, { count: formatNumber(uncovered.length, locale) })}
        table={{
          columns: [t("dashboard.district.area"), t("dashboard.chart.districts.column")],
          rows: uncovered.map((a) => ({ key: a.code, cells: [a.name, formerUnitName(a.districtName, locale)] })),
        }}
      />
    </section>
  );
}
