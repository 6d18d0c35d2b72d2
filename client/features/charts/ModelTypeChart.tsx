import { SERIES } from "@qt/shared/palette";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { ChartStateProps } from "./ChartFrame.tsx";
import { SitesBars } from "./SitesBars.tsx";

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
  previous,
  ...state
}: ChartStateProps & {
  rows: ModelTypeRow[];
  topN?: number;
  onSelect?: (code: string) => void;
  /** The same period a year earlier, drawn beside (decision 056): its sites per type and its year. */
  previous?: { rows: { code: string; sites: number }[]; year: string } | undefined;
}) {
  const { t, modelType } = useI18n();
  const earlier = (code: string) => previous?.rows.find((r) => r.code === code)?.sites ?? 0;
  const named = rows.map((r) => ({ ...r, name: modelType(r), ...(previous ? { previous: earlier(r.code) } : {}) }));
  const top = topWithOther(named, topN, (count) => t("dashboard.chart.other", { count }));
  // The "other" bar's earlier figure: the earlier total less the top types'.
  const data = previous
    ? top.map((d) =>
        d.code
          ? d
          : {
              ...d,
              previous:
                previous.rows.reduce((a, r) => a + r.sites, 0) -
                top.filter((x) => x.code).reduce((a, x) => a + earlier(x.code), 0),
            },
      )
    : top;
  return (
    <SitesBars
      {...state}
      title={t("dashboard.chart.modelTypes.title")}
      column={t("dashboard.chart.modelTypes.column")}
      rows={[...named]
        .sort((a, b) => b.sites - a.sites)
        .map((r) => ({
          key: r.code,
          name: r.name,
          sites: r.sites,
          ...(previous ? { previous: earlier(r.code) } : {}),
        }))}
      data={data}
      fill={(d) => (d.code ? SERIES.primary : SERIES.other)}
      onClick={onSelect ? (d) => d.code && onSelect(d.code) : undefined}
      rowHeight={{ card: 30, slide: 44 }}
      axisCap={{ card: 380, slide: 480 }}
      previousName={previous ? t("compare.series", { year: previous.year }) : undefined}
    />
  );
}
