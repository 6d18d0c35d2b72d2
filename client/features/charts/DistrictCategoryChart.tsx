import type { ModelCategory } from "@qt/shared/domain";
import { formatNumber } from "@qt/shared/format";
import { formerUnitName } from "@qt/shared/unit-names";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { ChartBox, legendProps, tickProps } from "./ChartBox.tsx";
import { ChartFrame, type ChartStateProps } from "./ChartFrame.tsx";
import { OKABE_ITO, OTHER_GREY } from "./palette.ts";

export type DistrictCategoryRow = { code: string; name: string; byCategory: Record<ModelCategory, number> };

/** Categories in order of size; "other" and those beyond the palette are merged into one grey series. */
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
  const keep = present.length > OKABE_ITO.length ? OKABE_ITO.length - 1 : OKABE_ITO.length;
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
    <ChartFrame
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
    >
      <ChartBox large={state.large}>
        {(size) => (
          <BarChart
            width={size.width}
            height={size.rowsHeight(data.length, state.large ? 48 : 34, 110)}
            data={data}
            layout="vertical"
            margin={{ left: 8, right: 24, top: 8 }}
            role="img"
            aria-label={title}
          >
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tickFormatter={num} tick={tickProps(size.font)} />
            <YAxis
              type="category"
              dataKey="name"
              width={size.axisWidth(state.large ? 260 : 170)}
              interval={0}
              tick={tickProps(size.font)}
            />
            <Tooltip formatter={(v, name) => [num(Number(v)), name]} />
            <Legend {...legendProps(size.font)} />
            {shown.map((c, i) => (
              <Bar
                key={c}
                dataKey={c}
                stackId="sites"
                name={label("category", c)}
                fill={OKABE_ITO[i]}
                isAnimationActive={false}
                cursor={onSelect ? "pointer" : undefined}
                onClick={(entry: { payload?: { code: string } }) => entry.payload && onSelect?.(entry.payload.code)}
              />
            ))}
            {merged.length > 0 && (
              <Bar
                dataKey="merged"
                stackId="sites"
                name={t("dashboard.chart.otherCategories")}
                fill={OTHER_GREY}
                isAnimationActive={false}
              />
            )}
          </BarChart>
        )}
      </ChartBox>
    </ChartFrame>
  );
}
