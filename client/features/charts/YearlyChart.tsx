import { formatNumber } from "@qt/shared/format";
import { SERIES } from "@qt/shared/palette";
import { Bar, Line } from "recharts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { ChartBox } from "./ChartBox.tsx";
import { ChartFrame, type ChartStateProps } from "./ChartFrame.tsx";
import { YearColumns } from "./YearColumns.tsx";

export type YearRow = { year: number; sites: number; cumulative: number };

/** New sites per year (bars, left axis) and the cumulative count (line, right axis). */
export function YearlyChart({ years, ...state }: ChartStateProps & { years: YearRow[] }) {
  const { t, locale } = useI18n();
  const num = (v: number) => formatNumber(v, locale);
  const from = years[0]?.year;
  const to = years.at(-1)?.year;
  // One year is named once: "2026", not "2026–2026".
  const title = t("dashboard.chart.yearly.title", { years: from === to ? (from ?? "") : `${from}–${to}` });
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
        {(size) => (
          <YearColumns title={title} size={size} data={years} format={num} height={320} rightAxis>
            <Bar dataKey="sites" name={newLabel} fill={SERIES.primary} isAnimationActive={false} />
            <Line
              yAxisId="right"
              dataKey="cumulative"
              name={cumLabel}
              stroke={SERIES.secondary}
              strokeWidth={3}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
          </YearColumns>
        )}
      </ChartBox>
    </ChartFrame>
  );
}
