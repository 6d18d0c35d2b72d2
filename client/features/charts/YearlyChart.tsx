import { formatNumber } from "@qt/shared/format";
import { SERIES } from "@qt/shared/palette";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { ChartBox, legendProps, tickProps } from "./ChartBox.tsx";
import { ChartFrame, type ChartStateProps } from "./ChartFrame.tsx";

export type YearRow = { year: number; sites: number; cumulative: number };

/** New sites per year (bars, left axis) and the cumulative count (line, right axis). */
export function YearlyChart({ years, ...state }: ChartStateProps & { years: YearRow[] }) {
  const { t, locale } = useI18n();
  const num = (v: number) => formatNumber(v, locale);
  const title = t("dashboard.chart.yearly.title", {
    from: years[0]?.year ?? "",
    to: years.at(-1)?.year ?? "",
  });
  const newLabel = t("dashboard.chart.yearly.new");
  const cumLabel = t("dashboard.chart.yearly.cumulative");
  return (
    <ChartFrame
      {...state}
      title={title}
      unit={t("dashboard.chart.sitesUnit")}
      empty={years.every((y) => y.cumulative === 0)}
      table={{
        columns: [t("dashboard.chart.yearly.year"), newLabel, cumLabel],
        rows: years.map((y) => ({ key: String(y.year), cells: [String(y.year), num(y.sites), num(y.cumulative)] })),
      }}
    >
      <ChartBox large={state.large}>
        {({ width, font, plotHeight }) => (
          <ComposedChart
            width={width}
            height={plotHeight(320)}
            data={years}
            margin={{ left: 8, right: 8, top: 16 }}
            role="img"
            aria-label={title}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="year" tick={tickProps(font)} />
            <YAxis yAxisId="new" allowDecimals={false} tickFormatter={num} tick={tickProps(font)} />
            <YAxis yAxisId="cum" orientation="right" allowDecimals={false} tickFormatter={num} tick={tickProps(font)} />
            <Tooltip formatter={(v, name) => [num(Number(v)), name]} />
            <Legend {...legendProps(font)} />
            <Bar yAxisId="new" dataKey="sites" name={newLabel} fill={SERIES.primary} isAnimationActive={false} />
            <Line
              yAxisId="cum"
              dataKey="cumulative"
              name={cumLabel}
              stroke={SERIES.secondary}
              strokeWidth={3}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
          </ComposedChart>
        )}
      </ChartBox>
    </ChartFrame>
  );
}
