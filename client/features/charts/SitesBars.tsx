import { formatNumber } from "@qt/shared/format";
import { SERIES } from "@qt/shared/palette";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { Series } from "./BarSeries.tsx";
import type { ChartStateProps } from "./ChartFrame.tsx";
import { type ByScreen, HorizontalBars } from "./HorizontalBars.tsx";

type Props<Row> = ChartStateProps & {
  title: string;
  /** The data table's heading of the names (a model type, a religion). */
  column: string;
  /** The data table's rows, in its order. */
  rows: { key: string; name: string; sites: number; previous?: number }[];
  /** The bars, in their order. */
  data: Row[];
  fill: Series<Row>["fill"];
  onClick?: Series<Row>["onClick"] | undefined;
  rowHeight: ByScreen;
  axisCap: ByScreen;
  /**
   * The same period a year earlier, as a second bar beside each (decision 056): its legend name;
   * each row (and each bar's `previous`) carries its earlier figure.
   */
  previousName?: string | undefined;
};

/** Sites per one grouping (model type, religion): one series of sites, a table of name and sites. */
export function SitesBars<Row extends { name: string; sites: number; previous?: number }>({
  title,
  column,
  rows,
  fill,
  onClick,
  previousName,
  ...p
}: Props<Row>) {
  const { t, locale } = useI18n();
  const sites = t("dashboard.chart.sites");
  const num = (v: number) => formatNumber(v, locale);
  return (
    <HorizontalBars
      {...p}
      title={title}
      unit={t("dashboard.chart.sitesUnit")}
      empty={rows.length === 0}
      table={{
        columns: previousName ? [column, sites, previousName] : [column, sites],
        rows: rows.map((r) => ({
          key: r.key,
          cells: previousName ? [r.name, num(r.sites), num(r.previous ?? 0)] : [r.name, num(r.sites)],
        })),
      }}
      format={num}
      extra={previousName ? 80 : 50}
      beside={Boolean(previousName)}
      rowHeight={previousName ? { card: p.rowHeight.card * 1.6, slide: p.rowHeight.slide * 1.6 } : p.rowHeight}
      tooltip={(v, name) => [num(v), name]}
      series={[
        {
          key: "sites",
          name: previousName ? t("compare.current") : sites,
          // One colour per series when two stand side by side, so the legend shows it.
          fill: previousName ? SERIES.primary : fill,
          ...(onClick ? { onClick } : {}),
        },
        ...(previousName ? [{ key: "previous", name: previousName, fill: SERIES.other }] : []),
      ]}
    />
  );
}
