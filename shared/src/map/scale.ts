import { formatNumber, formatPercent, type Locale } from "../format.ts";
import type { MapMeasure, TMapUnitFigures } from "../schemas/maps.ts";

/**
 * The one colour scale of every map (screen, slide, print, report): ColorBrewer's sequential
 * YlGnBu in five classes, which ColorBrewer marks as safe for colour-blind readers and for
 * photocopies; light = little, dark = much. Units without a figure (no areas in the period) are
 * grey. Written once here so that the screen and the report shade alike (docs/decisions/026).
 */
export const MAP_COLOURS = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"] as const;
export const MAP_NO_DATA = "#d9d9d9";
/** Text on a class's colour: dark on the three light classes, white on the two dark ones. */
export const mapInk = (colour: string) =>
  colour === MAP_COLOURS[3] || colour === MAP_COLOURS[4] ? "#ffffff" : "#1a1a1a";

/** A class: values from `from` (inclusive) up to the next class's, its colour; a share's bounds are 0–1. */
export type MapClass = { from: number; to: number; colour: string };

/** A unit's value for a measure: coverage as a share (null when the unit has no area to cover). */
export function measureValue(u: TMapUnitFigures, measure: MapMeasure): number | null {
  if (measure === "coverage") return u.total > 0 ? u.covered / u.total : null;
  return measure === "sites" ? u.sites : u.cameras;
}

/** 1, 2, 2.5, 5 × 10^k: the smallest such step at least `x`, for class bounds a reader can add up. */
function niceStep(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  const m = [1, 2, 2.5, 5, 10].find((f) => f * p >= x) ?? 10;
  return m * p;
}

/**
 * The classes of a measure over the units shown. Coverage: five fixed bands of 20% (a district
 * map reads the same from one year to the next), or two (none / covered) when every unit is a
 * commune-level unit (0 or 1). Counts: 0 alone (no site is a finding), then up to four bands of
 * one nice integer width up to the largest value.
 */
export function mapClasses(measure: MapMeasure, values: (number | null)[]): MapClass[] {
  const known = values.filter((v): v is number => v !== null);
  if (measure === "coverage") {
    if (known.length > 0 && known.every((v) => v === 0 || v === 1)) {
      return [
        { from: 0, to: 0, colour: MAP_COLOURS[0] },
        { from: 1, to: 1, colour: MAP_COLOURS[4] },
      ];
    }
    return MAP_COLOURS.map((colour, i) => ({ from: i / 5, to: (i + 1) / 5, colour }));
  }
  const max = Math.max(0, ...known);
  const classes: MapClass[] = [{ from: 0, to: 0, colour: MAP_COLOURS[0] }];
  if (max === 0) return classes;
  const bands = Math.min(4, max);
  const step = Math.max(1, Math.ceil(niceStep(max / bands)));
  for (let i = 0, from = 1; from <= max && i < 4; i++, from += step) {
    classes.push({ from, to: from + step - 1, colour: MAP_COLOURS[i + 1] as string });
  }
  return classes;
}

/**
 * The colour of a value (grey for none): the last class it reaches, so a share on a bound goes up
 * (20% is in "20%–40%") and a count in the class whose first number it is at least.
 */
export function mapColour(classes: MapClass[], value: number | null): string {
  if (value === null) return MAP_NO_DATA;
  const reached = classes.filter((k) => value >= k.from);
  return (reached[reached.length - 1] ?? classes[0])?.colour ?? MAP_NO_DATA;
}

/** A class's legend label: "40–60%", "0", "11–20", "0%"/"100%" for a commune's none / covered. */
export function mapClassLabel(measure: MapMeasure, c: MapClass, locale: Locale = "vi"): string {
  // Whole percentages: the bands are multiples of 20%.
  const f = (v: number) => (measure === "coverage" ? `${formatNumber(v * 100, locale)}%` : formatNumber(v, locale));
  if (c.from === c.to) return f(c.from);
  return `${f(c.from)}–${f(c.to)}`;
}

/** A unit's exact figure as the tooltip and the table say it: "5/9 (56%)", "12". */
export function mapValueText(u: TMapUnitFigures, measure: MapMeasure, locale: Locale = "vi"): string {
  if (measure !== "coverage") return formatNumber(measure === "sites" ? u.sites : u.cameras, locale);
  if (u.total === 0) return "—";
  return `${formatNumber(u.covered, locale)}/${formatNumber(u.total, locale)} (${formatPercent(u.covered, u.total, locale)})`;
}
