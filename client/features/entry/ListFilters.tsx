import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { type UrlPatch, useUrlState } from "../../components/useUrlState.ts";
import type { MessageKey } from "../../i18n/dictionary.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";
import { uniqueByCode } from "./inputs.tsx";

export type ExtraFilter = { name: string; label: MessageKey; options: { value: string; label: string }[] };
type Option = { value: string; label: string };

/** Search and filters of a record list, kept in the URL; a kind adds its own (`filters`). */
export function ListFilters(props: { filters: ExtraFilter[]; isAdmin: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const { params, update } = useUrlState();
  const state = (key: string) => params.get(key) ?? "";
  const [search, setSearch] = useState(state("search"));
  const tree = useQuery(trpc.units.tree.queryOptions(undefined, { staleTime: Infinity }));
  const districts = tree.data ?? [];
  const areas = uniqueByCode(districts.find((d) => d.code === state("districtCode"))?.areas ?? []);

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    update({ search });
  };
  const select = (name: string, label: string, options: Option[], patch = (v: string): UrlPatch => ({ [name]: v })) => (
    <label key={name}>
      {label}
      <select value={state(name)} onChange={(e) => update(patch(e.target.value))}>
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
      {select(
        "districtCode",
        t("entry.field.districtCode"),
        districts.map((d) => ({ value: d.code, label: d.name })),
        // Another district's areas are not this one's.
        (v) => ({ districtCode: v, areaCode: "" }),
      )}
      {select(
        "areaCode",
        t("entry.field.areaCode"),
        areas.map((a) => ({ value: a.code, label: a.name })),
      )}
      {props.filters.map((f) => select(f.name, t(f.label), f.options))}
      {yearInput("fromYear")}
      {yearInput("toYear")}
      {select("demo", t("entry.demo"), [
        { value: "real", label: t("entry.demo.real") },
        { value: "demo", label: t("entry.demo.demo") },
      ])}
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
