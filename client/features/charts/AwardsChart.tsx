import { formatNumber } from "@qt/shared/format";
import { SERIES } from "@qt/shared/palette";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { barSeries } from "./BarSeries.tsx";
import { ChartBox } from "./ChartBox.tsx";
import { ChartFrame, type ChartStateProps } from "./ChartFrame.tsx";
import { YearColumns } from "./YearColumns.tsx";

export type AwardYearRow = { year: number; collective: number; individual: number; total: number };

/**
 * Every year of the scope, from its first (2007 for a 2007–2022 scope, though the first award came
 * in 2008) to its last, with zeros where nothing was awarded: the axis says what the scope is.
 */
export function yearsOfScope(rows: AwardYearRow[], from?: number, to?: number): AwardYearRow[] {
  if (rows.length === 0) return rows;
  const first = Math.min(from ?? Number.POSITIVE_INFINITY, ...rows.map((r) => r.year));
  const last = Math.max(to ?? Number.NEGATIVE_INFINITY, ...rows.map((r) => r.year));
  const byYear = new Map(rows.map((r) => [r.year, r]));
  return Array.from(
    { length: last - first + 1 },
    (_, i) => byYear.get(first + i) ?? { year: first + i, collective: 0, individual: 0, total: 0 },
  );
}

/** Awards per year, collectives and individuals stacked. */
export function AwardsChart({ rows, ...state }: ChartStateProps & { rows: AwardYearRow[] }) {
  const { t, label, locale } = useI18n();
  const title = t("dashboard.chart.awards.title");
  const num = (v: number) => formatNumber(v, locale);
  return (
    <ChartFrame
      {...state}
      title={title}
      unit={t("dashboard.chart.awards.unit")}
      empty={rows.length === 0}
      table={{
        columns: [
          t("dashboard.chart.awards.year"),
          label("recipientKind", "collective"),
          label("recipientKind", "individual"),
          t("dashboard.chart.total"),
        ],
        rows: rows.map((r) => ({
          key: String(r.year),
          cells: [String(r.year), num(r.collective), num(r.individual), num(r.total)],
        })),
      }}
    >
      <ChartBox large={state.large}>
        {(size) => (
          <YearColumns title={title} size={size} data={rows} format={num} height={300}>
            {barSeries({
              data: rows,
              font: size.font,
              format: num,
              horizontal: false,
              totalKey: "total",
              series: [
                { key: "collective", name: label("recipientKind", "collective"), fill: SERIES.primary },
                { key: "individual", name: label("recipientKind", "individual"), fill: SERIES.secondary },
              ],
            })}
          </YearColumns>
        )}
      </ChartBox>
    </ChartFrame>
  );
}
