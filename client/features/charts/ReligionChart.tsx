import type { Religion } from "@qt/shared/domain";
import { formatNumber } from "@qt/shared/format";
import { RELIGION_COLOURS } from "@qt/shared/palette";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { ChartStateProps } from "./ChartFrame.tsx";
import { HorizontalBars } from "./HorizontalBars.tsx";

export type ReligionRow = { religion: Religion; sites: number };

/** Religious-community models per religion. */
export function ReligionChart({ rows, ...state }: ChartStateProps & { rows: ReligionRow[] }) {
  const { t, label, locale } = useI18n();
  const title = t("dashboard.chart.religion.title");
  const num = (v: number) => formatNumber(v, locale);
  const data = rows.map((r) => ({ ...r, name: label("religion", r.religion) }));
  return (
    <HorizontalBars
      {...state}
      title={title}
      unit={t("dashboard.chart.sitesUnit")}
      empty={rows.length === 0}
      table={{
        columns: [t("dashboard.chart.religion.column"), t("dashboard.chart.sites")],
        rows: data.map((r) => ({ key: r.religion, cells: [r.name, num(r.sites)] })),
      }}
      data={data}
      format={num}
      rowHeight={{ card: 44, slide: 70 }}
      extra={50}
      axisCap={{ card: 150, slide: 240 }}
      tooltip={(v) => [num(v), t("dashboard.chart.sites")]}
      series={[{ key: "sites", name: t("dashboard.chart.sites"), fill: (d) => RELIGION_COLOURS[d.religion] }]}
    />
  );
}
