import type { UnitList } from "@qt/shared/coverage";
import { formatNumber, formatPercent } from "@qt/shared/format";
import { SERIES } from "@qt/shared/palette";
import { formerUnitName } from "@qt/shared/unit-names";
import { ReferenceLine } from "recharts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { ChartStateProps } from "../charts/ChartFrame.tsx";
import { HorizontalBars } from "../charts/HorizontalBars.tsx";

/** A district's coverage over the headline's list (`coverageRows`). */
type Row = { code: string; name: string; covered: number; total: number };

/**
 * Share of each district's commune-level areas that have security cameras, against 100% and the
 * province-wide figure: a dashed line with its percent above the plot, named in the caption (an SVG
 * label alone was clipped by the plot margin and could not be read).
 */
export function CoverageChart({ rows, list, ...state }: ChartStateProps & { rows: Row[]; list: UnitList }) {
  const { t, locale } = useI18n();
  const covered = rows.reduce((s, r) => s + r.covered, 0);
  const total = rows.reduce((s, r) => s + r.total, 0);
  // Every district was abolished on 01/07/2025: "Huyện … (cũ)".
  const data = rows.map((r) => ({
    ...r,
    name: formerUnitName(r.name, locale),
    percent: r.total === 0 ? 0 : (100 * r.covered) / r.total,
  }));
  const provincePercent = total === 0 ? 0 : (100 * covered) / total;
  const provinceLabel = t("chart.coverage.province", { percent: formatPercent(covered, total, locale) });
  // Named by the list it counts (decision 027): the areas before 01/07/2025, or today's communes.
  const title = t(list === "two_level" ? "chart.coverage.titleToday" : "chart.coverage.title");
  return (
    <HorizontalBars
      {...state}
      title={title}
      unit={t(list === "two_level" ? "chart.coverage.unitToday" : "chart.coverage.unit")}
      note={
        <>
          <span className="swatch-dashed" aria-hidden="true" />
          {provinceLabel}
        </>
      }
      empty={rows.length === 0}
      table={{
        columns: [
          t("dashboard.chart.districts.column"),
          t("dashboard.chart.coverage.covered"),
          t("dashboard.chart.coverage.percent"),
        ],
        rows: [
          ...data.map((r) => ({
            key: r.code,
            cells: [
              r.name,
              `${formatNumber(r.covered, locale)}/${formatNumber(r.total, locale)}`,
              formatPercent(r.covered, r.total, locale),
            ],
          })),
          {
            key: "province",
            cells: [
              t("dashboard.chart.total"),
              `${formatNumber(covered, locale)}/${formatNumber(total, locale)}`,
              formatPercent(covered, total, locale),
            ],
          },
        ],
      }}
      data={data}
      format={(v) => formatNumber(v, locale)}
      endFormat={(v) => formatPercent(v, 100, locale)}
      rowHeight={{ card: 34, slide: 46 }}
      extra={80}
      axisCap={{ card: 170, slide: 260 }}
      margin={{ top: 28, right: 60 }}
      valueAxis={{ domain: [0, 100], ticks: [0, 20, 40, 60, 80, 100], unit: "%" }}
      // A district with no camera gets a sliver and its "0%": no bar and no label read as missing data.
      minPointSize={2}
      tooltip={(_v, _name, row) => [
        t("chart.coverage.tooltip", {
          covered: formatNumber(row.covered, locale),
          total: formatNumber(row.total, locale),
          percent: formatPercent(row.covered, row.total, locale),
        }),
        t("chart.coverage.series"),
      ]}
      series={[{ key: "percent", name: t("chart.coverage.series"), fill: SERIES.primary }]}
      overlay={(size) => [
        // Labelled, so the line reads as "every commune covered" and not as a stray axis.
        <ReferenceLine
          key="all"
          x={100}
          stroke="#333"
          strokeWidth={2}
          label={{ value: "100%", position: "insideTopRight", fill: "#333", fontSize: size.font }}
        />,
        <ReferenceLine
          key="province"
          x={provincePercent}
          stroke={SERIES.secondary}
          strokeWidth={2}
          strokeDasharray="6 3"
          ifOverflow="extendDomain"
          // Under the bars and their values (recharts draws the grid at -100, bars at 300): figures stay readable.
          zIndex={-60}
          label={{
            value: formatPercent(covered, total, locale),
            position: "top",
            fill: SERIES.secondary,
            fontSize: size.font,
            fontWeight: 700,
          }}
        />,
      ]}
    />
  );
}
