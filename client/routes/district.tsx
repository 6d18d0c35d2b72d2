import { FILTER_PARAMS, type FilterField, pick } from "@qt/shared/first-screen";
import type { TDashboardFilter } from "@qt/shared/schemas/dashboard";
import { formerUnitName } from "@qt/shared/unit-names";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ErrorState, Loading } from "../components/QueryState.tsx";
import { ModelTypeChart } from "../features/charts/ModelTypeChart.tsx";
import { YearlyChart } from "../features/charts/YearlyChart.tsx";
import { AreasTable } from "../features/dashboard/AreasTable.tsx";
import { ScreenHeader } from "../features/dashboard/ScreenHeader.tsx";
import { SummaryCards } from "../features/dashboard/SummaryCards.tsx";
import { TargetProgress } from "../features/dashboard/TargetProgress.tsx";
import { demoRecords } from "../features/demo/DemoBadge.tsx";
import { FilterBar } from "../features/filters/FilterBar.tsx";
import { useDashboardFilter } from "../features/filters/useDashboardFilter.ts";
import { LazyMap } from "../features/maps/LazyMap.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { Link, useNavigate, useParams } from "../router.tsx";
import { useTRPC } from "../trpc.ts";

// The district names its territory: the territory select does not apply here. The commune filter
// offers the communes of today on the district's land.
const FIELDS: FilterField[] = [
  "view",
  "fromYear",
  "toYear",
  "from",
  "to",
  "compare",
  "communeCode",
  "modelCategory",
  "modelTypeCode",
  "approvedOnly",
];

/** The address's filter for another district: a commune lies on one district, so it is dropped. */
function searchFor(search: string): string {
  const params = new URLSearchParams(search);
  params.delete(FILTER_PARAMS.communeCode);
  const rest = params.toString();
  return rest ? `?${rest}` : "";
}

/** One district-level unit (/district/:code), or the list to pick one from (/district). */
export default function DistrictRoute() {
  const { code } = useParams();
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const { search } = useDashboardFilter();
  const options = useQuery({ ...trpc.dashboard.options.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  const keep = searchFor(search);
  const choose = (
    <label className="district-choose no-print">
      {t("dashboard.district.choose")}{" "}
      <select value={code ?? ""} onChange={(e) => navigate({ pathname: `/district/${e.target.value}`, search: keep })}>
        {!code && <option value="">—</option>}
        {options.data?.districts.map((d) => (
          <option key={d.code} value={d.code}>
            {formerUnitName(d.name, locale)}
          </option>
        ))}
      </select>
    </label>
  );
  if (code) return <DistrictScreen code={code} choose={choose} />;
  return (
    <main>
      <h2>{t("dashboard.nav.district")}</h2>
      {choose}
      <ul className="link-list">
        {options.data?.districts.map((d) => (
          <li key={d.code}>
            <Link to={{ pathname: `/district/${d.code}`, search: keep }}>{formerUnitName(d.name, locale)}</Link>
          </li>
        ))}
      </ul>
    </main>
  );
}

/** Its figures, a table of its commune-level areas, its models over time. */
function DistrictScreen({ code, choose }: { code: string; choose: ReactNode }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const { filter, setFilter, search } = useDashboardFilter();
  const keepSearch = searchFor(search);
  const input: TDashboardFilter & { districtCode: string } = { ...pick(filter, FIELDS), districtCode: code };
  const summary = useQuery(trpc.dashboard.summary.queryOptions(input));
  const areas = useQuery(trpc.dashboard.areas.queryOptions(input));
  const yearly = useQuery(trpc.dashboard.yearly.queryOptions(input));
  return (
    <main>
      <ScreenHeader
        scope={input}
        title={formerUnitName(areas.data?.district.name ?? summary.data?.byDistrict[0]?.name ?? code, locale)}
        asOf={summary.data?.asOf}
        demo={demoRecords(summary.data, areas.data, yearly.data)}
      >
        {choose}
      </ScreenHeader>
      {/* The route's district narrows the commune list to its land. */}
      <FilterBar filter={{ ...filter, districtCode: code }} onChange={setFilter} fields={FIELDS} />
      {summary.isPending ? (
        <Loading />
      ) : summary.isError ? (
        <ErrorState message={summary.error.message} onRetry={() => summary.refetch()} />
      ) : (
        <>
          <section className="print-section">
            <SummaryCards summary={summary.data} />
            {summary.data.targets && (
              <TargetProgress targets={summary.data.targets} year={summary.data.filter.toYear ?? 0} />
            )}
          </section>
          <section className="print-section">
            {areas.isPending ? (
              <Loading />
            ) : areas.isError ? (
              <ErrorState message={areas.error.message} onRetry={() => areas.refetch()} />
            ) : (
              <AreasTable data={areas.data} />
            )}
          </section>
          <LazyMap
            filter={input}
            initial={{ level: "commune" }}
            onDistrict={(district) =>
              district !== code && navigate({ pathname: `/district/${district}`, search: keepSearch })
            }
          />
          <section className="print-section chart-grid" aria-label={t("dashboard.district.overTime")}>
            <YearlyChart
              years={yearly.data?.years ?? []}
              loading={yearly.isPending}
              error={yearly.error?.message}
              onRetry={() => yearly.refetch()}
            />
            <ModelTypeChart
              rows={summary.data.byModelType}
              onSelect={(type) => navigate({ pathname: `/model-type/${type}`, search: `?district=${code}` })}
            />
          </section>
        </>
      )}
    </main>
  );
}
