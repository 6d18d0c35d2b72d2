import { formatNumber } from "@qt/shared/format";

/**
 * Text typed in the forms ↔ values of the shared schemas. Numbers are typed with vi-VN thousands
 * separators ("1.250.000"); dates come from the date picker as yyyy-mm-dd. What cannot be read is passed on as is (NaN, the
 * raw text) so that the shared schema gives its own Vietnamese message.
 */
export function parseNumber(text: string): number | null {
  const clean = text.replace(/[.\s]/g, "");
  if (clean === "") return null;
  return /^-?\d+$/.test(clean) ? Number(clean) : Number.NaN;
}

export const showNumber = (n: number | null | undefined) => (n === null || n === undefined ? "" : formatNumber(n));
