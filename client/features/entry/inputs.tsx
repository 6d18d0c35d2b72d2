import { formatDate } from "@qt/shared/format";
import { ZIsoDate } from "@qt/shared/schemas/common";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type ReactNode, useRef } from "react";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";
import { DistrictOptions } from "../units/UnitOptions.tsx";
import { showNumber } from "./convert.ts";

/** A labelled control with its field message underneath, linked for screen readers. */
export function Field(props: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={`entry-field${props.error ? " has-error" : ""}`}>
      {/* The star is drawn by CSS (.required::after) for the eye; the control carries aria-required. */}
      <label htmlFor={props.id} className={props.required ? "required" : undefined}>
        {props.label}
      </label>
      {props.children}
      {props.hint && <small id={`${props.id}-hint`}>{props.hint}</small>}
      {props.error && (
        <span className="field-error" id={`${props.id}-error`} role="alert">
          {props.error}
        </span>
      )}
    </div>
  );
}

export const describedBy = (id: string, error?: string) => (error ? `${id}-error` : undefined);

/** A form's submit button (`danger` for one that removes) and its cancel button. */
export function SubmitOrCancel(props: { label: string; danger?: boolean; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <>
      <button type="submit" className={props.danger ? "danger" : "primary"}>
        {props.label}
      </button>
      <button type="button" onClick={props.onCancel}>
        {t("entry.cancel")}
      </button>
    </>
  );
}

/** Digits grouped as the user types ("1250000" → "1.250.000"); anything else stays as typed. */
export function NumberInput(props: { id: string; value: string; error?: string; onChange: (v: string) => void }) {
  const regroup = (text: string) => {
    const digits = text.replace(/\./g, "");
    return /^\d+$/.test(digits) ? showNumber(Number(digits)) : text;
  };
  return (
    <input
      id={props.id}
      inputMode="numeric"
      value={props.value}
      aria-invalid={props.error ? true : undefined}
      aria-describedby={describedBy(props.id, props.error)}
      onChange={(e) => props.onChange(regroup(e.target.value))}
    />
  );
}

/** The district → commune-level area picker, from units.tree (only units valid on `on`). */
export function AreaPicker(props: {
  districtCode: string;
  areaCode: string;
  on?: string | null;
  errors: { districtCode?: string; areaCode?: string };
  allowNone?: boolean;
  required?: boolean;
  onChange: (v: { districtCode: string; areaCode: string }) => void;
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  // A date being typed, impossible or in the future keeps the last good date's units: the chosen
  // area is never dropped behind the user's back (issue 15); the form says why it does not fit.
  const goodOn = props.on && ZIsoDate.safeParse(props.on).success ? props.on : undefined;
  const badDate = Boolean(props.on) && !goodOn;
  const lastOn = useRef<string | undefined>(goodOn);
  if (!badDate) lastOn.current = goodOn;
  const on = lastOn.current;
  // Only the areas this user may write in on that date (their district, or their commune of today
  // and the old areas it took over): the server refuses the rest (decision 021).
  const tree = useQuery(
    trpc.units.tree.queryOptions(on ? { on, writable: true } : { writable: true }, {
      staleTime: Infinity,
      placeholderData: keepPreviousData,
    }),
  );
  const districts = tree.data ?? [];
  const district = districts.find((d) => d.code === props.districtCode);
  const groups = areaGroups(district?.areas ?? []);
  const areas = [...groups.current, ...groups.old];
  // From 01/07/2025 there are no districts: the picker offers the former ones (units.tree).
  const former = districts.some((d) => d.former);
  // Names of every unit seen, so a choice the current list lacks is still shown by name.
  const names = useRef(new Map<string, string>());
  for (const d of districts) {
    names.current.set(d.code, d.name);
    for (const a of d.areas) names.current.set(a.code, a.name);
  }
  const nameOf = (code: string) => names.current.get(code) ?? code;
  const listed = !tree.isPlaceholderData && tree.data !== undefined;
  const missingDistrict = listed && props.districtCode !== "" && !district;
  const missingArea =
    listed && props.areaCode !== "" && !missingDistrict && !areas.some((a) => a.code === props.areaCode);
  const missing = missingDistrict ? props.districtCode : missingArea ? props.areaCode : "";
  const dateNote = badDate
    ? t("entry.area.badDate")
    : missing
      ? t("entry.area.notOnDate", {
          name: nameOf(missing),
          date: formatDate(on || new Date().toISOString().slice(0, 10), locale),
        })
      : undefined;
  const areaSelect = {
    value: props.areaCode,
    error: props.errors.areaCode ?? dateNote,
    invalid: !!props.errors.areaCode,
    required: props.required,
  };
  if (former) {
    // From 01/07/2025 there are no districts: one list of today's communes, named without the
    // abolished level (issue 22); the former district is kept behind the scenes for the scope.
    const communes = districts
      .flatMap((d) => d.areas.filter((a) => a.current).map((a) => ({ ...a, district: d.code })))
      .sort((a, b) => a.name.localeCompare(b.name, "vi"));
    const listedHere = communes.some((a) => a.code === props.areaCode);
    return (
      <AreaSelect
        {...areaSelect}
        label={t("entry.area.commune")}
        onChange={(code) => {
          const c = communes.find((a) => a.code === code);
          props.onChange({ districtCode: c?.district ?? "", areaCode: code });
        }}
      >
        <option value="">{props.allowNone ? t("entry.area.province") : t("entry.choose")}</option>
        {props.areaCode && !listedHere && <option value={props.areaCode}>{nameOf(props.areaCode)}</option>}
        {communes.map(areaOption)}
      </AreaSelect>
    );
  }
  return (
    <>
      <Field
        id="districtCode"
        label={t("entry.field.districtCode")}
        error={props.errors.districtCode}
        hint={former ? t("entry.area.formerHint") : undefined}
        required={props.required}
      >
        <select
          id="districtCode"
          aria-required={props.required || undefined}
          value={props.districtCode}
          aria-describedby={former ? "districtCode-hint" : undefined}
          onChange={(e) => {
            const d = districts.find((x) => x.code === e.target.value);
            // A district without communes (Cồn Cỏ) is its own area: pick it at once.
            const only = d && d.areas.length === 1 ? (d.areas[0]?.code ?? "") : "";
            props.onChange({ districtCode: e.target.value, areaCode: only });
          }}
        >
          <option value="">{props.allowNone ? t("entry.area.province") : t("entry.choose")}</option>
          {missingDistrict && <option value={props.districtCode}>{nameOf(props.districtCode)}</option>}
          <DistrictOptions districts={districts} former={former} locale={locale} />
        </select>
      </Field>
      <AreaSelect
        {...areaSelect}
        label={t("entry.field.areaCode")}
        disabled={!props.districtCode}
        onChange={(code) => props.onChange({ districtCode: props.districtCode, areaCode: code })}
      >
        <option value="">{t("entry.choose")}</option>
        {(missingDistrict || missingArea) && props.areaCode && (
          <option value={props.areaCode}>{nameOf(props.areaCode)}</option>
        )}
        {groups.current.length > 0 && groups.old.length > 0 ? (
          <>
            <optgroup label={t("entry.area.currentGroup")}>{groups.current.map(areaOption)}</optgroup>
            <optgroup label={t("entry.area.oldGroup")}>{groups.old.map(areaOption)}</optgroup>
          </>
        ) : (
          areas.map(areaOption)
        )}
      </AreaSelect>
    </>
  );
}

/** The area's select in its field: its error (or the date's note) described, invalid only on an error. */
function AreaSelect(props: {
  label: string;
  value: string;
  error: string | undefined;
  invalid: boolean;
  required: boolean | undefined;
  disabled?: boolean;
  onChange: (code: string) => void;
  children: ReactNode;
}) {
  return (
    <Field id="areaCode" label={props.label} error={props.error} required={props.required}>
      <select
        id="areaCode"
        aria-required={props.required || undefined}
        value={props.value}
        disabled={props.disabled}
        aria-invalid={props.invalid || undefined}
        aria-describedby={describedBy("areaCode", props.error)}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.children}
      </select>
    </Field>
  );
}

const areaOption = (a: { code: string; name: string }) => (
  <option key={a.code} value={a.code}>
    {a.name}
  </option>
);

/**
 * Without a date (a 2025 award, or before the date is typed) both lists come: today's communes and
 * the areas before 01/07/2025, shown in two labelled groups. In a form a code both lists use is
 * offered once, as today's commune: the server resolves a code to that unit when the record's
 * year has both. A list filter keeps both (`keepShared`): it names each list by its own parameter.
 */
export function areaGroups<T extends { code: string; current: boolean }>(
  areas: T[],
  opts: { keepShared?: boolean } = {},
): { current: T[]; old: T[] } {
  const current = areas.filter((a) => a.current);
  const codes = new Set(current.map((a) => a.code));
  return { current, old: areas.filter((a) => !a.current && (opts.keepShared || !codes.has(a.code))) };
}

/**
 * The day whose units an award's picker offers, from its year: an award names the unit that
 * existed during its year. Before 2025 the old list (its last day); from 2026 today's communes;
 * 2025 had both (no day: both lists, grouped), as does a year not yet typed.
 */
export function areaPickerDay(year: string): string | null {
  if (!/^\d{4}$/.test(year)) return null;
  const y = Number(year);
  if (y <= 2024) return `${y}-12-31`;
  const first = `${y}-01-01`;
  return y >= 2026 && first <= new Date().toISOString().slice(0, 10) ? first : null;
}
