import type { ModelCategory } from "@qt/shared/domain";
import { formatNumber } from "@qt/shared/format";
import type { TDashboardAreas } from "@qt/shared/schemas/dashboard";
import { Change } from "../../components/Change.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { DataTable } from "../charts/ChartFrame.tsx";

/**
 * A district's commune-level areas: sites per category present, camera coverage ✓/✗ and cameras;
 * with compare on, the change of sites and cameras against the same days a year earlier.
 */
export function AreasTable({ data }: { data: TDashboardAreas }) {
  const { t, label, locale } = useI18n();
  const num = (v: number) => formatNumber(v, locale);
  // The marker tells today's communes from the old areas; by today's communes ("current" view) all are.
  const mixed = data.areas.some((a) => !a.current);
  const cats = (Object.keys(data.areas[0]?.byCategory ?? {}) as ModelCategory[]).filter((c) =>
    data.areas.some((a) => a.byCategory[c] > 0),
  );
  const p = data.previous;
  const year = p?.to.slice(0, 4) ?? "";
  const earlier = (code: string, key: "sites" | "cameras") => p?.areas.find((x) => x.code === code)?.[key] ?? 0;
  return (
    <DataTable
      caption={t("dashboard.district.areas")}
      table={{
        columns: [
          // Today's communes alone are named as such (decision 027).
          data.areas.length > 0 && !mixed ? t("dashboard.district.areaToday") : t("dashboard.district.area"),
          t("dashboard.chart.sites"),
          ...(p ? [t("compare.column", { year })] : []),
          ...cats.map((c) => label("category", c)),
          t("dashboard.district.covered"),
          t("dashboard.district.cameras"),
          ...(p ? [t("compare.column", { year })] : []),
        ],
        rows: data.areas.map((a) => ({
          key: `${a.code}-${a.current}`,
          cells: [
            a.current && mixed ? t("dashboard.area.current", { name: a.name }) : a.name,
            num(a.sites),
            ...(p ? [<Change key="s" current={a.sites} earlier={{ previous: earlier(a.code, "sites"), year }} />] : []),
            ...cats.map((c) => num(a.byCategory[c])),
            <span key="c" className={a.covered ? "yes" : "no"}>
              {a.covered ? t("dashboard.district.yes") : t("dashboard.district.no")}
            </span>,
            num(a.cameras),
            ...(p
              ? [<Change key="k" current={a.cameras} earlier={{ previous: earlier(a.code, "cameras"), year }} />]
              : []),
          ],
        })),
      }}
    />
  );
}
