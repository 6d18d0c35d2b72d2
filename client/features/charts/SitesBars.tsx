import { formatNumber } from "@qt/shared/format";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { Series } from "./BarSeries.tsx";
import type { ChartStateProps } from "./ChartFrame.tsx";
import { type ByScreen, HorizontalBars } from "./HorizontalBars.tsx";

type Props<Row> = ChartStateProps & {
  title: string;
  /** The data table's heading of the names (a model type, a religion). */
  column: string;
  /** The data table's rows, in its order. */
  rows: { key: string; name: string; sites: number }[];
  /** The bars, in their order. */
  data: Row[];
  fill: Series<Row>["fill"];
  onClick?: Series<Row>["onClick"] | undefined;
  rowHeight: ByScreen;
  axisCap: ByScreen;
};

/** Sites per one grouping (model type, religion): one series of sites, a table of name and sites. */
export function SitesBars<Row extends { name: string; sites: number }>({
  title,
  column,
  rows,
  fill,
  onClick,
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
      table={{ columns: [column, sites], rows: rows.map((r) => ({ key: r.key, cells: [r.name, num(r.sites)] })) }}
      format={num}
      extra={50}
      tooltip={(v) => [num(v), sites]}
      series={[{ key: "sites", name: sites, fill, ...(onClick ? { onClick } : {}) }]}
    />
  );
}
