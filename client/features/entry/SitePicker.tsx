import type { ModelCategory } from "@qt/shared/domain";
import type { MessageKey } from "@qt/shared/messages/index";
import type { TSite } from "@qt/shared/schemas/sites";
import { unitNameIn } from "@qt/shared/unit-names";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useEffect, useState } from "react";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";
import { Field } from "./inputs.tsx";

/** What the form shows of a linked site. */
export type SiteChoice = { id: number; name: string; modelTypeName: string; areaName: string; removed?: boolean };

/** What a record carries of its linked site (camera installations and awards; sites have none). */
export type LinkedSiteFields = {
  siteId?: number | null;
  siteName?: string | null;
  siteModelTypeName?: string | null;
  siteRemoved?: boolean;
  areaName: string | null;
};

/** The linked site of a camera installation or award, from its siteName / siteModelTypeName fields. */
export function linkedSite(record: LinkedSiteFields | null): SiteChoice | null {
  if (!record || typeof record.siteId !== "number") return null;
  return {
    id: record.siteId,
    name: record.siteName ?? String(record.siteId),
    modelTypeName: record.siteModelTypeName ?? "",
    // A linked site lies in the record's own area (the server checks it).
    areaName: record.areaName ?? "",
    removed: record.siteRemoved === true,
  };
}

/** The linked site as a list cell: its name, marked when removed since. */
export function siteLabel(
  record: LinkedSiteFields,
  t: (key: MessageKey, params?: Record<string, string | number>) => string,
): string {
  const site = linkedSite(record);
  if (!site) return "—";
  return site.removed ? `${site.name} (${t("entry.site.removedTag")})` : site.name;
}

const PAGE = 20;

function useDebounced<T>(value: T, ms: number): T {
  const [out, setOut] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setOut(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return out;
}

/**
 * Optional link to a site (điểm mô hình) of the chosen commune-level area: a combobox that searches
 * sites.list (accent-free) in that area, sites of the `prefer` category listed first. Each option
 * shows the site's name, model type and area; "Unlink" clears the link.
 */
export function SitePicker(props: {
  id: string;
  label: string;
  areaCode: string;
  value: SiteChoice | null;
  prefer?: ModelCategory;
  error?: string;
  onChange: (site: SiteChoice | null) => void;
}) {
  const { t, label, locale } = useI18n();
  const trpc = useTRPC();
  const { id, areaCode, prefer } = props;
  /** The text typed while searching; null when not searching (the input then shows the link). */
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const open = query !== null && areaCode !== "";
  const search = useDebounced(query?.trim() ?? "", 250);

  const base = { areaCode, search: search || undefined, pageSize: PAGE, sort: "name" as const, dir: "asc" as const };
  const opts = { enabled: open, placeholderData: keepPreviousData, staleTime: 30_000 };
  const all = useQuery(trpc.sites.list.queryOptions(base, opts));
  const preferred = useQuery({
    ...trpc.sites.list.queryOptions({ ...base, category: prefer }, opts),
    enabled: open && prefer !== undefined,
  });
  const first = prefer ? (preferred.data?.items ?? []) : [];
  const rest = (all.data?.items ?? []).filter((s) => !prefer || s.category !== prefer);
  const options = [...first, ...rest];
  const groups = prefer
    ? [
        { key: "preferred", label: label("category", prefer), items: first },
        { key: "others", label: t("entry.site.others"), items: rest },
      ].filter((g) => g.items.length > 0)
    : [{ key: "all", label: "", items: rest }];
  /** More sites match than one page shows: the user narrows by typing. */
  const more = all.data && all.data.total > all.data.items.length ? all.data.total : 0;
  const pending = all.isFetching || preferred.isFetching;

  const choose = (site: TSite) => {
    props.onChange({ id: site.id, name: site.name, modelTypeName: site.modelTypeName, areaName: site.areaName });
    setQuery(null);
  };
  const close = () => setQuery(null);

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) {
        setQuery("");
        setActive(0);
        return;
      }
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((a) => Math.min(Math.max(a + step, 0), Math.max(options.length - 1, 0)));
    } else if (e.key === "Enter" && open) {
      // Enter picks the highlighted site instead of submitting the form.
      e.preventDefault();
      const site = options[active];
      if (site) choose(site);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      close();
    }
  }

  const optionId = (siteId: number) => `${id}-option-${siteId}`;
  const activeSite = open ? options[active] : undefined;
  const hint = !areaCode
    ? t("entry.site.needArea")
    : props.value
      ? [props.value.modelTypeName, props.value.areaName, props.value.removed ? t("entry.site.removed") : ""]
          .filter(Boolean)
          .join(" · ")
      : t("entry.site.optional");
  const describedBy = [`${id}-hint`, props.error ? `${id}-error` : ""].filter(Boolean).join(" ");

  return (
    <Field id={id} label={props.label} error={props.error} hint={hint}>
      <div className="site-picker">
        <input
          id={id}
          className="site-picker-input"
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={`${id}-options`}
          aria-activedescendant={activeSite ? optionId(activeSite.id) : undefined}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
          disabled={!areaCode}
          placeholder={t("entry.site.placeholder")}
          value={query ?? props.value?.name ?? ""}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onClick={() => {
            if (query === null) setQuery("");
          }}
          onKeyDown={onKeyDown}
          onBlur={close}
        />
        {props.value && (
          <button type="button" onClick={() => props.onChange(null)}>
            {t("entry.site.clear")}
          </button>
        )}
        {open && (
          // Pressing on the list keeps the focus in the input, so its blur does not close the list first.
          <div
            className="site-picker-list"
            id={`${id}-options`}
            role="listbox"
            aria-label={t("entry.site.results")}
            aria-busy={pending}
            onMouseDown={(e) => e.preventDefault()}
          >
            {groups.map((g) => (
              // biome-ignore lint/a11y/useSemanticElements: an ARIA listbox groups its options with role="group", not fieldset
              <div key={g.key} role="group" aria-label={g.label || undefined}>
                {g.label && (
                  <div className="site-picker-group" aria-hidden="true">
                    {g.label}
                  </div>
                )}
                {g.items.map((site) => (
                  // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard picks options from the input (aria-activedescendant)
                  <div
                    key={site.id}
                    id={optionId(site.id)}
                    role="option"
                    aria-selected={site.id === activeSite?.id}
                    className={site.id === activeSite?.id ? "active" : undefined}
                    tabIndex={-1}
                    onClick={() => choose(site)}
                  >
                    <strong>{site.name}</strong>
                    <span>
                      {[
                        site.modelTypeName,
                        `${site.areaName}, ${unitNameIn(site.districtName, locale)}`,
                        site.status === "active" ? "" : label("status", site.status),
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </span>
                  </div>
                ))}
              </div>
            ))}
            {options.length === 0 && (
              <p className="site-picker-note">{pending ? t("entry.site.searching") : t("entry.site.none")}</p>
            )}
            {more > 0 && <p className="site-picker-note">{t("entry.site.more", { total: more })}</p>}
          </div>
        )}
      </div>
    </Field>
  );
}
