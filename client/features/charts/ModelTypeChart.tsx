import { formatNumber } from "@qt/shared/format";
import { SERIES } from "@qt/shared/palette";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { ChartStateProps } from "./ChartFrame.tsx";
import { HorizontalBars } from "./HorizontalBars.tsx";

export type ModelTypeRow = { code: string; name: string; sites: number };

/** The N largest types, then one "other" bar with the rest, so long catalogues stay readable. */
export function topWithOther(rows: ModelTypeRow[], topN: number, otherLabel: (count: number) => string) {
  const sorted = [...rows].sort((a, b) => b.sites - a.sites);
  if (sorted.length <= topN + 1) return sorted;
  const rest = sorted.slice(topN);
  return [
    ...sorted.slice(0, topN),
    { code: "", name: otherLabel(rest.length), sites: rest.reduce((s, r) => s + r.sites, 0) },
  ];
}

/** Sites per model type, horizontal bars, top N plus "other"; a bar opens its model type. */
export function ModelTypeChart({
  rows,
  topN = 10,
  onSelect,
  ...state
}: ChartStateProps & { rows: ModelTypeRow[]; topN?: number; onSelect?: (code: string) => void }) {
  const { t, locale, modelType } = useI18n();
  const title = t("dashboard.chart.modelTypes.title");
  const named = rows.map((r) => ({ ...r, name: modelType(r) }));
  const data = topWithOther(named, topN, (count) => t("dashboard.chart.other", { count }));
  const num = (v: number) => formatNumber(v, locale);
  return (
    <HorizontalBars
      {...state}
      title={title}
      unit={t("dashboard.chart.sitesUnit")}
      empty={rows.length === 0}
      table={{
        columns: [t("dashboard.chart.modelTypes.column"), t("dashboard.chart.sites")],
        rows: [...named].sort((a, b) => b.sites - a.sites).map((r) => ({ key: r.code, cells: [r.name, num(r.sites)] })),
      }}
      data={data}
      format={num}
      rowHeight={{ card: 30, slide: 44 }}
      extra={50}
      axisCap={{ card: 380, slide: 480 }}
      tooltip={(v) => [num(v), t("dashboard.chart.sites")]}
      series={[
        {
          key: "sites",
          name: t("dashboard.chart.sites"),
          fill: (d) => (d.code ? SERIES.primary : SERIES.other),
          onClick: onSelect ? (d) => d.code && onSelect(d.code) : undefined,
        },
      ]}
    />
  );
}
