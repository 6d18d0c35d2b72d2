import { MODEL_CATEGORIES, type ModelCategory, REVIEW_PERIOD } from "@qt/shared/domain";
import { type FilterField, isReviewPreset, REVIEW_PRESET, REVIEW_PROVINCE } from "@qt/shared/first-screen";
import { periodPresets, presetOf } from "@qt/shared/period";
import { formerProvinceLabel, provinceChoiceName, wholeProvinceName } from "@qt/shared/province";
import type { TDashboardFilter, TDashboardOptions } from "@qt/shared/schemas/dashboard";
import { formerUnitName } from "@qt/shared/unit-names";
import { useQuery } from "@tanstack/react-query";
import { ChoiceSelect } from "../../components/ChoiceSelect.tsx";
import { DateField } from "../../components/DateField.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { injectedProvince, useOwnProvinceState } from "../../province.ts";
import { useTRPC } from "../../trpc.ts";

const YEARS = (() => {
  const last = Math.max(REVIEW_PERIOD.toYear, new Date().getFullYear());
  return Array.from({ length: last - REVIEW_PERIOD.fromYear + 1 }, (_, i) => REVIEW_PERIOD.fromYear + i);
})();
/** The years as choices, those `outside` the other end of the range disabled. */
const years = (outside: (y: number) => boolean) =>
  YEARS.map((y) => ({ value: y, label: String(y), disabled: outside(y) }));

type Props = {
  filter: TDashboardFilter;
  onChange: (patch: Partial<TDashboardFilter>) => void;
  fields: readonly FilterField[];
};

/**
 * Territory, view, year range, district, commune of today, category and model type, approved figures only, the review
 * conference's preset, and the active filters as removable chips. The district select offers the territory's districts.
 */
/** The date fields hand on whole dates only: a half-typed one leaves the period as it was chosen. */
const isIsoDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);
const capitalised = (s: string) => s.charAt(0).toLocaleUpperCase("vi") + s.slice(1);

export function FilterBar({ filter, onChange, fields }: Props) {
  const { t, label, locale, modelType } = useI18n();
  const trpc = useTRPC();
  // Reference lists change rarely: keep them for the whole visit.
  const options = useQuery({ ...trpc.dashboard.options.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  const has = (f: FilterField) => fields.includes(f);
  const all = t("dashboard.filter.all");
  const types = (options.data?.modelTypes ?? []).filter(
    (m) => !filter.modelCategory || m.category === filter.modelCategory,
  );
  // The national install (decision 050): a province of today narrows the old provinces and districts offered.
  const nation = options.data?.province.national ? (options.data.province.provinces ?? []) : [];
  // A provincial account (decision 051) is on its province: the one choice, no "Toàn quốc".
  const { own, code: ownCode, pending } = useOwnProvinceState();
  const chosen = nation.find((p) => p.code === (filter.provinceCode ?? ownCode));
  const districts = (options.data?.districts ?? []).filter(
    (d) =>
      (!filter.formerProvinceCode || d.province === filter.formerProvinceCode) &&
      (!chosen || chosen.former.includes(d.province ?? "")),
  );
  // The territory's "every old province" choice names what it covers: the province chosen, or the nation.
  const territoryWhole = chosen
    ? capitalised(wholeProvinceName(chosen, locale))
    : nation.length > 0 && !pending
      ? t("dashboard.filter.province.all")
      : t("dashboard.filter.territory.whole");
  const former = (options.data?.province.former ?? []).filter((p) => !chosen || chosen.former.includes(p.code));
  const setTerritory = (code: string | undefined) => {
    const district = options.data?.districts.find((d) => d.code === filter.districtCode);
    // A district of the other old province would make the filter contradict itself: drop it.
    const keep = !code || !district || district.province === code;
    const commune = options.data?.communes?.find((c) => c.code === filter.communeCode);
    const communeDistrict = options.data?.districts.find((d) => d.code === commune?.districtCode);
    const keepCommune = !code || !communeDistrict || communeDistrict.province === code;
    onChange({
      formerProvinceCode: code,
      ...(keep ? {} : { districtCode: undefined }),
      ...(keepCommune ? {} : { communeCode: undefined }),
    });
  };
  // A commune off the chosen district's land would make the filter contradict itself: drop it.
  const setDistrict = (code: string | undefined) => {
    const commune = options.data?.communes?.find((c) => c.code === filter.communeCode);
    onChange({
      districtCode: code,
      ...(code && commune && commune.districtCode !== code ? { communeCode: undefined } : {}),
    });
  };
  // Today's communes grouped by the former district whose land each lies on, within the district or territory.
  const communeGroups = districts
    .filter((d) => !filter.districtCode || d.code === filter.districtCode)
    .map((d) => ({ district: d, communes: (options.data?.communes ?? []).filter((c) => c.districtCode === d.code) }))
    .filter((g) => g.communes.length > 0);
  // The review conference's scope is Quảng Trị's own history (its 2023 conference): offered there only.
  const preset =
    has("formerProvinceCode") &&
    has("fromYear") &&
    has("toYear") &&
    (options.data?.province.code ?? injectedProvince()?.code ?? REVIEW_PROVINCE) === REVIEW_PROVINCE;
  const onPreset = () =>
    onChange(Object.fromEntries(fields.map((f) => [f, REVIEW_PRESET[f]])) as Partial<TDashboardFilter>);
  return (
    <section className="filters no-print" aria-label={t("dashboard.filter.label")}>
      {preset && (
        <div className="filter-presets">
          <button
            type="button"
            className="preset"
            aria-pressed={isReviewPreset(filter)}
            title={t("dashboard.filter.presetHint")}
            onClick={onPreset}
          >
            {t("dashboard.filter.preset")}
          </button>
        </div>
      )}
      <div className="filter-fields">
        {has("provinceCode") && own && (
          <ChoiceSelect
            label={t("dashboard.filter.province")}
            value={own.code}
            empty={provinceChoiceName(own, locale)}
            emptyValue={own.code}
            choices={[]}
            onPick={() => undefined}
          />
        )}
        {has("provinceCode") && !own && !pending && nation.length > 0 && (
          <ChoiceSelect
            label={t("dashboard.filter.province")}
            value={filter.provinceCode}
            empty={t("dashboard.filter.province.all")}
            choices={nation.map((p) => ({ value: p.code, label: provinceChoiceName(p, locale) }))}
            onPick={(p) =>
              onChange({
                provinceCode: p || undefined,
                formerProvinceCode: undefined,
                districtCode: undefined,
                communeCode: undefined,
              })
            }
          />
        )}
        {has("formerProvinceCode") && (
          <ChoiceSelect
            label={t("dashboard.filter.territory")}
            value={filter.formerProvinceCode}
            empty={territoryWhole}
            choices={former.map((p) => ({ value: p.code, label: formerProvinceLabel(p.name, locale) }))}
            onPick={(p) => setTerritory(p || undefined)}
          />
        )}
        {has("view") && (
          <fieldset className="filter-view">
            <legend>{t("dashboard.filter.view")}</legend>
            {(["historical", "current"] as const).map((v) => (
              <label key={v}>
                <input
                  type="radio"
                  name="dashboard-view"
                  value={v}
                  checked={(filter.view ?? "historical") === v}
                  onChange={() => onChange({ view: v === "current" ? "current" : undefined })}
                />{" "}
                {t(`dashboard.filter.view.${v}`)}
              </label>
            ))}
          </fieldset>
        )}
        {has("fromYear") && (
          <ChoiceSelect
            label={t("dashboard.filter.fromYear")}
            value={filter.fromYear}
            empty={all}
            choices={years((y) => filter.toYear !== undefined && y > filter.toYear)}
            onPick={(y) => onChange({ fromYear: y ? Number(y) : undefined })}
          />
        )}
        {has("toYear") && (
          <ChoiceSelect
            label={t("dashboard.filter.toYear")}
            value={filter.toYear}
            empty={all}
            choices={years((y) => filter.fromYear !== undefined && y < filter.fromYear)}
            onPick={(y) => onChange({ toYear: y ? Number(y) : undefined })}
          />
        )}
        {has("from") && <PeriodFields filter={filter} onChange={onChange} />}
        {has("districtCode") && (
          <ChoiceSelect
            label={t("dashboard.filter.district")}
            value={filter.districtCode}
            empty={all}
            choices={districts.map((d) => ({ value: d.code, label: formerUnitName(d.name, locale) }))}
            onPick={(d) => setDistrict(d || undefined)}
          />
        )}
        {has("communeCode") && (
          <label>
            {t("dashboard.filter.commune")}
            <select
              value={filter.communeCode ?? ""}
              onChange={(e) => onChange({ communeCode: e.target.value || undefined })}
            >
              <option value="">{all}</option>
              {communeGroups.map((g) => (
                <optgroup key={g.district.code} label={formerUnitName(g.district.name, locale)}>
                  {g.communes.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
        )}
        {has("modelCategory") && (
          <ChoiceSelect
            label={t("dashboard.filter.category")}
            value={filter.modelCategory}
            empty={all}
            choices={MODEL_CATEGORIES.map((c) => ({ value: c, label: label("category", c) }))}
            onPick={(c) =>
              onChange({ modelCategory: (c || undefined) as ModelCategory | undefined, modelTypeCode: undefined })
            }
          />
        )}
        {has("modelTypeCode") && (
          <ChoiceSelect
            label={t("dashboard.filter.modelType")}
            value={filter.modelTypeCode}
            empty={all}
            choices={types.map((m) => ({ value: m.code, label: modelType(m) }))}
            onPick={(m) => onChange({ modelTypeCode: m || undefined })}
          />
        )}
        {has("approvedOnly") && (
          <label className="filter-check">
            <input
              type="checkbox"
              checked={filter.approvedOnly === true}
              onChange={(e) => onChange({ approvedOnly: e.target.checked || undefined })}
            />
            {t("approvals.filter.approvedOnly")}
          </label>
        )}
      </div>
      <FilterChips filter={filter} onChange={onChange} fields={fields} options={options.data} />
    </section>
  );
}

function FilterChips({ filter, onChange, fields, options }: Props & { options?: TDashboardOptions }) {
  const { t, label, locale, modelType } = useI18n();
  const chips: { field: FilterField; label: string }[] = [];
  const f = (field: FilterField) => fields.includes(field) && filter[field] !== undefined;
  if (f("formerProvinceCode") && filter.formerProvinceCode) {
    chips.push({
      field: "formerProvinceCode",
      label: formerProvinceLabel(
        options?.province.former.find((p) => p.code === filter.formerProvinceCode)?.name ?? filter.formerProvinceCode,
        locale,
      ),
    });
  }
  if (f("view") && filter.view === "current") chips.push({ field: "view", label: t("dashboard.filter.view.current") });
  if (f("fromYear"))
    chips.push({ field: "fromYear", label: t("dashboard.filter.chipFrom", { year: filter.fromYear ?? "" }) });
  if (f("toYear")) chips.push({ field: "toYear", label: t("dashboard.filter.chipTo", { year: filter.toYear ?? "" }) });
  if (f("districtCode")) {
    const name = options?.districts.find((d) => d.code === filter.districtCode)?.name;
    chips.push({ field: "districtCode", label: name ? formerUnitName(name, locale) : (filter.districtCode ?? "") });
  }
  if (f("communeCode")) {
    const name = options?.communes?.find((c) => c.code === filter.communeCode)?.name;
    chips.push({ field: "communeCode", label: name ?? filter.communeCode ?? "" });
  }
  if (f("modelCategory") && filter.modelCategory) {
    chips.push({ field: "modelCategory", label: label("category", filter.modelCategory) });
  }
  if (f("modelTypeCode")) {
    const chosen = options?.modelTypes.find((m) => m.code === filter.modelTypeCode);
    const name = chosen ? modelType(chosen) : (filter.modelTypeCode ?? "");
    chips.push({ field: "modelTypeCode", label: name });
  }
  if (f("approvedOnly") && filter.approvedOnly) {
    chips.push({ field: "approvedOnly", label: t("approvals.filter.approvedOnly") });
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

/**
 * The period by days (decision 039): a preset of the year (6 tháng đầu năm, năm, quý, kỳ báo cáo
 * 15/12–14/6 and 15/6–14/12) or custom days, and the comparison with the same days a year earlier;
 * all kept in the URL. Choosing days clears the years, and the years clear the days.
 */
function PeriodFields({ filter, onChange }: Pick<Props, "filter" | "onChange">) {
  const { t } = useI18n();
  const year = Number((filter.to ?? String(filter.toYear ?? new Date().getFullYear())).slice(0, 4));
  const presets = periodPresets(year);
  const current = filter.from && filter.to ? presetOf(filter.from, filter.to) : null;
  const value = current ? current.key : filter.from || filter.to ? "custom" : "";
  const choose = (key: string) => {
    const p = presets.find((x) => x.key === key);
    if (p) onChange({ from: p.from, to: p.to, fromYear: undefined, toYear: undefined });
    else if (key === "custom")
      onChange({ from: `${year}-01-01`, to: `${year}-12-31`, fromYear: undefined, toYear: undefined });
    else onChange({ from: undefined, to: undefined });
  };
  return (
    <>
      <label>
        {t("dashboard.filter.period")}
        <select value={value} onChange={(e) => choose(e.target.value)}>
          <option value="">{t("dashboard.filter.period.years")}</option>
          {presets.map((p) => (
            <option key={p.key} value={p.key}>
              {p.label}
            </option>
          ))}
          <option value="custom">{t("dashboard.filter.period.custom")}</option>
        </select>
      </label>
      {value === "custom" && (
        <>
          <span className="filter-date">
            <label htmlFor="period-from">{t("dashboard.filter.fromDate")}</label>
            <DateField
              id="period-from"
              value={filter.from ?? ""}
              onChange={(v) => onChange({ from: isIsoDate(v) ? v : undefined })}
            />
          </span>
          <span className="filter-date">
            <label htmlFor="period-to">{t("dashboard.filter.toDate")}</label>
            <DateField
              id="period-to"
              value={filter.to ?? ""}
              onChange={(v) => onChange({ to: isIsoDate(v) ? v : undefined })}
            />
          </span>
        </>
      )}
      <label className="filter-check">
        <input
          type="checkbox"
          checked={filter.compare === "same-period-last-year"}
          onChange={(e) => onChange({ compare: e.target.checked ? "same-period-last-year" : undefined })}
        />{" "}
        {t("dashboard.filter.compare")}
      </label>
    </>
  );
}
