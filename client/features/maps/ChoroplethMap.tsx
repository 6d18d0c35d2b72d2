import { MAP_NO_DATA } from "@qt/shared/map/scale";
import type { TMapFeature } from "@qt/shared/schemas/maps";
import { useLayoutEffect, useMemo, useRef, useState } from "react";
import type { ChartSize } from "../charts/ChartBox.tsx";
import { fitUnits } from "./fit.ts";
import { shortUnitName } from "./names.ts";

/** One unit's figure as the map shows it: its class (null: no figure) and the exact text of its tooltip. */
export type MapValue = { code: string; name: string; label: string; classIndex: number | null; exact: string };
export type LegendClass = { color: string; label: string };

type Props = {
  title: string;
  features: TMapFeature[];
  values: MapValue[];
  classes: LegendClass[];
  noDataLabel: string;
  size: ChartSize;
  large?: boolean;
  /** Opens a unit (a district's screen); absent, the units are not links. */
  onSelect?: (code: string) => void;
  /** A unit drawn with a heavy outline: the district the screen is about. */
  chosen?: string;
  /** Called once the map is committed for these features and values (the draw-time measure). */
  onDrawn?: () => void;
  /**
   * Many units, each worth naming (the 34 provinces): a unit at least this many font-heights wide
   * (as a square) is labelled, and a label that would cover another is left out rather than written
   * over it. Unset: commune maps' 4.5, every other label kept.
   */
  labelSide?: number;
};

const NO_DATA = MAP_NO_DATA;
const NO_DATA_ID = "map-no-data";

/**
 * Districts (or communes) shaded by class on an SVG drawn with d3-geo. Every unit is a link reachable
 * with Tab, named by its exact figure (what a screen reader reads and the tooltip shows); Enter or a
 * click opens it. Small units keep their link and tooltip but lose their label, which would cover them.
 */
export function ChoroplethMap({
  title,
  features,
  values,
  classes,
  noDataLabel,
  size,
  large,
  onSelect,
  onDrawn,
  chosen,
  labelSide,
}: Props) {
  const wrap = useRef<HTMLDivElement>(null);
  const maxHeight = useMaxHeight(wrap, large);
  // On a slide the legend stands beside the map: the projector's height is the scarce side.
  const width = large ? Math.max(240, size.width - SIDE_LEGEND) : size.width;
  const geo = useMemo(() => fitUnits(features, width, maxHeight), [features, width, maxHeight]);
  const byCode = useMemo(() => new Map(values.map((v) => [v.code, v])), [values]);
  const [active, setActive] = useState<{ code: string; x: number; y: number } | null>(null);
  const drawn = useRef(onDrawn);
  drawn.current = onDrawn;
  // After the commit of new shapes or new figures: what the draw-time measure waits for.
  useLayoutEffect(() => {
    if (geo.units.length > 0 && values.length > 0) drawn.current?.();
  }, [geo, values]);
  const font = size.font;
  // A district map (a score of units) names every district, the small towns and the island
  // included (a slide named 3 of 10); a commune map names only the units large enough for it.
  const minLabelArea = geo.units.length <= MAX_ALL_LABELLED ? 0 : (font * (labelSide ?? 4.5)) ** 2;
  const shown = active ? byCode.get(active.code) : undefined;
  const point = (e: React.PointerEvent, code: string) => {
    const box = wrap.current?.getBoundingClientRect();
    setActive({ code, x: e.clientX - (box?.left ?? 0), y: e.clientY - (box?.top ?? 0) });
  };
  return (
    <div className="map" ref={wrap}>
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a fieldset; the group names the map's links */}
      <svg
        width={geo.width}
        height={geo.height}
        viewBox={`0 ${geo.y} ${geo.width} ${geo.height}`}
        role="group"
        aria-label={title}
        onPointerLeave={() => setActive(null)}
      >
        <defs>
          <pattern id={NO_DATA_ID} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill={NO_DATA} />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#8c8c8c" strokeWidth="1.5" />
          </pattern>
        </defs>
        {geo.units.map((u) => {
          const v = byCode.get(u.code);
          const fill = v?.classIndex != null ? (classes[v.classIndex]?.color ?? NO_DATA) : `url(#${NO_DATA_ID})`;
          const name = v ? `${v.name}: ${v.exact}` : `${u.name}: ${noDataLabel}`;
          const cls = [
            "map-unit",
            active?.code === u.code && "map-unit-active",
            chosen === u.code && "map-unit-chosen",
          ];
          return (
            // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be an <a> with a router link's behaviour
            <path
              key={u.code}
              d={u.d}
              fill={fill}
              className={cls.filter(Boolean).join(" ")}
              role="link"
              tabIndex={0}
              aria-label={name}
              data-code={u.code}
              onPointerMove={(e) => point(e, u.code)}
              onFocus={() => setActive({ code: u.code, x: u.centroid[0], y: u.centroid[1] - geo.y })}
              onBlur={() => setActive(null)}
              onClick={() => onSelect?.(u.code)}
              onKeyDown={(e) => {
                if (e.key === "Enter") onSelect?.(u.code);
              }}
            />
          );
        })}
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: the labels are not focusable; each shape's link already names its unit */}
        <g className="map-labels" aria-hidden="true" fontSize={font}>
          {placeLabels(
            geo.units
              .filter((u) => u.area >= minLabelArea && Number.isFinite(u.centroid[0]))
              .map((u) => ({
                code: u.code,
                text: byCode.get(u.code)?.label ?? shortUnitName(u.name),
                x: u.centroid[0],
                y: u.centroid[1],
              })),
            font,
            labelSide !== undefined,
          ).map((l) => (
            <text key={l.code} x={l.x} y={l.y} textAnchor="middle" dominantBaseline="middle">
              {l.text}
            </text>
          ))}
        </g>
      </svg>
      {active && shown && (
        <div
          className="map-tooltip"
          role="tooltip"
          style={{ left: Math.min(active.x + 12, geo.width - 180), top: Math.max(0, active.y + 12) }}
        >
          <strong>{shown.name}</strong>
          <br />
          {shown.exact}
        </div>
      )}
      <ul className="map-legend" aria-label={title}>
        {classes.map((c) => (
          <li key={c.label}>
            <span className="map-swatch" style={{ background: c.color }} aria-hidden="true" />
            {c.label}
          </li>
        ))}
        {values.some((v) => v.classIndex == null) && (
          <li>
            <span className="map-swatch map-swatch-none" aria-hidden="true" />
            {noDataLabel}
          </li>
        )}
      </ul>
    </div>
  );
}

const MAX_ALL_LABELLED = 20;

type Label = { code: string; text: string; x: number; y: number };

/**
 * Labels at their units' centres, each moved down or up by a line until it no longer covers one
 * already placed: neighbouring small towns ("Đông Hà" and "Triệu Phong") were written over each other.
 */
function placeLabels(labels: Label[], font: number, dropClashing = false): Label[] {
  const placed: Label[] = [];
  const width = (l: Label) => l.text.length * font * 0.6;
  const clash = (a: Label, b: Label) =>
    Math.abs(a.x - b.x) < (width(a) + width(b)) / 2 && Math.abs(a.y - b.y) < font * 1.15;
  for (const l of [...labels].sort((a, b) => a.y - b.y)) {
    const tries = [0, 1, -1, 2, -2, 3].map((k) => ({ ...l, y: l.y + k * font * 1.2 }));
    const free = tries.find((c) => !placed.some((p) => clash(c, p)));
    if (free) placed.push(free);
    else if (!dropClashing) placed.push(l);
  }
  return placed;
}
// Under the map on a slide: the attribution, the card's and the slide's padding and the
// presenter's hint line. The legend stands beside it, in this width.
const SLIDE_BELOW_MAP = 105;
const SIDE_LEGEND = 240;

/**
 * On a slide the map takes the screen's height left below where it starts (a 1024×768 projector
 * included), never less than a readable 220 px; on a page, at most 640 px.
 */
function useMaxHeight(wrap: React.RefObject<HTMLDivElement | null>, large?: boolean) {
  const [top, setTop] = useState<number | null>(null);
  useLayoutEffect(() => {
    if (large && wrap.current) setTop(wrap.current.getBoundingClientRect().top);
  }, [large, wrap]);
  if (!large) return 640;
  const screen = typeof window === "undefined" ? 900 : window.innerHeight || 900;
  return Math.max(220, screen - (top ?? 330) - SLIDE_BELOW_MAP);
}
