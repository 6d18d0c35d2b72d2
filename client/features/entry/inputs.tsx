import { formatDate } from "@qt/shared/format";
import { ZIsoDate } from "@qt/shared/schemas/common";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type ReactNode, useRef } from "react";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";
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
  const { t } = useI18n();
  const trpc = useTRPC();
  // A date being typed, impossible or in the future keeps the last good date's units: the chosen
  // area is never dropped behind the user's back (issue 15); the form says why it does not fit.
  const goodOn = props.on && ZIsoDate.safeParse(props.on).success ? props.on : undefined;
  const badDate = Boolean(props.on) && !goodOn;
  const lastOn = useRef<string | undefined>(goodOn);
  if (!badDate) lastOn.current = goodOn;
  const on = lastOn.current;
  const tree = useQuery(
    trpc.units.tree.queryOptions(on ? { on } : undefined, { staleTime: Infinity, placeholderData: keepPreviousData }),
  );
  const districts = tree.data ?? [];
  const district = districts.find((d) => d.code === props.districtCode);
  // Without a date both lists come and a code may appear twice: the record's date picks the unit.
  const areas = uniqueByCode(district?.areas ?? []);
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
          date: on ? formatDate(on) : formatDate(new Date().toISOString().slice(0, 10)),
        })
      : undefined;
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
          {districts.map((d) => (
            <option key={d.code} value={d.code}>
              {d.former ? t("entry.area.former", { name: d.name }) : d.name}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="areaCode"
        label={t("entry.field.areaCode")}
        error={props.errors.areaCode ?? dateNote}
        required={props.required}
      >
        <select
          id="areaCode"
          aria-required={props.required || undefined}
          value={props.areaCode}
          disabled={!props.districtCode}
          aria-invalid={props.errors.areaCode ? true : undefined}
          aria-describedby={describedBy("areaCode", props.errors.areaCode ?? dateNote)}
          onChange={(e) => props.onChange({ districtCode: props.districtCode, areaCode: e.target.value })}
        >
          <option value="">{t("entry.choose")}</option>
          {(missingDistrict || missingArea) && props.areaCode && (
            <option value={props.areaCode}>{nameOf(props.areaCode)}</option>
          )}
          {areas.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}

/** One entry per code, the first listed (the older unit): the server picks the unit by the record's date. */
export function uniqueByCode<T extends { code: string }>(areas: T[]): T[] {
  const seen = new Set<string>();
  return areas.filter((a) => !seen.has(a.code) && seen.add(a.code));
}
