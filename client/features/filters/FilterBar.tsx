import { MODEL_CATEGORIES, type ModelCategory, REVIEW_PERIOD } from "@qt/shared/domain";
import type { FilterField } from "@qt/shared/first-screen";
import type { TDashboardFilter, TDashboardOptions } from "@qt/shared/schemas/dashboard";
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";

const YEARS = (() => {
  const last = Math.max(REVIEW_PERIOD.toYear, new Date().getFullYear());
  return Array.from({ length: last - REVIEW_PERIOD.fromYear + 1 }, (_, i) => REVIEW_PERIOD.fromYear + i);
})();

type Props = {
  filter: TDashboardFilter;
  onChange: (patch: Partial<TDashboardFilter>) => void;
  fields: readonly FilterField[];
};

/** Year range, district, category and model type selects, and the active filters as removable chips. */
export function FilterBar({ filter, onChange, fields }: Props) {
  const { t, label } = useI18n();
  const trpc = useTRPC();
  // Reference lists change rarely: keep them for the whole visit.
  const options = useQuery({ ...trpc.dashboard.options.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  const has = (f: FilterField) => fields.includes(f);
  const all = t("dashboard.filter.all");
  const types = (options.data?.modelTypes ?? []).filter(
    (m) => !filter.modelCategory || m.category === filter.modelCategory,
  );
  return (
    <section className="filters no-print" aria-label={t("dashboard.filter.label")}>
      <div className="filter-fields">
        {has("fromYear") && (
          <label>
            {t("dashboard.filter.fromYear")}
            <select
              value={filter.fromYear ?? ""}
              onChange={(e) => onChange({ fromYear: e.target.value ? Number(e.target.value) : undefined })}
            >
              <option value="">{all}</option>
              {YEARS.map((y) => (
                <option key={y} value={y} disabled={filter.toYear !== undefined && y > filter.toYear}>
                  {y}
                </option>
              ))}
            </select>
          </label>
        )}
        {has("toYear") && (
          <label>
            {t("dashboard.filter.toYear")}
            <select
              value={filter.toYear ?? ""}
              onChange={(e) => onChange({ toYear: e.target.value ? Number(e.target.value) : undefined })}
            >
              <option value="">{all}</option>
              {YEARS.map((y) => (
                <option key={y} value={y} disabled={filter.fromYear !== undefined && y < filter.fromYear}>
                  {y}
                </option>
              ))}
            </select>
          </label>
        )}
        {has("districtCode") && (
          <label>
            {t("dashboard.filter.district")}
            <select
              value={filter.districtCode ?? ""}
              onChange={(e) => onChange({ districtCode: e.target.value || undefined })}
            >
              <option value="">{all}</option>
              {options.data?.districts.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {has("modelCategory") && (
          <label>
            {t("dashboard.filter.category")}
            <select
              value={filter.modelCategory ?? ""}
              onChange={(e) =>
                onChange({
                  modelCategory: (e.target.value || undefined) as ModelCategory | undefined,
                  modelTypeCode: undefined,
                })
              }
            >
              <option value="">{all}</option>
              {MODEL_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {label("category", c)}
                </option>
              ))}
            </select>
          </label>
        )}
        {has("modelTypeCode") && (
          <label>
            {t("dashboard.filter.modelType")}
            <select
              value={filter.modelTypeCode ?? ""}
              onChange={(e) => onChange({ modelTypeCode: e.target.value || undefined })}
            >
              <option value="">{all}</option>
              {types.map((m) => (
                <option key={m.code} value={m.code}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <FilterChips filter={filter} onChange={onChange} fields={fields} options={options.data} />
    </section>
  );
}

function FilterChips({ filter, onChange, fields, options }: Props & { options?: TDashboardOptions }) {
  const { t, label } = useI18n();
  const chips: { field: FilterField; label: string }[] = [];
  const f = (field: FilterField) => fields.includes(field) && filter[field] !== undefined;
  if (f("fromYear"))
    chips.push({ field: "fromYear", label: t("dashboard.filter.chipFrom", { year: filter.fromYear ?? "" }) });
  if (f("toYear")) chips.push({ field: "toYear", label: t("dashboard.filter.chipTo", { year: filter.toYear ?? "" }) });
  if (f("districtCode")) {
    const name = options?.districts.find((d) => d.code === filter.districtCode)?.name ?? filter.districtCode ?? "";
    chips.push({ field: "districtCode", label: name });
  }
  if (f("modelCategory") && filter.modelCategory) {
    chips.push({ field: "modelCategory", label: label("category", filter.modelCategory) });
  }
  if (f("modelTypeCode")) {
    const name = options?.modelTypes.find((m) => m.code === filter.modelTypeCode)?.name ?? filter.modelTypeCode ?? "";
    chips.push({ field: "modelTypeCode", label: name });
  }
  if (chips.length === 0) return null;
  return (
    <div className="chips">
      <span className="chips-label">{t("dashboard.filter.active")}:</span>
      <ul>
        {chips.map((c) => (
          <li key={c.field}>
            <button
              type="button"
              className="chip"
              aria-label={t("dashboard.filter.remove", { label: c.label })}
              onClick={() => onChange({ [c.field]: undefined })}
            >
              {c.label} <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
      {chips.length > 1 && (
        <button
          type="button"
          className="chip-clear"
          onClick={() => onChange(Object.fromEntries(chips.map((c) => [c.field, undefined])))}
        >
          {t("dashboard.filter.clear")}
        </button>
      )}
      {(f("modelCategory") || f("modelTypeCode")) && <p className="filter-note">{t("dashboard.filter.sitesOnly")}</p>}
    </div>
  );
}
