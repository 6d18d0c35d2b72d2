import { dateOf, isoOf } from "@qt/shared/dates";
import type { Locale } from "@qt/shared/format";
import { type InputHTMLAttributes, useEffect, useState } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "type"> & {
  /** "yyyy-mm-dd", or what the user typed that is not yet a date (the schema then says so). */
  value: string;
  onChange: (value: string) => void;
  max?: string;
};

/**
 * The product's own date field: the browser's date input writes the date in the browser's locale
 * (12/07/2026 in an en-US browser, whatever language the product shows), so the date is typed in
 * the product's language instead (Vietnamese dd/mm/yyyy, English yyyy-mm-dd, both unambiguous to
 * their reader), on a numeric keypad, with a calendar beside it (issue 22).
 */
export function DateField({ value, onChange, max, id, ...rest }: Props) {
  const { t, locale } = useI18n();
  const [text, setText] = useState(() => shown(value, locale));
  const [open, setOpen] = useState(false);
  // A date set from outside (the calendar, "today", another language) replaces what was typed; a
  // parent that keeps only whole dates (the filter) leaves a half-typed date alone.
  useEffect(() => {
    setText((typed) => {
      const date = parsed(typed, locale);
      return date === value || (value === "" && date === null) ? typed : shown(value, locale);
    });
  }, [value, locale]);
  const type = (next: string) => {
    setText(next);
    onChange(parsed(next, locale) ?? next);
  };
  return (
    <span className="date-field">
      <input
        {...rest}
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t("date.placeholder")}
        value={text}
        onChange={(e) => type(e.target.value)}
      />
      <button type="button" aria-expanded={open} aria-controls={id && `${id}-calendar`} onClick={() => setOpen(!open)}>
        {t("date.calendar")}
      </button>
      {open && (
        <Calendar
          id={id && `${id}-calendar`}
          value={parsed(text, locale) ?? (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined)}
          max={max}
          onPick={(iso) => {
            onChange(iso);
            setText(shown(iso, locale));
            setOpen(false);
          }}
        />
      )}
    </span>
  );
}

/** A week, Monday first: 2024-01-01 was a Monday. */
const WEEK = Array.from({ length: 7 }, (_, i) => `2024-01-0${i + 1}`);

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The date as the field shows it in the product's language. */
function shown(value: string, locale: Locale): string {
  const m = ISO.exec(value);
  if (!m) return value;
  return locale === "vi" ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

/** What was typed as "yyyy-mm-dd", or null while it is not a real date; yyyy-mm-dd is read in either language. */
function parsed(text: string, locale: Locale): string | null {
  const iso = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(text);
  const m = iso ?? (locale === "vi" ? /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text) : null);
  if (!m) return null;
  const [y, mo, d] = iso ? [m[1], m[2], m[3]] : [m[3], m[2], m[1]];
  const day = `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  const date = dateOf(day);
  return !Number.isNaN(date.getTime()) && isoOf(date) === day ? day : null;
}

/** A month of days, Monday first, named in the product's language; days after `max` cannot be picked. */
function Calendar(props: { id?: string; value?: string; max?: string; onPick: (iso: string) => void }) {
  const { t, locale } = useI18n();
  const tag = locale === "vi" ? "vi-VN" : "en-GB";
  const [month, setMonth] = useState(() => (props.value ?? isoOf(new Date())).slice(0, 7));
  const first = dateOf(`${month}-01`);
  const days = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const shift = (by: number) =>
    setMonth(isoOf(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + by, 1))).slice(0, 7));
  const title = new Intl.DateTimeFormat(tag, { month: "long", year: "numeric", timeZone: "UTC" }).format(first);
  const long = new Intl.DateTimeFormat(tag, { dateStyle: "full", timeZone: "UTC" });
  const weekday = new Intl.DateTimeFormat(tag, { weekday: "short", timeZone: "UTC" });
  const cells = [
    ...Array(lead).fill(null),
    ...Array.from({ length: days }, (_, i) => `${month}-${String(i + 1).padStart(2, "0")}`),
  ];
  return (
    <fieldset id={props.id} className="calendar" aria-label={title}>
      <div className="calendar-head">
        <button type="button" onClick={() => shift(-1)} aria-label={t("date.previousMonth")}>
          ‹
        </button>
        <strong>{title}</strong>
        <button type="button" onClick={() => shift(1)} aria-label={t("date.nextMonth")}>
          ›
        </button>
      </div>
      <div className="calendar-grid">
        {WEEK.map((day) => (
          <span key={day} className="calendar-weekday" aria-hidden="true">
            {weekday.format(dateOf(day))}
          </span>
        ))}
        {cells.map((iso, i) =>
          iso ? (
            <button
              key={iso}
              type="button"
              aria-label={long.format(dateOf(iso))}
              aria-pressed={iso === props.value}
              disabled={Boolean(props.max && iso > props.max)}
              onClick={() => props.onPick(iso)}
            >
              {Number(iso.slice(8))}
            </button>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: the blank days before the 1st have no other identity.
            <span key={`b${i}`} />
          ),
        )}
      </div>
    </fieldset>
  );
}
