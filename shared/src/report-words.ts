/**
 * Words a filed report prints that depend on its period or its date (Word, PDF, Excel, preview and
 * the builder's defaults read them here).
 */

import { periodPhrase } from "./period.ts";

/** "năm 2026" for one year, "giai đoạn 2007–2022" for a span (days: shared/src/period.ts). */
export const periodWords = (fromYear: number, toYear: number) => periodPhrase({ fromYear, toYear });

/** "2026" or "2007–2022": the years alone, where a label already says "năm" or "giai đoạn". */
export const periodYears = (fromYear: number, toYear: number) =>
  fromYear === toYear ? String(fromYear) : `${fromYear}–${toYear}`;

/** A line left for the office to fill by hand (signer's title and name when nobody chose them). */
export const BLANK_LINE = "……………………………";

/** District police ended on 01/03/2025 (their work went to commune police). */
const NO_DISTRICT_POLICE = "2025-03-01";
/** The two-level local government: communes, wards and special zones from 01/07/2025. */
const TWO_LEVEL = "2025-07-01";

/**
 * The police units a report is sent to, as they exist on the day the report is dated (yyyy-mm-dd):
 * the recipients receive the document when it is issued, so a report of 2007–2022 issued today goes
 * to today's commune police, and one dated 31/01/2023 to the district police of that day.
 */
export function localPoliceRecipient(date: string): string {
  if (date >= TWO_LEVEL) return "Công an các xã, phường, đặc khu;";
  if (date >= NO_DISTRICT_POLICE) return "Công an các xã, phường, thị trấn;";
  return "Công an các huyện, thị xã, thành phố;";
}

/** "Nơi nhận" when none is typed, for a report dated `date` (yyyy-mm-dd). */
export const defaultRecipients = (date: string) => [
  "Bộ Công an (Cục V05) (để báo cáo);",
  "Thường trực Tỉnh ủy, UBND tỉnh (để báo cáo);",
  localPoliceRecipient(date),
  "Lưu: VT, PV05.",
];
