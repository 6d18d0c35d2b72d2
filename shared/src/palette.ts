import type { ModelCategory, Religion } from "./domain.ts";

/**
 * Chart colours, written once for every screen chart, slide, map legend and report chart: a
 * category keeps its colour whatever its rank in a view ("Khu dân cư" was orange in one chart and
 * green in another when colours went by size). Every fill reaches 3:1 against the white chart
 * background (WCAG 1.4.11, checked by tests/server/palette.test.ts); Okabe–Ito's yellow, sky blue
 * and orange (1.3:1, 2.3:1, 2.25:1) are left out, their darker neighbours kept.
 */
export const CHART_BACKGROUND = "#ffffff";

export const CATEGORY_COLOURS: Record<ModelCategory, string> = {
  clan: "#0072B2",
  camera: "#D55E00",
  religious: "#6A3D9A",
  school: "#00806A",
  enterprise: "#8C6D00",
  residential: "#B8336A",
  border_sea: "#1F4E79",
  ethnic_minority: "#A0522D",
  mass_organization: "#2E7D32",
  online: "#5C6BC0",
  other: "#737373",
};

export const RELIGION_COLOURS: Record<Religion, string> = {
  buddhism: "#8C6D00",
  catholicism: "#0072B2",
  protestantism: "#6A3D9A",
  caodaism: "#00806A",
  hoahao: "#D55E00",
  other: "#737373",
};

/** Two-series charts (new sites and their running total, collective and individual awards). */
export const SERIES = {
  primary: "#0072B2",
  secondary: "#D55E00",
  /** "Other": the rest of a top-N list, merged categories. */
  other: "#737373",
} as const;

/** Every colour a chart may fill with, for the contrast check. */
export const CHART_FILLS: readonly string[] = [
  ...Object.values(CATEGORY_COLOURS),
  ...Object.values(RELIGION_COLOURS),
  ...Object.values(SERIES),
];

const channel = (c: number) => {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const luminance = (hex: string) => {
  const n = Number.parseInt(hex.replace("#", ""), 16);
  return 0.2126 * channel(n >> 16) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
};

/** WCAG 2 contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
