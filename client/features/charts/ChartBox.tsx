import { type ReactNode, useLayoutEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";

/** What a chart needs to lay itself out in the width it was given. */
export type ChartSize = {
  width: number;
  /** Tick, label and legend text, in px. */
  font: number;
  /** Room for category names on a horizontal bar chart: a share of the width, capped. */
  axisWidth: (cap: number) => number;
  /** Height of a chart with `rows` bars: a slide shrinks its rows to fit the screen's height. */
  rowsHeight: (rows: number, rowHeight: number, extra: number) => number;
  /** Height of a chart with a fixed plot. */
  plotHeight: (normal: number) => number;
};

// Before the first measure (and in jsdom, which has no layout) charts draw at the old desktop width.
const FALLBACK = { normal: 760, large: 1150 };
// A4 portrait's text width (186 mm) in CSS px: printed charts are drawn for the page, not the window,
// and the print stylesheet shrinks them further when the page is narrower.
const PRINT_WIDTH = 700;
// What a slide's bar, scope, badges, title and hint take from the screen's height, until the chart
// has been laid out once and measures where it starts (see .conference in dashboard.css).
const SLIDE_CHROME = 330;
// Below a slide's chart: the key hint and the slide's padding.
const SLIDE_FOOT = 56;

/**
 * Measures the width its chart may use and hands it to the chart with the sizes derived from it,
 * so a chart fills its card from a 360 px phone to a 4K screen. A measured width rather than
 * recharts' ResponsiveContainer because the category axis and the fonts depend on the width too.
 */
export function ChartBox({ large = false, children }: { large?: boolean; children: (size: ChartSize) => ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(large ? FALLBACK.large : FALLBACK.normal);
  // On a slide, where the chart starts: the lines above it (scope, demo badge, approval status)
  // arrive with their own queries and push it down, so it is measured after every render.
  const [top, setTop] = useState<number | null>(null);
  useLayoutEffect(() => {
    if (!large || !ref.current) return;
    const at = Math.round(ref.current.getBoundingClientRect().top);
    if (at > 0 && at !== top) setTop(at);
  });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const measure = () => {
      const w = Math.floor(el.getBoundingClientRect().width);
      if (w > 0) setWidth(w);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    // The browser lays the page out for print right after beforeprint: the chart must be redrawn by then.
    const beforePrint = () =>
      flushSync(() => setWidth(Math.min(PRINT_WIDTH, el.getBoundingClientRect().width || PRINT_WIDTH)));
    window.addEventListener("beforeprint", beforePrint);
    window.addEventListener("afterprint", measure);
    return () => {
      observer.disconnect();
      window.removeEventListener("beforeprint", beforePrint);
      window.removeEventListener("afterprint", measure);
    };
  }, []);
  return (
    <div ref={ref} className="chart-box">
      {children(sizeFor(width, large, top))}
    </div>
  );
}

export function sizeFor(width: number, large: boolean, top: number | null = null): ChartSize {
  const screenHeight = typeof window === "undefined" ? 900 : window.innerHeight || 900;
  const slideHeight = Math.max(260, screenHeight - (top === null ? SLIDE_CHROME : top + SLIDE_FOOT));
  const font = large ? Math.round(Math.min(22, Math.max(13, width / 60))) : width < 480 ? 11 : 12;
  return {
    width,
    font,
    // Wide enough that a model's name wraps between phrases rather than mid-word ("trật / tự").
    axisWidth: (cap) =>
      Math.round(Math.min(cap * (large ? font / 18 : 1), width * (width < 480 ? 0.4 : large ? 0.42 : 0.34))),
    rowsHeight: (rows, rowHeight, extra) => {
      if (!large) return rowHeight * rows + extra;
      return Math.min(rowHeight * rows + extra, Math.max(slideHeight, 22 * rows + extra));
    },
    plotHeight: (normal) => (large ? Math.min(560, slideHeight) : width < 480 ? Math.round(normal * 0.8) : normal),
  };
}

/**
 * Tick text props: recharts measures a label for wrapping with its `style`, not its `fontSize`
 * attribute, so without both a 22 px slide label was measured at the page's font, never wrapped,
 * and ran off the chart's left edge.
 */
export function tickProps(font: number) {
  return { fontSize: font, style: { fontSize: font } };
}

/** Legend names in dark text, marks in the series colour: yellow text on white cannot be read. */
export function legendProps(font: number) {
  return {
    wrapperStyle: { fontSize: font },
    itemSorter: null,
    formatter: (value: unknown) => <span className="chart-legend-text">{String(value)}</span>,
  } as const;
}
