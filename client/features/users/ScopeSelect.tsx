import { formerUnitName } from "@qt/shared/unit-names";
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";
import { communeLabel, DistrictOptions } from "../units/UnitOptions.tsx";

/**
 * An editor's scope as the form holds it: a district, a commune, or `province` chosen on purpose.
 * Nothing chosen is not the whole province (issue 22: a commune's account was made province-wide).
 */
export type ScopeCodes = { districtCode: string; communeCode: string; province?: boolean };

const PROVINCE = "province";

/**
 * The scope of an editor (decision 021): the whole province; a former district, grouped by old
 * province (for history entered by district); or a commune of today, grouped by the former
 * district it lies in (the commune police). District codes (3 digits) and commune codes (5) never
 * meet, so the option's value is the code and the tree says which kind it is.
 */
export function ScopeSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: ScopeCodes;
  onChange: (scope: ScopeCodes) => void;
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const tree = useQuery(trpc.units.tree.queryOptions(undefined, { staleTime: Number.POSITIVE_INFINITY }));
  const districts = tree.data ?? [];
  const isDistrict = (code: string) => districts.some((d) => d.code === code);
  const loading = tree.isPending;
  return (
    <>
      <select
        id={id}
        // Checked by the form, which says what is missing (the browser's bubble would not say it).
        aria-required
        disabled={loading}
        aria-busy={loading || undefined}
        aria-describedby={loading ? `${id}-loading` : undefined}
        value={value.communeCode || value.districtCode || (value.province ? PROVINCE : "")}
        onChange={(e) => {
          const code = e.target.value;
          if (code === "" || code === PROVINCE)
            return onChange({ districtCode: "", communeCode: "", province: code !== "" });
          onChange(
            isDistrict(code) ? { districtCode: code, communeCode: "" } : { districtCode: "", communeCode: code },
          );
        }}
      >
        <option value="">{t("users.scope.choose")}</option>
        <option value={PROVINCE}>{t("auth.scope.province")}</option>
        <DistrictOptions
          districts={districts}
          former
          locale={locale}
          groupLabel={(province) => t("auth.scope.districtsOf", { province })}
        />
        {districts.map((d) => {
          const communes = d.areas.filter((a) => a.current);
          if (communes.length === 0) return null;
          return (
            <optgroup key={d.code} label={t("auth.scope.communesOf", { district: formerUnitName(d.name, locale) })}>
              {communes.map((a) => (
                <option key={a.code} value={a.code}>
                  {communeLabel(a, d, locale)}
                </option>
              ))}
            </optgroup>
          );
        })}
      </select>
      {loading && (
        <span id={`${id}-loading`} role="status">
          {t("users.scope.loading")}
        </span>
      )}
    </>
  );
}
