import { formatNumber } from "@qt/shared/format";
import { projectUnits } from "@qt/shared/map/project";
import { MAP_NO_DATA, mapClasses, mapClassLabel, mapColour, measureValue } from "@qt/shared/map/scale";
import { districtMapUnit } from "@qt/shared/map/units";
import type { MapMeasure, TMapFeature, TMapUnitFigures } from "@qt/shared/schemas/maps";
import type { TReportModel } from "@qt/shared/schemas/reports";
import { DISTRICT_ATTRIBUTION, districtFeatures } from "../maps/boundaries.ts";
import { provinceOutlines } from "../maps/source.ts";
import { esc } from "./chart.ts";

/** The figure's size in CSS pixels (the PNG is three times larger): map on the left, legend right. */
export const MAP_FIGURE = { width: 640, height: 600, scale: 3 } as const;
const MAP_W = 440;
const FOOT = 44;

/** "Huyện Gio Linh" → "Gio Linh": the map has room for the name only; the table gives the rest. */
const shortName = (name: string) =>
  name.replace(/^(Tỉnh|Huyện|Thị xã|Thành phố|Xã|Phường|Thị trấn|Đặc khu)\s+/u, "").replace(/\s*\(cũ\)$/u, "");

type Box = [number, number, number, number];
const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** What a label says under the name: "5/9" for coverage (the share is the colour), else the count. */
const figureText = (u: TMapUnitFigures, measure: MapMeasure) =>
  measure === "coverage"
    ? `${formatNumber(u.covered)}/${formatNumber(u.total)}`
    : formatNumber(measure === "sites" ? u.sites : u.cameras);

/** Words in lines of at most `max` characters (the attribution under the map). */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * A choropleth of the units as SVG, with the product's one colour scale (shared/map/scale.ts), the
 * same projection as the screen (shared/map/project.ts), each unit labelled with its name and
 * exact figure where it has room, a legend of the class bounds and the boundaries' attribution.
 * Units without figures (outside the report's districts) are grey.
 */
export function choroplethSvg(opts: {
  features: TMapFeature[];
  units: TMapUnitFigures[];
  measure: MapMeasure;
  legendTitle: string;
  attribution: string;
  /** Legend texts in place of the class bounds (a commune map: "no camera", "camera"). */
  classLabels?: string[];
  /** Names only on the map (a commune's figure is its colour). */
  namesOnly?: boolean;
}): string {
  const { width: W, height: H } = MAP_FIGURE;
  const byCode = new Map(opts.units.map((u) => [u.code, u]));
  const values = opts.units.map((u) => measureValue(u, opts.measure));
  const classes = mapClasses(opts.measure, values);
  const drawn = projectUnits(opts.features, MAP_W, H - FOOT, 12);
  const parts: string[] = [`<rect width="${W}" height="${H}" fill="#fff"/>`];
  const labels: string[] = [];
  const placed: Box[] = [];
  let anyGrey = false;
  for (const p of drawn) {
    const u = byCode.get(p.code);
    const fill = mapColour(classes, u ? measureValue(u, opts.measure) : null);
    if (fill === MAP_NO_DATA) anyGrey = true;
    // Grey outlines: the palest class would otherwise melt into the white page.
    parts.push(
      `<path data-code="${esc(p.code)}" d="${p.d}" fill="${fill}" stroke="#737373" stroke-width="0.7" stroke-linejoin="round"/>`,
    );
  }
  // Names and figures, largest units first, each only where it overlaps no other label and its
  // unit has room: the smallest units are read from the table printed with the map.
  for (const p of [...drawn].sort((a, b) => b.area - a.area)) {
    if (p.area < 900) continue;
    const u = byCode.get(p.code);
    const lines = [shortName(p.name), u && !opts.namesOnly ? figureText(u, opts.measure) : ""].filter(Boolean);
    const w = Math.max(...lines.map((l) => l.length)) * 6.2;
    const [x, y] = p.centroid;
    const box: Box = [x - w / 2, y - 12, x + w / 2, y - 12 + lines.length * 13];
    if (placed.some((b) => overlaps(b, box))) continue;
    placed.push(box);
    lines.forEach((line, i) => {
      labels.push(
        `<text x="${x}" y="${y + i * 13}" font-size="12" ${i === 0 ? 'font-weight="bold" ' : ""}text-anchor="middle" fill="#1a1a1a" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">${esc(line)}</text>`,
      );
    });
  }
  parts.push(`<g>${labels.join("")}</g>`);
  // Legend: title, one swatch per class, grey for "no figure" when shown.
  const lx = MAP_W + 16;
  let ly = 40;
  for (const line of wrap(opts.legendTitle, 26)) {
    parts.push(`<text x="${lx}" y="${ly}" font-size="13" font-weight="bold">${esc(line)}</text>`);
    ly += 17;
  }
  ly += 6;
  const rows = [
    ...classes
      .map((c, i) => ({ colour: c.colour, text: opts.classLabels?.[i] ?? mapClassLabel(opts.measure, c) }))
      .reverse(),
    ...(anyGrey ? [{ colour: MAP_NO_DATA, text: "Ngoài phạm vi báo cáo" }] : []),
  ];
  for (const r of rows) {
    parts.push(
      `<rect x="${lx}" y="${ly}" width="22" height="16" fill="${r.colour}" stroke="#666" stroke-width="0.6"/>`,
      `<text x="${lx + 30}" y="${ly + 13}" font-size="13">${esc(r.text)}</text>`,
    );
    ly += 22;
  }
  // Attribution, as the boundaries' licence asks, under the map.
  wrap(opts.attribution, 100).forEach((line, i) => {
    parts.push(`<text x="12" y="${H - FOOT + 18 + i * 14}" font-size="11" fill="#333">${esc(line)}</text>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Liberation Serif">${parts.join("")}</svg>`;
}

/**
 * The report's map: camera coverage per district, as the dashboard's map shades it, over the
 * headline's list (decision 027); the report's districts in the colour scale, the other districts of their old
 * province grey (a report on one former district shows its whole old province).
 */
export function reportMapSvg(m: TReportModel): string {
  if (m.byProvince?.length) return provincesMapSvg(m, m.byProvince);
  const codes = new Set(m.byDistrict.map((d) => d.code));
  const all = districtFeatures(m.province.former.map((f) => f.code));
  const provinces = new Set(all.filter((f) => codes.has(f.properties.code)).map((f) => f.properties.provinceCode));
  return choroplethSvg({
    features: all.filter((f) => provinces.has(f.properties.provinceCode)),
    units: m.byDistrict.map((d) => districtMapUnit(d, m.summary.coverage.headline.list)),
    measure: "coverage",
    legendTitle:
      m.summary.coverage.headline.list === "two_level"
        ? "Tỷ lệ xã, phường, đặc khu hiện nay có camera an ninh"
        : "Tỷ lệ địa bàn cấp xã có camera an ninh",
    attribution: DISTRICT_ATTRIBUTION,
  });
}

/**
 * The report's commune map, when boundaries are loaded for the view's list: each commune-level
 * unit of the report's districts covered or not (the annex's ✓), named where there is room.
 */
export function reportCommuneMapSvg(m: TReportModel): string | null {
  const layer = m.communeMap;
  if (!layer) return null;
  const current = layer.list === "two_level";
  const units = m.annex.flatMap((d) =>
    d.areas
      .filter((a) => a.current === current)
      .map((a) => ({ ...a, districtCode: d.code, covered: a.covered ? 1 : 0, total: 1 })),
  );
  return choroplethSvg({
    features: layer.features,
    units,
    measure: "coverage",
    legendTitle: current ? "Xã, phường, đặc khu có camera an ninh" : "Địa bàn cấp xã có camera an ninh",
    attribution: layer.attribution,
    classLabels: ["Chưa có camera", "Có camera"],
    namesOnly: true,
  });
}

/**
 * The national report's map (decision 050): today's 34 provinces, shaded by the share of their
 * communes of today with cameras, as the overview's provinces map (maps.measures, level province).
 */
function provincesMapSvg(m: TReportModel, rows: NonNullable<TReportModel["byProvince"]>): string {
  const list = m.summary.coverage.headline.list;
  return choroplethSvg({
    features: provinceOutlines().map((f) => ({
      type: "Feature",
      properties: { code: f.properties.code, name: f.properties.name, districtCode: f.properties.code },
      geometry: f.geometry,
    })),
    units: rows.map((p) =>
      districtMapUnit({ ...p, currentAreas: p.communes, currentCoveredAreas: p.coveredCommunes }, list),
    ),
    measure: "coverage",
    legendTitle: "Tỷ lệ xã, phường, đặc khu hiện nay có camera an ninh",
    attribution: DISTRICT_ATTRIBUTION,
    namesOnly: true,
  });
}
