import { formerProvinceLabel } from "@qt/shared/province";
import {
  APPROVAL_STATES,
  APPROVAL_UNIT_KINDS,
  type ApprovalState,
  type ApprovalUnitKind,
  HISTORY_YEARS,
} from "@qt/shared/schemas/approvals";
import { formerUnitName } from "@qt/shared/unit-names";
import { ChoiceSelect } from "../../components/ChoiceSelect.tsx";
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
      <ChoiceSelect
        label={t("approvals.filter.year")}
        value={filter.year}
        empty={t("approvals.filter.allYears")}
        emptyValue={ALL}
        choices={YEARS.map((y) => ({ value: y, label: String(y) }))}
        onPick={(year) => onChange({ year })}
      />
      <ChoiceSelect
        label={t("approvals.filter.kind")}
        value={filter.kind}
        empty={t("approvals.filter.allKinds")}
        emptyValue={ALL}
        choices={APPROVAL_UNIT_KINDS.map((k) => ({ value: k, label: label("approvalUnitKind", k) }))}
        onPick={(kind) => onChange({ kind })}
      />
      <ChoiceSelect
        label={t("approvals.filter.territory")}
        value={filter.formerProvinceCode}
        empty={t("dashboard.filter.territory.whole")}
        choices={former.map((p) => ({ value: p.code, label: formerProvinceLabel(p.name, locale) }))}
        onPick={(province) => onChange({ province, district: undefined })}
      />
      <ChoiceSelect
        label={t("approvals.filter.district")}
        value={filter.districtCode}
        empty={t("approvals.filter.allDistricts")}
        choices={districts.map((d) => ({ value: d.code, label: formerUnitName(d.name, locale) }))}
        onPick={(district) => onChange({ district })}
      />
      <ChoiceSelect
        label={t("approvals.filter.state")}
        value={filter.state}
        empty={t("approvals.filter.allStates")}
        choices={APPROVAL_STATES.map((s: ApprovalState) => ({ value: s, label: label("approvalState", s) }))}
        onPick={(state) => onChange({ state })}
      />
    </form>
  );
}
