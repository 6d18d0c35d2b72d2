import { coverageRows } from "@qt/shared/coverage";
import type { TDashboardSummary, TDashboardYearly } from "@qt/shared/schemas/dashboard";
import { useState } from "react";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { DistrictCategoryChart } from "../charts/DistrictCategoryChart.tsx";
import { ModelTypeChart } from "../charts/ModelTypeChart.tsx";
import { ReligionChart } from "../charts/ReligionChart.tsx";
import { YearlyChart } from "../charts/YearlyChart.tsx";
import { CoverageChart } from "./CoverageChart.tsx";

type Props = {
  summary: TDashboardSummary;
  yearly: { data?: TDashboardYearly; loading: boolean; error?: string; onRetry: () => void };
  onModelType: (code: string) => void;
  onDistrict: (code: string) => void;
};

const emptyCategories = {
  clan: 0,
  camera: 0,
  religious: 0,
  school: 0,
  enterprise: 0,
  residential: 0,
  border_sea: 0,
  ethnic_minority: 0,
  mass_organization: 0,
  online: 0,
  other: 0,
};

/**
 * The overview's charts, in their own chunk (loaded lazily by the route) so that the headline cards
 * render without waiting for the chart library to download and parse.
 */
export function OverviewCharts({ summary, yearly, onModelType, onDistrict }: Props) {
  const { t } = useI18n();
  const [beside, setBeside] = useState(false);
  const p = summary.previous;
  const year = p?.to.slice(0, 4) ?? "";
  // The whole country (decision 050): its 696 old districts cannot be read as bars; the provinces'
  // table and map above say the same per province. A province chosen has its districts again.
  const byDistrict = (summary.byProvince?.length ?? 0) < 2;
  return (
    <>
      {p && (
        <label className="compare-toggle">
          <input type="checkbox" checked={beside} onChange={(e) => setBeside(e.target.checked)} />
          {t("compare.chartToggle")}
        </label>
      )}
      <section className="print-section chart-grid">
        <ModelTypeChart
          rows={summary.byModelType}
          onSelect={onModelType}
          previous={p && beside ? { rows: p.byModelType, year } : undefined}
        />
        {byDistrict && (
          <DistrictCategoryChart
            rows={summary.byDistrict.map((d) => ({ ...d, byCategory: d.byCategory ?? emptyCategories }))}
            onSelect={onDistrict}
          />
        )}
      </section>
      <section className="print-section chart-grid">
        <YearlyChart
          years={yearly.data?.years ?? []}
          loading={yearly.loading}
          error={yearly.error}
          onRetry={yearly.onRetry}
        />
        {byDistrict && (
          <CoverageChart
            rows={coverageRows(summary.byDistrict, summary.cameraCoverage.headline.list)}
            list={summary.cameraCoverage.headline.list}
          />
        )}
        <ReligionChart rows={summary.byReligion} />
      </section>
    </>
  );
}
