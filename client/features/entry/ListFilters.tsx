import type { MessageKey } from "@qt/shared/messages/index";
import { formerUnitName } from "@qt/shared/unit-names";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useUrlState } from "../../components/useUrlState.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";
import { communeLabel, DistrictOptions } from "../units/UnitOptions.tsx";
import { areaGroups } from "./inputs.tsx";

export type ExtraFilter = { name: string; label: MessageKey; options: { value: string; label: string }[] };
type Option = { value: string; label: string };

/** Search and filters of a record list, kept in the URL; a kind adds its own (`filters`). */
export function ListFilters(props: { filters: ExtraFilter[]; isAdmin: boolean }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const { params, update } = useUrlState();
  const state = (key: string) => params.get(key) ?? "";
  const [search, setSearch] = useState(state("search"));
  const tree = useQuery(trpc.units.tree.queryOptions(undefined, { staleTime: Infinity }));
  const districts = tree.data ?? [];
  const district = districts.find((d) => d.code === state("districtCode"));
  const areas = areaGroups(district?.areas ?? [], { keepShared: true });
  // With no district chosen, today's communes of the whole province, by former district: a commune
  // police officer finds their commune without knowing the district it replaced.
  const currentGroups = (district ? [district] : districts)
    .map((d) => ({ district: d, communes: d.areas.filter((a) => a.current) }))
    .filter((g) => g.communes.length > 0);
  // One select, two kinds of unit whose codes overlap (19495 was Thị trấn Gio Linh and is now Xã
  // Gio Linh): today's commune goes to `communeCode` (its records and its old areas'), an old area
  // to `areaCode`; the value's prefix says which.
  const areaValue = state("communeCode")
    ? `c:${state("communeCode")}`
    : state("areaCode")
      ? `a:${state("areaCode")}`
      : "";
  const onArea = (v: string) =>
    update({ communeCode: v.startsWith("c:") ? v.slice(2) : "", areaCode: v.startsWith("a:") ? v.slice(2) : "" });

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    update({ search });
  };
  const select = (name: string, label: string, options: Option[]) => (
    <label key={name}>
      {label}
      <select value={state(name)} onChange={(e) => update({ [name]: e.target.value })}>
        <option value="">{t("entry.all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  const yearInput = (name: "fromYear" | "toYear") => (
    <label>
      {t(`entry.${name}`)}
      <input inputMode="numeric" size={5} value={state(name)} onChange={(e) => update({ [name]: e.target.value })} />
    </label>
  );

  return (
    <form className="entry-filters" aria-label={t("entry.search")} onSubmit={onSearch}>
      <label>
        {t("entry.search")}
        <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      </label>
      <button type="submit">{t("entry.search.go")}</button>
      <label>
        {t("entry.filter.district")}
        <select
          value={state("districtCode")}
          // Another district's areas are not this one's.
          onChange={(e) => update({ districtCode: e.target.value, areaCode: "", communeCode: "" })}
        >
          <option value="">{t("entry.all")}</option>
          <DistrictOptions districts={districts} former locale={locale} />
        </select>
      </label>
      <label>
        {t("entry.field.areaCode")}
        <select value={areaValue} onChange={(e) => onArea(e.target.value)}>
          <option value="">{t("entry.all")}</option>
          {currentGroups.map((g) => (
            <optgroup
              key={g.district.code}
              label={
                district
                  ? t("entry.area.currentGroup")
                  : t("entry.area.currentOf", { district: formerUnitName(g.district.name, locale) })
              }
            >
              {g.communes.map((a) => (
                <option key={a.code} value={`c:${a.code}`}>
                  {communeLabel(a, g.district, locale)}
                </option>
              ))}
            </optgroup>
          ))}
          {areas.old.length > 0 && (
            <optgroup label={t("entry.area.oldGroup")}>
              {areas.old.map((a) => (
                <option key={a.code} value={`a:${a.code}`}>
                  {a.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      {props.filters.map((f) => select(f.name, t(f.label), f.options))}
      {yearInput("fromYear")}
      {yearInput("toYear")}
      {select("demo", t("entry.demo"), [
        { value: "real", label: t("entry.demo.real") },
        { value: "demo", label: t("entry.demo.demo") },
      ])}
      {state("importBatchId") && (
        <p className="entry-import-filter">
          {t("entry.importBatch", { id: state("importBatchId") })}{" "}
          <button type="button" onClick={() => update({ importBatchId: "" })}>
            {t("entry.importBatch.clear")}
          </button>
        </p>
      )}
      {props.isAdmin && (
        <label>
          <input
            type="checkbox"
            checked={state("includeDeleted") === "1"}
            onChange={(e) => update({ includeDeleted: e.target.checked ? "1" : "" })}
          />
          {t("entry.includeDeleted")}
        </label>
      )}
    </form>
  );
}
