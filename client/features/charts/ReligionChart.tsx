import type { Religion } from "@qt/shared/domain";
import { formatNumber } from "@qt/shared/format";
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { ChartBox, tickProps } from "./ChartBox.tsx";
import { ChartFrame, type ChartStateProps } from "./ChartFrame.tsx";
import { OKABE_ITO } from "./palette.ts";

export type ReligionRow = { religion: Religion; sites: number };

/** Religious-community models per religion. */
export function ReligionChart({ rows, ...state }: ChartStateProps & { rows: ReligionRow[] }) {
  const { t, label, locale } = useI18n();
  const title = t("dashboard.chart.religion.title");
  const num = (v: number) => formatNumber(v, locale);
  const data = rows.map((r) => ({ ...r, name: label("religion", r.religion) }));
  return (
    <ChartFrame
      {...state}
      title={title}
      unit={t("dashboard.chart.sitesUnit")}
      empty={rows.length === 0}
      table={{
        columns: [t("dashboard.chart.religion.column"), t("dashboard.chart.sites")],
        rows: data.map((r) => ({ key: r.religion, cells: [r.name, num(r.sites)] })),
      }}
    >
      <ChartBox large={state.large}>
        {({ width, font, axisWidth, rowsHeight }) => (
          <BarChart
            width={width}
            height={rowsHeight(data.length, state.large ? 70 : 44, 50)}
            data={data}
            layout="vertical"
            margin={{ left: 8, right: 48, top: 8 }}
            role="img"
            aria-label={title}
          >
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tickFormatter={num} tick={tickProps(font)} />
            <YAxis type="category" dataKey="name" width={axisWidth(state.large ? 240 : 150)} tick={tickProps(font)} />
            <Tooltip formatter={(v) => [num(Number(v)), t("dashboard.chart.sites")]} />
            <Bar
              dataKey="sites"
              name={t("dashboard.chart.sites")}
              isAnimationActive={false}
              label={{ position: "right", formatter: (v: unknown) => num(Number(v)), fontSize: font, fill: "#1b1f24" }}
            >
              {data.map((d, i) => (
                <Cell key={d.religion} fill={OKABE_ITO[i % OKABE_ITO.length]} />
              ))}
            </Bar>
          </BarChart>
        )}
      </ChartBox>
    </ChartFrame>
  );
}
