import type { Religion } from "@qt/shared/domain";
import { RELIGION_COLOURS } from "@qt/shared/palette";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { ChartStateProps } from "./ChartFrame.tsx";
import { SitesBars } from "./SitesBars.tsx";

export type ReligionRow = { religion: Religion; sites: number };

/** Religious-community models per religion. */
export function ReligionChart({ rows, ...state }: ChartStateProps & { rows: ReligionRow[] }) {
  const { t, label } = useI18n();
  const data = rows.map((r) => ({ ...r, name: label("religion", r.religion) }));
  return (
    <SitesBars
      {...state}
      title={t("dashboard.chart.religion.title")}
      column={t("dashboard.chart.religion.column")}
      rows={data.map((r) => ({ key: r.religion, name: r.name, sites: r.sites }))}
      data={data}
      fill={(d) => RELIGION_COLOURS[d.religion]}
      rowHeight={{ card: 44, slide: 70 }}
      axisCap={{ card: 150, slide: 240 }}
    />
  );
}
