import { formatNumber } from "@qt/shared/format";
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { ChartBox, tickProps } from "./ChartBox.tsx";
import { ChartFrame, type ChartStateProps } from "./ChartFrame.tsx";
import { OTHER_GREY, PRIMARY } from "./palette.ts";

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
  const { t, locale } = useI18n();
  const title = t("dashboard.chart.modelTypes.title");
  const data = topWithOther(rows, topN, (count) => t("dashboard.chart.other", { count }));
  const num = (v: number) => formatNumber(v, locale);
  return (
    <ChartFrame
      {...state}
      title={title}
      unit={t("dashboard.chart.sitesUnit")}
      empty={rows.length === 0}
      table={{
        columns: [t("dashboard.chart.modelTypes.column"), t("dashboard.chart.sites")],
        rows: [...rows].sort((a, b) => b.sites - a.sites).map((r) => ({ key: r.code, cells: [r.name, num(r.sites)] })),
      }}
    >
      <ChartBox large={state.large}>
        {({ width, font, axisWidth, rowsHeight }) => (
          <BarChart
            width={width}
            height={rowsHeight(data.length, state.large ? 44 : 30, 50)}
            data={data}
            layout="vertical"
            margin={{ left: 8, right: 48, top: 8 }}
            role="img"
            aria-label={title}
          >
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tickFormatter={num} tick={tickProps(font)} />
            <YAxis
              type="category"
              dataKey="name"
              width={axisWidth(state.large ? 480 : 380)}
              interval={0}
              tick={tickProps(font)}
            />
            <Tooltip formatter={(v) => [num(Number(v)), t("dashboard.chart.sites")]} />
            <Bar
              dataKey="sites"
              name={t("dashboard.chart.sites")}
              isAnimationActive={false}
              label={{ position: "right", formatter: (v: unknown) => num(Number(v)), fontSize: font, fill: "#1b1f24" }}
              cursor={onSelect ? "pointer" : undefined}
              onClick={(entry: { payload?: ModelTypeRow }) => entry.payload?.code && onSelect?.(entry.payload.code)}
            >
              {data.map((d) => (
                <Cell key={d.code || "other"} fill={d.code ? PRIMARY : OTHER_GREY} />
              ))}
            </Bar>
          </BarChart>
        )}
      </ChartBox>
    </ChartFrame>
  );
}
