import { formerProvinceLabel } from "@qt/shared/province";
import {
  APPROVAL_STATES,
  APPROVAL_UNIT_KINDS,
  type ApprovalState,
  type ApprovalUnitKind,
  HISTORY_YEARS,
} from "@qt/shared/schemas/approvals";
import { formerUnitName } from "@qt/shared/unit-names";
import type { UrlPatch } from "../../components/useUrlState.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useProvince } from "../../province.ts";

const THIS_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: THIS_YEAR - HISTORY_YEARS.from + 1 }, (_, i) => THIS_YEAR - i);
/** In the URL, "all" is an explicit "every year" / "every kind"; absent is the screen's default. */
export const ALL = "all";

export type ApprovalFilter = {
  year?: number;
  kind?: ApprovalUnitKind;
  formerProvinceCode?: string;
  districtCode?: string;
  state?: ApprovalState;
};

/** Year, kind of unit, territory, former district and state of the approval table; changes go to the URL. */
export function ApprovalFilters({
  filter,
  districts,
  onChange,
}: {
  filter: ApprovalFilter;
  districts: { code: string; name: string }[];
  onChange: (patch: UrlPatch) => void;
}) {
  const { t, label, locale } = useI18n();
  const former = useProvince()?.former ?? [];
  return (
    <form className="entry-filters" aria-label={t("approvals.filter.label")} onSubmit={(e) => e.preventDefault()}>
      <label>
        {t("approvals.filter.year")}
        <select value={filter.year ?? ALL} onChange={(e) => onChange({ year: e.target.value })}>
          <option value={ALL}>{t("approvals.filter.allYears")}</option>
          {YEARS.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("approvals.filter.kind")}
        <select value={filter.kind ?? ALL} onChange={(e) => onChange({ kind: e.target.value })}>
          <option value={ALL}>{t("approvals.filter.allKinds")}</option>
          {APPROVAL_UNIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {label("approvalUnitKind", k)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("approvals.filter.territory")}
        <select
          value={filter.formerProvinceCode ?? ""}
          onChange={(e) => onChange({ province: e.target.value, district: undefined })}
        >
          <option value="">{t("dashboard.filter.territory.whole")}</option>
          {former.map((p) => (
            <option key={p.code} value={p.code}>
              {formerProvinceLabel(p.name, locale)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("approvals.filter.district")}
        <select value={filter.districtCode ?? ""} onChange={(e) => onChange({ district: e.target.value })}>
          <option value="">{t("approvals.filter.allDistricts")}</option>
          {districts.map((d) => (
            <option key={d.code} value={d.code}>
              {formerUnitName(d.name, locale)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("approvals.filter.state")}
        <select value={filter.state ?? ""} onChange={(e) => onChange({ state: e.target.value })}>
          <option value="">{t("approvals.filter.allStates")}</option>
          {APPROVAL_STATES.map((s: ApprovalState) => (
            <option key={s} value={s}>
              {label("approvalState", s)}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
