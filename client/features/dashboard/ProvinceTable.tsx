import { formatNumber } from "@qt/shared/format";
import { provinceChoiceName } from "@qt/shared/province";
import type { TDashboardSummary } from "@qt/shared/schemas/dashboard";
import { ColumnHeads } from "../../components/ColumnHeads.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";

type Rows = NonNullable<TDashboardSummary["byProvince"]>;

/**
 * The national install's figures per province of today (decision 050), from summary.byProvince;
 * a province's name narrows the whole screen to it. Shown only when the summary has several. On a
 * slide (`large`) the 34 rows stand in two tables side by side, so they fit a 1024×768 projector.
 */
export function ProvinceTable({
  rows,
  onProvince,
  large,
}: {
  rows: Rows;
  onProvince?: (code: string) => void;
  large?: boolean;
}) {
  const { t } = useI18n();
  if (rows.length < 2) return null;
  const half = Math.ceil(rows.length / 2);
  const parts = large ? [rows.slice(0, half), rows.slice(half)] : [rows];
  return (
    <section
      className={large ? "print-section by-province by-province-large" : "print-section by-province"}
      aria-label={t("dashboard.byProvince.title")}
    >
      {!large && <h2>{t("dashboard.byProvince.title")}</h2>}
      <div className={large ? "by-province-columns" : "table-scroll"}>
        {parts.map((part) => (
          <ProvinceRows key={part[0]?.code} rows={part} onProvince={onProvince} />
        ))}
      </div>
    </section>
  );
}

function ProvinceRows({ rows, onProvince }: { rows: Rows; onProvince?: (code: string) => void }) {
  const { locale } = useI18n();
  const n = (v: number) => formatNumber(v, locale);
  return (
    <table>
      <ColumnHeads
        keys={[
          "dashboard.byProvince.province",
          "dashboard.byProvince.sites",
          "dashboard.byProvince.cameras",
          "dashboard.byProvince.coverage",
        ]}
      />
      <tbody>
        {rows.map((r) => (
          <tr key={r.code}>
            <th scope="row">
              {onProvince ? (
                <button type="button" className="link" onClick={() => onProvince(r.code)}>
                  {provinceChoiceName(r, locale)}
                </button>
              ) : (
                provinceChoiceName(r, locale)
              )}
            </th>
            <td>{n(r.sites)}</td>
            <td>{n(r.cameras)}</td>
            <td>
              {n(r.coveredCommunes)}/{n(r.communes)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
