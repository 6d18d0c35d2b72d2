import { formatNumber } from "@qt/shared/format";
import { provinceChoiceName } from "@qt/shared/province";
import type { TDashboardSummary } from "@qt/shared/schemas/dashboard";
import { ScrollTable } from "../../components/ColumnHeads.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/**
 * The national install's figures per province of today (decision 050), from summary.byProvince;
 * a province's name narrows the whole screen to it. Shown only when the summary has several.
 */
export function ProvinceTable({
  rows,
  onProvince,
}: {
  rows: NonNullable<TDashboardSummary["byProvince"]>;
  onProvince: (code: string) => void;
}) {
  const { t, locale } = useI18n();
  if (rows.length < 2) return null;
  const n = (v: number) => formatNumber(v, locale);
  return (
    <section className="print-section by-province" aria-label={t("dashboard.byProvince.title")}>
      <h2>{t("dashboard.byProvince.title")}</h2>
      <ScrollTable
        heads={[
          "dashboard.byProvince.province",
          "dashboard.byProvince.sites",
          "dashboard.byProvince.cameras",
          "dashboard.byProvince.coverage",
        ]}
      >
        {rows.map((r) => (
          <tr key={r.code}>
            <th scope="row">
              <button type="button" className="link" onClick={() => onProvince(r.code)}>
                {provinceChoiceName(r, locale)}
              </button>
            </th>
            <td>{n(r.sites)}</td>
            <td>{n(r.cameras)}</td>
            <td>
              {n(r.coveredCommunes)}/{n(r.communes)}
            </td>
          </tr>
        ))}
      </ScrollTable>
    </section>
  );
}
