/** vi-VN (and en) formatting of numbers, money, percentages and dates, shared by UI and reports. */

export type Locale = "vi" | "en";

/** The header a client names its language in; Vietnamese when absent or unknown. */
export const LOCALE_HEADER = "x-qt-locale";
export const localeOf = (value: unknown): Locale => (value === "en" ? "en" : "vi");
const tag = (locale: Locale) => (locale === "vi" ? "vi-VN" : "en-GB");

/** 1131 → "1.131" (vi) / "1,131" (en). */
export function formatNumber(value: number, locale: Locale = "vi"): string {
  return new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 0 }).format(value);
}

/** 57.936… → "57,9%" (vi) / "57.9%" (en): one decimal. */
export function formatPercent(part: number, whole: number, locale: Locale = "vi"): string {
  const ratio = whole === 0 ? 0 : part / whole;
  return new Intl.NumberFormat(tag(locale), {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(ratio);
}

const BILLION = 1_000_000_000;
const MILLION = 1_000_000;

/**
 * Money for cards and charts: "4,9 tỷ đồng", "350 triệu đồng" (vi); "4.9 billion VND" (en).
 * Rounds down so that "nearly 5 billion" never shows as 5: a leader reads these figures aloud.
 */
export function formatMoneyShort(vnd: number, locale: Locale = "vi"): string {
  const nf = (digits: number) =>
    new Intl.NumberFormat(tag(locale), { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  const floorTo = (v: number, digits: number) => Math.floor(v * 10 ** digits) / 10 ** digits;
  if (Math.abs(vnd) >= BILLION) {
    const v = nf(1).format(floorTo(vnd / BILLION, 1));
    return locale === "vi" ? `${v} tỷ đồng` : `${v} billion VND`;
  }
  if (Math.abs(vnd) >= MILLION) {
    const v = nf(0).format(Math.floor(vnd / MILLION));
    return locale === "vi" ? `${v} triệu đồng` : `${v} million VND`;
  }
  return formatMoneyExact(vnd, locale);
}

/** Exact VND: "4.912.650.000 đồng" / "4,912,650,000 VND". */
export function formatMoneyExact(vnd: number, locale: Locale = "vi"): string {
  const v = formatNumber(vnd, locale);
  return locale === "vi" ? `${v} đồng` : `${v} VND`;
}

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * ISO date (yyyy-mm-dd or full ISO) → "31/01/2023" in Vietnamese (the users' convention), "31 Jan
 * 2023" in English: 07/12/2026 reads as 12 July to an English reader, "7 Dec 2026" to anyone.
 */
export function formatDate(iso: string | Date, locale: Locale = "vi"): string {
  const d = typeof iso === "string" ? new Date(iso) : iso;
  if (locale === "en") return `${d.getUTCDate()} ${MONTHS_EN[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  const dd = String(d.getUTCDate()).padStart(2, "0");
  const mm = String(d.getUTCMonth() + 1).padStart(2, "0");
  return `${dd}/${mm}/${d.getUTCFullYear()}`;
}
