import { formatNumber } from "@qt/shared/format";
import { SERIES } from "@qt/shared/palette";
import { Resvg } from "@resvg/resvg-js";
import { FONT_FILES } from "./labels.ts";

export type BarDatum = { label: string; value: number /** Second series, drawn lighter beside. */; value2?: number };
// The screens' colours (shared palette): the report's second series was a light blue at 1.8:1 against white.
export type ChartImage = { png: Buffer; width: number; height: number; caption: string };

const W = 640;
const H = 320;
const LABEL_CHAR_PX = 5.6;
const LABEL_ANGLE = (35 * Math.PI) / 180;
export const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * A bar chart drawn as SVG with fixed sizes, then rasterised to PNG by resvg with the shipped
 * Liberation Serif (no system fonts: the output is the same on every server). The server does not
 * carry React/recharts, and a hand-built SVG of two dozen elements is all a printed report needs.
 */
export function barChartSvg(data: BarDatum[], opts: { legend?: [string, string?] } = {}): string {
  // Category names are written at -35°, ending under their bar: the longest one sets how much room
  // they need below the axis and left of the first bar (Liberation Serif at 11 px averages about
  // 5,6 px a character), so "Thành phố Đông Hà (cũ)" is not cut at the image's edge.
  const longest = Math.max(0, ...data.map((d) => d.label.length)) * LABEL_CHAR_PX;
  const right = 16;
  const top = opts.legend ? 36 : 16;
  const bottom = Math.max(64, Math.ceil(14 + longest * Math.sin(LABEL_ANGLE) + 8));
  const firstSlot = (W - 56 - right) / Math.max(1, data.length);
  const left = Math.max(56, Math.ceil(longest * Math.cos(LABEL_ANGLE) - firstSlot / 2 + 8));
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const max = Math.max(1, ...data.flatMap((d) => [d.value, d.value2 ?? 0]));
  const step = niceStep(max);
  const yMax = Math.ceil(max / step) * step;
  const y = (v: number) => top + plotH - (v / yMax) * plotH;
  const slot = plotW / Math.max(1, data.length);
  const two = data.some((d) => d.value2 !== undefined);
  const barW = Math.max(2, (slot * 0.7) / (two ? 2 : 1));
  const parts: string[] = [`<rect width="${W}" height="${H}" fill="#fff"/>`];
  for (let v = 0; v <= yMax; v += step) {
    parts.push(
      `<line x1="${left}" x2="${W - right}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>`,
      `<text x="${left - 6}" y="${y(v) + 4}" font-size="11" text-anchor="end">${formatNumber(v)}</text>`,
    );
  }
  data.forEach((d, i) => {
    const x0 = left + i * slot + (slot - barW * (two ? 2 : 1)) / 2;
    parts.push(
      `<rect x="${x0}" y="${y(d.value)}" width="${barW}" height="${y(0) - y(d.value)}" fill="${SERIES.primary}"/>`,
    );
    if (d.value2 !== undefined) {
      parts.push(
        `<rect x="${x0 + barW}" y="${y(d.value2)}" width="${barW}" height="${y(0) - y(d.value2)}" fill="${SERIES.secondary}"/>`,
      );
    }
    const cx = left + i * slot + slot / 2;
    const ly = H - bottom + 14;
    parts.push(
      `<text x="${cx}" y="${ly}" font-size="11" text-anchor="end" transform="rotate(-35 ${cx} ${ly})">${esc(d.label)}</text>`,
    );
  });
  parts.push(`<line x1="${left}" x2="${W - right}" y1="${y(0)}" y2="${y(0)}" stroke="#333"/>`);
  if (opts.legend) {
    const [a, b] = opts.legend;
    parts.push(`<rect x="${left}" y="10" width="12" height="12" fill="${SERIES.primary}"/>`);
    parts.push(`<text x="${left + 18}" y="20" font-size="12">${esc(a)}</text>`);
    if (b) {
      parts.push(`<rect x="${left + 260}" y="10" width="12" height="12" fill="${SERIES.secondary}"/>`);
      parts.push(`<text x="${left + 278}" y="20" font-size="12">${esc(b)}</text>`);
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Liberation Serif">${parts.join("")}</svg>`;
}

function niceStep(max: number): number {
  const raw = max / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

/**
 * PNG at `scale` times the SVG size (twice by default), so the figure stays sharp when printed;
 * the map asks for three times (about 300 dpi at its printed width).
 */
export function renderChart(
  svg: string,
  caption: string,
  size: { width: number; height: number; scale: number } = { width: W, height: H, scale: 2 },
): ChartImage {
  const png = new Resvg(svg, {
    fitTo: { mode: "width", value: size.width * size.scale },
    font: {
      loadSystemFonts: false,
      fontFiles: [FONT_FILES.normal, FONT_FILES.bold],
      defaultFontFamily: "Liberation Serif",
    },
  })
    .render()
    .asPng();
  return { png, width: size.width, height: size.height, caption };
}
