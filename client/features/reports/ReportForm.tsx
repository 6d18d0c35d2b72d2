import { REVIEW_PERIOD } from "@qt/shared/domain";
import { dayWords } from "@qt/shared/period";
import { formerProvinceLabel } from "@qt/shared/province";
import { REPORT_KINDS, REPORT_SECTIONS, type ReportKind, type ReportSection } from "@qt/shared/schemas/reports";
import { formerUnitName } from "@qt/shared/unit-names";
import type { FormEvent, ReactNode } from "react";
import { DateField } from "../../components/DateField.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useProvince } from "../../province.ts";
import { dateChange, kindPreset, type ReportFormState } from "./formState.ts";

const YEARS = (() => {
  const last = Math.max(REVIEW_PERIOD.toYear, new Date().getFullYear());
  return Array.from({ length: last - 1990 + 1 }, (_, i) => 1990 + i).filter((y) => y >= 2000);
})();

type Props = {
  value: ReportFormState;
  onChange: (patch: Partial<ReportFormState>) => void;
  districts: { code: string; name: string; province?: string }[];
  /** The model types a "chuyên đề" report may be on. */
  modelTypes?: { code: string; name: string }[];
  error: string | null;
  onPreview: () => void;
  /** The written parts (DraftPanel), placed before the preview button. */
  children?: ReactNode;
};

const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));

/** Period, districts, sections and the document's heading fields (Nghị định 30/2020/NĐ-CP). */
export function ReportForm({ value, onChange, districts: all, modelTypes = [], error, onPreview, children }: Props) {
  const { t, locale, modelType } = useI18n();
  // A kind chosen anew presets this year; the year selects then move it.
  const year = new Date().getFullYear();
  const former = useProvince()?.former ?? [];
  const districts = all.filter((d) => !value.formerProvinceCode || d.province === value.formerProvinceCode);
  const setTerritory = (code: ReportFormState["formerProvinceCode"]) => {
    // Districts of the other old province would contradict the territory: drop them.
    const keep = all.filter((d) => !code || d.province === code).map((d) => d.code);
    onChange({ formerProvinceCode: code, districtCodes: value.districtCodes.filter((c) => keep.includes(c)) });
  };
  const text = (key: keyof ReportFormState, label: Parameters<typeof t>[0]) => (
    <label>
      {t(label)}
      <input type="text" value={String(value[key])} onChange={(e) => onChange({ [key]: e.target.value })} />
    </label>
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onPreview();
  };
  return (
    <form className="report-form" aria-label={t("reports.form.label")} onSubmit={submit}>
      <fieldset>
        <legend>{t("reports.form.kind")}</legend>
        <label>
          {t("reports.form.kind")}
          <select
            value={value.kind}
            onChange={(e) => onChange(kindPreset(e.target.value as ReportKind, year, modelTypes[0]?.code))}
          >
            {REPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`reports.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {value.kind === "chuyen-de" && (
          <label>
            {t("reports.form.modelType")}
            <select value={value.modelTypeCode} onChange={(e) => onChange({ modelTypeCode: e.target.value })}>
              {modelTypes.map((m) => (
                <option key={m.code} value={m.code}>
                  {modelType(m)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          <input type="checkbox" checked={value.compare} onChange={(e) => onChange({ compare: e.target.checked })} />
          {t("dashboard.filter.compare")}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t("reports.form.period")}</legend>
        {value.from && value.to && (
          <p className="form-hint">
            {t("reports.form.periodDays", { from: dayWords(value.from), to: dayWords(value.to) })}
          </p>
        )}
        {(["fromYear", "toYear"] as const).map((key) => (
          <label key={key}>
            {t(`reports.form.${key}`)}
            <select
              value={value[key]}
              onChange={(e) => {
                const y = Number(e.target.value);
                // A kind of one year follows its year; any other change of years leaves the days.
                if (value.kind === "so-ket-6-thang" || value.kind === "tong-ket-nam")
                  onChange(kindPreset(value.kind, y));
                else onChange({ [key]: y, from: "", to: "" });
              }}
            >
              {YEARS.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("dashboard.filter.territory")}</legend>
        <label>
          {t("dashboard.filter.territory")}
          <select value={value.formerProvinceCode} onChange={(e) => setTerritory(e.target.value)}>
            <option value="">{t("dashboard.filter.territory.whole")}</option>
            {former.map((p) => (
              <option key={p.code} value={p.code}>
                {formerProvinceLabel(p.name, locale)}
              </option>
            ))}
          </select>
        </label>
        {(["historical", "current"] as const).map((v) => (
          <label key={v}>
            <input type="radio" name="report-view" checked={value.view === v} onChange={() => onChange({ view: v })} />
            {t(`dashboard.filter.view.${v}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("approvals.line.label")}</legend>
        <label>
          <input
            type="checkbox"
            checked={value.approvedOnly}
            onChange={(e) => onChange({ approvedOnly: e.target.checked })}
          />
          {t("approvals.filter.approvedOnly")}
        </label>
        <p className="form-hint">{t("approvals.report.hint")}</p>
      </fieldset>
      <fieldset>
        <legend>{t("reports.form.districts")}</legend>
        <label>
          <input
            type="checkbox"
            checked={value.districtCodes.length === 0}
            onChange={() => onChange({ districtCodes: [] })}
          />
          {t("reports.form.allDistricts")}
        </label>
        {districts.map((d) => (
          <label key={d.code}>
            <input
              type="checkbox"
              checked={value.districtCodes.includes(d.code)}
              onChange={(e) => onChange({ districtCodes: toggle(value.districtCodes, d.code, e.target.checked) })}
            />
            {formerUnitName(d.name, locale)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("reports.form.sections")}</legend>
        {REPORT_SECTIONS.map((s: ReportSection) => (
          <label key={s}>
            <input
              type="checkbox"
              checked={value.sections.includes(s)}
              onChange={(e) =>
                onChange({
                  sections: REPORT_SECTIONS.filter((x) => toggle(value.sections, s, e.target.checked).includes(x)),
                })
              }
            />
            {t(`reports.section.${s}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="report-heading-fields">
        <legend>{t("reports.form.heading")}</legend>
        {text("title", "reports.form.title")}
        {text("supervisingBody", "reports.form.supervisingBody")}
        {text("issuingBody", "reports.form.issuingBody")}
        {text("documentNumber", "reports.form.documentNumber")}
        {text("place", "reports.form.place")}
        <span className="report-date">
          <label htmlFor="report-date">{t("reports.form.date")}</label>
          <DateField id="report-date" value={value.date} onChange={(v) => onChange(dateChange(value, v))} />
        </span>
        <label>
          {t("reports.form.signerTitle")}
          <textarea rows={2} value={value.signerTitle} onChange={(e) => onChange({ signerTitle: e.target.value })} />
        </label>
        {text("signerName", "reports.form.signerName")}
        <p className="form-hint">{t("reports.form.signerHint")}</p>
        <label>
          {t("reports.form.recipients")}
          <textarea rows={4} value={value.recipients} onChange={(e) => onChange({ recipients: e.target.value })} />
        </label>
      </fieldset>
      {children}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={error !== null}>
        {t("reports.preview")}
      </button>
    </form>
  );
}
