import type { ModelCategory } from "@qt/shared/domain";
import { formatNumber } from "@qt/shared/format";
import type { TDashboardAreas } from "@qt/shared/schemas/dashboard";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { DataTable } from "../charts/ChartFrame.tsx";

/** A district's commune-level areas: sites per category present, camera coverage ✓/✗ and cameras. */
export function AreasTable({ data }: { data: TDashboardAreas }) {
  const { t, label, locale } = useI18n();
  const num = (v: number) => formatNumber(v, locale);
  // The marker tells today's communes from the old areas; by today's communes ("current" view) all are.
  const mixed = data.areas.some((a) => !a.current);
  const cats = (Object.keys(data.areas[0]?.byCategory ?? {}) as ModelCategory[]).filter((c) =>
    data.areas.some((a) => a.byCategory[c] > 0),
  );
  return (
    <DataTable
      caption={t("dashboard.district.areas")}
      table={{
        columns: [
          // Today's communes alone are named as such (decision 027).
          data.areas.length > 0 && !mixed ? t("dashboard.district.areaToday") : t("dashboard.district.area"),
          t("dashboard.chart.sites"),
          ...cats.map((c) => label("category", c)),
          t("dashboard.district.covered"),
          t("dashboard.district.cameras"),
        ],
        rows: data.areas.map((a) => ({
          key: `${a.code}-${a.current}`,
          cells: [
            a.current && mixed ? t("dashboard.area.current", { name: a.name }) : a.name,
            num(a.sites),
            ...cats.map((c) => num(a.byCategory[c])),
            <span key="c" className={a.covered ? "yes" : "no"}>
              {a.covered ? t("dashboard.district.yes") : t("dashboard.district.no")}
            </span>,
            num(a.cameras),
          ],
        })),
      }}
    />
  );
}
