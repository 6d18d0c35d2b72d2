import type { TMapFeature } from "@qt/shared/schemas/maps";
import type { FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import { feature } from "topojson-client";
import { topology } from "topojson-server";
import { presimplify, quantile, simplify } from "topojson-simplify";
import type { GeometryCollection, Topology } from "topojson-specification";

/** Share of the points kept for the screen: the least significant go (Visvalingam's areas). */
const KEEP = 0.35;
/**
 * At most this many points in all (about 400 KB of GeoJSON): an official commune file of several
 * megabytes keeps what a province-wide map at screen or print size can show, and no more.
 */
const MAX_POINTS = 20_000;
/** Decimal places kept: 1e-4° is about 11 m, far below a pixel of a province on a screen or page. */
const DIGITS = 4;

const round = (p: Position): Position => p.map((v) => Math.round(v * 10 ** DIGITS) / 10 ** DIGITS);

/**
 * Outlines simplified for the screen, once (at build time for the districts, when a commune file
 * is loaded for the rest), never per request. Simplifying the shared topology keeps neighbours'
 * borders identical, so no gaps or overlaps open between units.
 */
export function simplifyForScreen(features: TMapFeature[]): TMapFeature[] {
  const fc: FeatureCollection<Polygon | MultiPolygon> = { type: "FeatureCollection", features };
  const topo = presimplify(topology({ units: fc }, 1e6) as unknown as Topology<{ units: GeometryCollection }>);
  // Points on a straight line weigh nothing: they go even when they are most of the points.
  const points = topo.arcs.reduce((sum, arc) => sum + arc.length, 0);
  const keep = Math.min(KEEP, MAX_POINTS / Math.max(1, points));
  const simple = simplify(topo, Math.max(quantile(topo, keep), Number.MIN_VALUE));
  const out = feature(simple, simple.objects.units as GeometryCollection) as unknown as FeatureCollection<
    Polygon | MultiPolygon
  >;
  return out.features.map((f, i) => {
    const g = f.geometry;
    const geometry: Polygon | MultiPolygon =
      g.type === "Polygon"
        ? { type: "Polygon", coordinates: g.coordinates.map((r) => r.map(round)) }
        : { type: "MultiPolygon", coordinates: g.coordinates.map((p) => p.map((r) => r.map(round))) };
    return { type: "Feature", properties: (features[i] as TMapFeature).properties, geometry };
  });
}
