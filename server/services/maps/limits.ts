import type { KeyedMessage } from "@qt/shared/messages/index";

/**
 * What a boundary file may hold, decided from its structure before any geometry is built
 * (issue 23): a TopoJSON ring is a list of arc numbers, so a 82 KB file that names one 1,001-point
 * arc 20,000 times describes 20 million points; counting them without expanding refuses it at once.
 * The figures leave room for an official file far more detailed than the screen needs (126 units
 * of 4,000 points, 504,000 points, is decision 026's measured case).
 */
export const MAP_LIMITS = {
  /** Points of the whole file, as its rings will be once expanded. */
  points: 1_000_000,
  /** Points of one ring: the crossing check's work grows with it. */
  ringPoints: 100_000,
  /** Arcs of a TopoJSON file. */
  arcs: 200_000,
  /** Uses of one arc: two neighbours share a border; a few objects (communes, districts) may reuse it. */
  arcUses: 8,
  /** Geometry collections inside collections. */
  depth: 4,
} as const;

type Geo = { type?: unknown; arcs?: unknown; coordinates?: unknown; geometries?: unknown };

const tooMany = (count: number) =>
  count > MAP_LIMITS.points ? { key: "map.tooManyPoints" as const, params: { count, max: MAP_LIMITS.points } } : null;

/** The rings of a geometry as lists (of arc numbers in TopoJSON, of positions in GeoJSON), or null. */
function ringsOf(g: Geo, key: "arcs" | "coordinates"): unknown[] {
  const v = g[key];
  if (!Array.isArray(v)) return [];
  if (g.type === "Polygon" || g.type === "MultiLineString") return v;
  if (g.type === "MultiPolygon") return v.flatMap((p) => (Array.isArray(p) ? p : []));
  if (g.type === "LineString") return [v];
  return [];
}

/** A ring's points over the file's limits, counted by `size`: the refusal, or null. */
function ringRefusal(size: number, index: number): KeyedMessage | null {
  if (size <= MAP_LIMITS.ringPoints) return null;
  return { key: "map.ringTooLong", params: { index, count: size, max: MAP_LIMITS.ringPoints } };
}

/** A GeoJSON FeatureCollection's points over the limits (each ring counted as it is), or null. */
export function geoJsonOverLimits(features: unknown[]): KeyedMessage | null {
  let total = 0;
  for (const [i, f] of features.entries()) {
    const g = ((f as { geometry?: Geo } | null)?.geometry ?? {}) as Geo;
    for (const ring of ringsOf(g, "coordinates")) {
      const size = Array.isArray(ring) ? ring.length : 0;
      total += size;
      const refused = ringRefusal(size, i + 1) ?? tooMany(total);
      if (refused) return refused;
    }
  }
  return null;
}

/**
 * A TopoJSON Topology's arcs, arc uses, ring points and total points over the limits, counted
 * from the arc numbers without building a single coordinate; a reference to no arc, or
 * collections nested too deep, is a refusal too (topojson-client would fail or recurse on them).
 */
export function topologyOverLimits(objects: Record<string, unknown>, arcs: unknown[]): KeyedMessage | null {
  if (arcs.length > MAP_LIMITS.arcs) {
    return { key: "map.tooManyArcs", params: { count: arcs.length, max: MAP_LIMITS.arcs } };
  }
  const length = arcs.map((a) => (Array.isArray(a) ? a.length : 0));
  const fileOwn = tooMany(length.reduce((a, b) => a + b, 0));
  if (fileOwn) return fileOwn;
  const uses = new Uint32Array(arcs.length);
  let total = 0;
  let index = 0;
  const stack: { g: Geo; depth: number }[] = Object.values(objects).map((g) => ({ g: (g ?? {}) as Geo, depth: 0 }));
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { g, depth } = next;
    if (g.type === "GeometryCollection") {
      if (depth >= MAP_LIMITS.depth || !Array.isArray(g.geometries)) return { key: "map.badArc", params: { arc: "-" } };
      for (const child of g.geometries) stack.push({ g: (child ?? {}) as Geo, depth: depth + 1 });
      continue;
    }
    index += 1;
    for (const ring of ringsOf(g, "arcs")) {
      if (!Array.isArray(ring)) continue;
      let size = 1;
      for (const ref of ring) {
        const arc = typeof ref === "number" && Number.isInteger(ref) ? (ref < 0 ? ~ref : ref) : -1;
        if (arc < 0 || arc >= arcs.length) return { key: "map.badArc", params: { arc: String(ref).slice(0, 20) } };
        uses[arc] = (uses[arc] as number) + 1;
        if ((uses[arc] as number) > MAP_LIMITS.arcUses) {
          return { key: "map.arcReused", params: { arc, count: uses[arc] as number, max: MAP_LIMITS.arcUses } };
        }
        size += Math.max(0, (length[arc] as number) - 1);
      }
      total += size;
      const refused = ringRefusal(size, index) ?? tooMany(total);
      if (refused) return refused;
    }
  }
  return null;
}
