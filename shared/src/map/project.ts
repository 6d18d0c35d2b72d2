import { geoArea, geoMercator, geoPath } from "d3-geo";
import type { MultiPolygon, Polygon, Position } from "geojson";
import type { TMapFeature } from "../schemas/maps.ts";

/** A unit drawn in a box: its SVG path, where its label goes, and its size on screen. */
export type ProjectedUnit = { code: string; name: string; d: string; centroid: [number, number]; area: number };

/**
 * d3-geo reads polygons on the sphere, where a ring's winding says which side is inside: RFC 7946
 * GeoJSON winds the other way round from d3, which would then draw the rest of the globe. A
 * polygon covering more than a hemisphere is therefore turned around (a unit never does).
 */
function d3Wound(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const turn = (rings: Position[][]) => {
    const p: Polygon = { type: "Polygon", coordinates: rings };
    return geoArea(p) > 2 * Math.PI ? rings.map((r) => [...r].reverse()) : rings;
  };
  return g.type === "Polygon"
    ? { type: "Polygon", coordinates: turn(g.coordinates) }
    : { type: "MultiPolygon", coordinates: g.coordinates.map(turn) };
}

/**
 * The units in a width × height box (pixels, y down) with a margin, in the Mercator projection
 * (true shapes at this scale), fitted to the units given: the same function draws the screen's
 * SVG and the report's, so both look alike (docs/decisions/026).
 */
export function projectUnits(features: TMapFeature[], width: number, height: number, margin = 8): ProjectedUnit[] {
  const wound = features.map((f) => ({ ...f, geometry: d3Wound(f.geometry) }));
  if (wound.length === 0) return [];
  const projection = geoMercator().fitExtent(
    [
      [margin, margin],
      [width - margin, height - margin],
    ],
    { type: "FeatureCollection", features: wound },
  );
  const path = geoPath(projection);
  return wound.map((f) => {
    const [x, y] = path.centroid(f);
    return {
      code: f.properties.code,
      name: f.properties.name,
      d: path(f) ?? "",
      centroid: [Math.round(x * 10) / 10, Math.round(y * 10) / 10],
      area: path.area(f),
    };
  });
}
