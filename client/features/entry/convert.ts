import { formatDate, formatNumber } from "@qt/shared/format";

/**
 * Text typed in the forms ↔ values of the shared schemas. Numbers are typed with vi-VN thousands
 * separators ("1.250.000"), dates as dd/mm/yyyy. What cannot be read is passed on as is (NaN, the
 * raw text) so that the shared schema gives its own Vietnamese message.
 */
export function parseNumber(text: string): number | null {
  const clean = text.replace(/[.\s]/g, "");
  if (clean === "") return null;
  return /^-?\d+$/.test(clean) ? Number(clean) : Number.NaN;
}

export const showNumber = (n: number | null | undefined) => (n === null || n === undefined ? "" : formatNumber(n));

export function parseDate(text: string): string | null {
  const t = text.trim();
  if (t === "") return null;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  // Users type dd/mm/yyyy only; anything else (even an ISO date) must fail the schema's format check.
  if (!m) return `?${t}`;
  return `${m[3]}-${m[2]?.padStart(2, "0")}-${m[1]?.padStart(2, "0")}`;
}

export const showDate = (iso: string | null | undefined) => (iso ? formatDate(iso) : "");
