import type { ModelCategory } from "@qt/shared/domain";
import { formatNumber } from "@qt/shared/format";
import { CATEGORY_COLOURS, SERIES } from "@qt/shared/palette";
import { formerUnitName } from "@qt/shared/unit-names";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { ChartStateProps } from "./ChartFrame.tsx";
import { HorizontalBars } from "./HorizontalBars.tsx";

export type DistrictCategoryRow = { code: string; name: string; byCategory: Record<ModelCategory, number> };

/** More series than this are not told apart in a stack: the smallest join the grey "other" series. */
const MAX_SERIES = 8;

/** Categories in order of size; "other" and those beyond MAX_SERIES are merged into one grey series. */
function seriesOf(rows: DistrictCategoryRow[]) {
  const totals = new Map<ModelCategory, number>();
  for (const r of rows) {
    for (const [c, v] of Object.entries(r.byCategory) as [ModelCategory, number][]) {
      totals.set(c, (totals.get(c) ?? 0) + v);
    }
  }
  const present = [...totals.entries()].filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]);
  // The "other" category always joins the grey series: "Khác" beside "Các nhóm khác" read as two
  // names for one thing.
  const named = present.filter(([c]) => c !== "other");
  const keep = present.length > MAX_SERIES ? MAX_SERIES - 1 : MAX_SERIES;
  const shown = named.slice(0, keep).map(([c]) => c);
  return { shown, merged: present.map(([c]) => c).filter((c) => !shown.includes(c)) };
}

/** Sites per district, stacked by model category. */
export function DistrictCategoryChart({
  rows,
  onSelect,
  ...state
}: ChartStateProps & { rows: DistrictCategoryRow[]; onSelect?: (code: string) => void }) {
  const { t, label, locale } = useI18n();
  const title = t("dashboard.chart.districts.title");
  const num = (v: number) => formatNumber(v, locale);
  const { shown, merged } = seriesOf(rows);
  const data = rows.map((r) => ({
    code: r.code,
    name: formerUnitName(r.name, locale), // every district was abolished on 01/07/2025
    ...r.byCategory,
    merged: merged.reduce((s, c) => s + r.byCategory[c], 0),
    total: Object.values(r.byCategory).reduce((s, v) => s + v, 0),
  }));
  const cats = [...shown, ...merged];
  return (
    <HorizontalBars
      {...state}
      title={title}
      unit={t("dashboard.chart.sitesUnit")}
      empty={data.every((d) => d.total === 0)}
      table={{
        columns: [
          t("dashboard.chart.districts.column"),
          ...cats.map((c) => label("category", c)),
          t("dashboard.chart.total"),
        ],
        rows: data.map((d) => ({
          key: d.code,
          cells: [d.name, ...cats.map((c) => num(d[c])), num(d.total)],
        })),
      }}
      data={data}
      format={num}
      rowHeight={{ card: 34, slide: 48 }}
      extra={110}
      axisCap={{ card: 170, slide: 260 }}
      totalKey="total"
      series={[
        ...shown.map((c) => ({
          key: c,
          name: label("category", c),
          fill: CATEGORY_COLOURS[c],
          onClick: onSelect ? (d: { code: string }) => onSelect(d.code) : undefined,
        })),
        ...(merged.length > 0
          ? [{ key: "merged", name: t("dashboard.chart.otherCategories"), fill: SERIES.other }]
          : []),
      ]}
    />
  );
}
