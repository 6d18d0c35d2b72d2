/**
 * Reporting periods by dates (issue 28, docs/decisions/036): a period is `from`–`to`, ISO days,
 * both inclusive, either end open; whole years are the period 01/01/fromYear–31/12/toYear. The
 * comparison "so với cùng kỳ" is the same days one year earlier.
 */

import { formatNumber, formatPercent, type Locale } from "./format.ts";

/** A period as a filter or a report may name it: whole years, or days (never both). */
export type PeriodInput = {
  fromYear?: number | null;
  toYear?: number | null;
  from?: string | null;
  to?: string | null;
};

/** The period's first and last days (inclusive, yyyy-mm-dd); null = open. */
export type PeriodDays = { from: string | null; to: string | null };

export const periodDays = (p: PeriodInput): PeriodDays => ({
  from: p.from ?? (p.fromYear ? `${p.fromYear}-01-01` : null),
  to: p.to ?? (p.toYear ? `${p.toYear}-12-31` : null),
});

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The same day one year earlier; 29/02 becomes 28/02. */
export function yearEarlier(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const day = m === 2 && d === 29 ? 28 : d;
  return `${pad(y - 1, 4)}-${pad(m)}-${pad(day)}`;
}

/**
 * The same period one year earlier ("cùng kỳ năm trước"): both days moved back a year. An open
 * end stays open at the start, and ends today a year ago at the end.
 */
export function samePeriodLastYear(p: PeriodInput, today: string): { from: string | null; to: string } {
  const days = periodDays(p);
  return { from: days.from ? yearEarlier(days.from) : null, to: yearEarlier(days.to ?? today) };
}

/** dd/mm/yyyy. */
export const dayWords = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The period is exactly whole calendar years. */
export const isWholeYears = (d: PeriodDays) =>
  d.from !== null && d.to !== null && d.from.endsWith("-01-01") && d.to.endsWith("-12-31");

/**
 * The period in words: "năm 2026", "giai đoạn 2007–2022" for whole years, else "từ 15/12/2025
 * đến 14/06/2026" (an open end: "từ 01/01/2020", "đến 14/06/2026").
 */
export function periodPhrase(p: PeriodInput): string {
  const d = periodDays(p);
  if (isWholeYears(d) && d.from && d.to) {
    const [a, b] = [d.from.slice(0, 4), d.to.slice(0, 4)];
    return a === b ? `năm ${a}` : `giai đoạn ${a}–${b}`;
  }
  if (d.from && d.to) return `từ ${dayWords(d.from)} đến ${dayWords(d.to)}`;
  if (d.from) return `từ ${dayWords(d.from)}`;
  if (d.to) return `đến ${dayWords(d.to)}`;
  return "toàn bộ thời gian";
}

/** The calendar year a period is named by in "cùng kỳ năm …": the year of its last day. */
export const periodYearOf = (p: PeriodInput, today: string) => Number((periodDays(p).to ?? today).slice(0, 4));

export type PeriodPreset = {
  key: string;
  label: string;
  from: string;
  to: string;
};

/**
 * The presets of the filter bar and the report builder, for a year: the first six months, the
 * year, each quarter, and the police reporting periods 15/12 (of the year before)–14/06 and
 * 15/06–14/12.
 */
export function periodPresets(year: number): PeriodPreset[] {
  const y = String(year);
  const before = String(year - 1);
  return [
    { key: "h1", label: `6 tháng đầu năm ${y}`, from: `${y}-01-01`, to: `${y}-06-30` },
    { key: "year", label: `Năm ${y}`, from: `${y}-01-01`, to: `${y}-12-31` },
    { key: "q1", label: `Quý I/${y}`, from: `${y}-01-01`, to: `${y}-03-31` },
    { key: "q2", label: `Quý II/${y}`, from: `${y}-04-01`, to: `${y}-06-30` },
    { key: "q3", label: `Quý III/${y}`, from: `${y}-07-01`, to: `${y}-09-30` },
    { key: "q4", label: `Quý IV/${y}`, from: `${y}-10-01`, to: `${y}-12-31` },
    { key: "k1", label: `Kỳ 15/12/${before}–14/06/${y}`, from: `${before}-12-15`, to: `${y}-06-14` },
    { key: "k2", label: `Kỳ 15/06/${y}–14/12/${y}`, from: `${y}-06-15`, to: `${y}-12-14` },
  ];
}

/** The preset a period is, if any (the filter bar shows its name). */
export const presetOf = (from: string, to: string) =>
  periodPresets(Number(to.slice(0, 4))).find((p) => p.from === from && p.to === to) ?? null;

/**
 * A change against the earlier period: the difference and the percentage of the earlier value
 * (null when the earlier value is 0: no percentage to give, "—").
 */
export function changeOf(current: number, previous: number): { diff: number; percent: number | null } {
  return { diff: current - previous, percent: previous === 0 ? null : ((current - previous) / previous) * 100 };
}

/**
 * The years whose awards count in a period. An award carries a year only: it counts when 01/07 of
 * its year lies in the period, so whole years keep their awards, the halves and quarters of a year
 * add up to it, and a reporting period 15/12–14/12 takes the awards of the year it mostly covers.
 */
export function awardYears(d: PeriodDays): { from: number | null; to: number | null } {
  const yearOf = (iso: string) => Number(iso.slice(0, 4));
  return {
    from: d.from ? yearOf(d.from) + (d.from.slice(5) <= "07-01" ? 0 : 1) : null,
    to: d.to ? yearOf(d.to) - (d.to.slice(5) >= "07-01" ? 0 : 1) : null,
  };
}

/** "tăng 12 điểm (8,5%)", "giảm 3 camera (2,0%)", "không đổi"; no percentage when the earlier value is 0. */
export function changeSentence(current: number, previous: number, unit: string, locale: Locale = "vi"): string {
  const { diff } = changeOf(current, previous);
  if (diff === 0) return "không đổi";
  const size = `${formatNumber(Math.abs(diff), locale)}${unit ? ` ${unit}` : ""}`;
  const percent = previous === 0 ? "" : ` (${formatPercent(Math.abs(diff), previous, locale)})`;
  return `${diff > 0 ? "tăng" : "giảm"} ${size}${percent}`;
}

/** A card's or table's change: "+12", "−3"; the percentage "+8,5%", or "—" when the earlier value is 0. */
export function changeLabels(current: number, previous: number, locale: Locale = "vi") {
  const { diff } = changeOf(current, previous);
  const sign = diff > 0 ? "+" : diff < 0 ? "−" : "±";
  return {
    diff: `${sign}${formatNumber(Math.abs(diff), locale)}`,
    percent: previous === 0 ? "—" : `${sign}${formatPercent(Math.abs(diff), previous, locale)}`,
    direction: diff > 0 ? ("up" as const) : diff < 0 ? ("down" as const) : ("same" as const),
  };
}
