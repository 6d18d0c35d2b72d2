import { pick, VIEW_PLACE_YEAR_FIELDS } from "@qt/shared/first-screen";
import { formatDate, formatNumber } from "@qt/shared/format";
import { formerUnitName } from "@qt/shared/unit-names";
import { useQuery } from "@tanstack/react-query";
import { Change, earlierYear } from "../components/Change.tsx";
import { Pager } from "../components/Pager.tsx";
import { ErrorState, Loading } from "../components/QueryState.tsx";
import { DataTable } from "../features/charts/ChartFrame.tsx";
import { YearlyChart } from "../features/charts/YearlyChart.tsx";
import { ScreenHeader } from "../features/dashboard/ScreenHeader.tsx";
import { demoRecords } from "../features/demo/DemoBadge.tsx";
import { FilterBar } from "../features/filters/FilterBar.tsx";
import { useDashboardFilter } from "../features/filters/useDashboardFilter.ts";
import { LazyMap } from "../features/maps/LazyMap.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { Link, useNavigate, useParams, useSearchParams } from "../router.tsx";
import { useTRPC } from "../trpc.ts";

const FIELDS = VIEW_PLACE_YEAR_FIELDS;
const PAGE_SIZE = 25;

/** One model type (/model-type/:code): over time, by district, its sites; or the list (/model-type). */
export default function ModelTypeRoute() {
  const { code } = useParams();
  const { t, label, modelType } = useI18n();
  const trpc = useTRPC();
  const { search } = useDashboardFilter();
  const options = useQuery({ ...trpc.dashboard.options.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  if (code) return <ModelTypeScreen code={code} />;
  const keep = search ? `?${search}` : "";
  return (
    <main>
      <h2>{t("dashboard.modelType.choose")}</h2>
      <ul className="link-list">
        {options.data?.modelTypes.map((m) => (
          <li key={m.code}>
            <Link to={{ pathname: `/model-type/${m.code}`, search: keep }}>{modelType(m)}</Link>{" "}
            <span className="muted">({label("category", m.category)})</span>
          </li>
        ))}
      </ul>
    </main>
  );
}

function ModelTypeScreen({ code }: { code: string }) {
  const { t, label, locale, modelType } = useI18n();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { filter, setFilter, search } = useDashboardFilter();
  const page = Math.max(1, Number(params.get("page")) || 1);
  const q = useQuery(
    trpc.dashboard.modelType.queryOptions({ ...pick(filter, FIELDS), code, page, pageSize: PAGE_SIZE }),
  );
  const num = (v: number) => formatNumber(v, locale);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState message={q.error.message} onRetry={() => q.refetch()} />;
  const d = q.data;
  const setPage = (p: number) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set("page", String(p));
      return next;
    });
  return (
    <main>
      <ScreenHeader
        title={modelType(d.modelType)}
        scope={{ ...pick(filter, FIELDS), modelTypeCode: code }}
        demo={demoRecords(d)}
      >
        <p className="muted">
          {label("category", d.modelType.category)} · {t("dashboard.modelType.total", { count: num(d.totalSites) })}
          {d.previous && (
            <>
              {" "}
              <Change
                current={d.totalSites}
                earlier={{ previous: d.previous.totalSites, year: earlierYear(d.previous) }}
              />
            </>
          )}
        </p>
        {d.modelType.description && <p>{d.modelType.description}</p>}
      </ScreenHeader>
      <FilterBar filter={filter} onChange={setFilter} fields={FIELDS} />
      <section className="print-section chart-grid">
        <YearlyChart years={d.years} />
        <DataTable
          caption={t("dashboard.modelType.byDistrict")}
          table={{
            columns: [
              t("dashboard.chart.districts.column"),
              t("dashboard.chart.sites"),
              ...(d.previous ? [t("compare.column", { year: earlierYear(d.previous) })] : []),
              t("dashboard.modelType.areas"),
            ],
            rows: d.byDistrict.map((r) => ({
              key: r.code,
              cells: [
                <Link key="l" to={{ pathname: `/district/${r.code}`, search: search ? `?${search}` : "" }}>
                  {formerUnitName(r.name, locale)}
                </Link>,
                num(r.sites),
                ...(d.previous
                  ? [
                      <Change
                        key="c"
                        current={r.sites}
                        earlier={{
                          previous: d.previous.byDistrict.find((x) => x.code === r.code)?.sites ?? 0,
                          year: earlierYear(d.previous),
                        }}
                      />,
                    ]
                  : []),
                num(r.areas),
              ],
            })),
          }}
        />
      </section>
      <LazyMap
        filter={pick(filter, FIELDS)}
        initial={{ measure: "typeSites", modelTypeCode: code }}
        onDistrict={(district) => navigate({ pathname: `/district/${district}`, search: search ? `?${search}` : "" })}
      />
      <section className="print-section">
        <DataTable
          caption={t("dashboard.modelType.sites", { total: num(d.sites.total) })}
          table={{
            columns: [
              t("dashboard.modelType.name"),
              t("dashboard.modelType.host"),
              t("dashboard.modelType.area"),
              t("dashboard.modelType.established"),
              t("dashboard.modelType.status"),
            ],
            rows: d.sites.items.map((s) => ({
              key: String(s.id),
              cells: [
                s.name,
                s.host,
                `${s.areaName}, ${formerUnitName(s.districtName, locale)}`,
                formatDate(s.establishedOn, locale),
                label("status", s.status),
              ],
            })),
          }}
        />
        <Pager page={d.sites.page} pageSize={d.sites.pageSize} total={d.sites.total} onPage={setPage} />
      </section>
      <p className="no-print">
        <button type="button" onClick={() => navigate({ pathname: "/model-type", search: search ? `?${search}` : "" })}>
          {t("dashboard.modelType.choose")}
        </button>
      </p>
    </main>
  );
}
