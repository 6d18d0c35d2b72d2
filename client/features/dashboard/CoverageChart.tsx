import { formatNumber, formatPercent } from "@qt/shared/format";
import type { TDashboardSummary } from "@qt/shared/schemas/dashboard";
import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { Empty } from "../../components/QueryState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";

type Row = TDashboardSummary["byDistrict"][number];

/** Okabe–Ito blue and vermilion: distinguishable with the common colour-vision deficiencies. */
const BAR = "#0072B2";
const PROVINCE_LINE = "#D55E00";

/** Share of each district's commune-level areas that have security cameras, with the province line. */
export function CoverageChart({ rows, width = 720 }: { rows: Row[]; width?: number }) {
  const { t, locale } = useI18n();
  const covered = rows.reduce((s, r) => s + r.coveredAreas, 0);
  const total = rows.reduce((s, r) => s + r.areas, 0);
  const data = rows.map((r) => ({ ...r, percent: r.areas === 0 ? 0 : (100 * r.coveredAreas) / r.areas }));
  const provincePercent = total === 0 ? 0 : (100 * covered) / total;
  const title = t("chart.coverage.title");
  return (
    <figure className="chart" aria-label={title}>
      <figcaption>
        <h3>{title}</h3>
        <span className="chart-unit">{t("chart.coverage.unit")}</span>
      </figcaption>
      {rows.length === 0 ? (
        <Empty />
      ) : (
        <BarChart
          width={width}
          height={40 * rows.length + 60}
          data={data}
          layout="vertical"
          margin={{ left: 24, right: 32 }}
          role="img"
          aria-label={title}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, 100]} unit="%" tickFormatter={(v: number) => formatNumber(v, locale)} />
          <YAxis type="category" dataKey="name" width={170} />
          <Tooltip
            formatter={(_value, _name, item) => {
              const row = item.payload as Row;
              return [
                t("chart.coverage.tooltip", {
                  covered: formatNumber(row.coveredAreas, locale),
                  total: formatNumber(row.areas, locale),
                  percent: formatPercent(row.coveredAreas, row.areas, locale),
                }),
                t("chart.coverage.series"),
              ];
            }}
          />
          <ReferenceLine x={100} stroke="#555" />
          <ReferenceLine
            x={provincePercent}
            stroke={PROVINCE_LINE}
            strokeDasharray="6 3"
            label={{
              value: t("chart.coverage.province", { percent: formatPercent(covered, total, locale) }),
              position: "top",
              fill: PROVINCE_LINE,
            }}
          />
          <Bar dataKey="percent" name={t("chart.coverage.series")} fill={BAR} isAnimationActive={false} />
        </BarChart>
      )}
    </figure>
  );
}
