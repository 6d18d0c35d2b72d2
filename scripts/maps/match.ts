// Matching geoBoundaries' Viet Nam layers to the statistics office's codes (scripts/build-national-maps.ts).
// Planar geometry on longitude/latitude is enough here: it only asks which polygon holds a point.
import type { MultiPolygon, Polygon, Position } from "geojson";
import { foldVietnamese } from "../../shared/src/domain.ts";

type Area = Polygon | MultiPolygon;
const polygonsOf = (g: Area): Position[][][] => (g.type === "Polygon" ? [g.coordinates] : g.coordinates);

/** A name reduced to what both sources agree on: no diacritics, no case, no spaces or punctuation. */
export function plain(name: string): string {
  return foldVietnamese(name).replace(/[^a-z0-9]/g, "");
}

/** A unit's name without its kind ("Huyện Gio Linh" → "giolinh", "Quận 1" → "1"). */
export function nameKey(name: string, kind: string): string {
  return plain(name.toLowerCase().startsWith(kind.toLowerCase()) ? name.slice(kind.length) : name);
}

/** The kinds written before a district's name, as the source writes them without diacritics. */
export const DISTRICT_KINDS = ["Quan", "Huyen", "Thi xa", "Thanh pho"] as const;

/** The keys a source name may stand for: whole, and without a leading kind or a trailing "District". */
export function sourceKeys(name: string): { keys: string[]; kind: string | null } {
  const bare = name.trim().replace(/\s+District$/i, "");
  const kind = DISTRICT_KINDS.find((k) => bare.toLowerCase().startsWith(`${k.toLowerCase()} `)) ?? null;
  const keys = [plain(bare)];
  if (kind) keys.push(plain(bare.slice(kind.length)));
  return { keys, kind };
}

function ringHas(ring: Position[], p: Position): boolean {
  const [x, y] = p as [number, number];
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether a point lies inside an area (holes excluded). */
export function contains(g: Area, p: Position): boolean {
  return polygonsOf(g).some(
    (rings) => ringHas(rings[0] as Position[], p) && !rings.slice(1).some((r) => ringHas(r, p)),
  );
}

const ringArea = (ring: Position[]) =>
  Math.abs(
    ring.reduce(
      (s, [x, y], i) =>
        s +
        (x as number) * ((ring[(i + 1) % ring.length] as Position)[1] as number) -
        ((ring[(i + 1) % ring.length] as Position)[0] as number) * (y as number),
      0,
    ),
  ) / 2;

/**
 * A point surely inside an area: on the horizontal line through the middle of its largest polygon,
 * the middle of the widest stretch that lies inside (even-odd over all its rings).
 */
export function interiorPoint(g: Area): Position {
  const largest = polygonsOf(g).reduce((a, b) => (ringArea(b[0] as Position[]) > ringArea(a[0] as Position[]) ? b : a));
  const ys = (largest[0] as Position[]).map((p) => p[1] as number);
  const y = (Math.min(...ys) + Math.max(...ys)) / 2 + 1e-9;
  const xs: number[] = [];
  for (const ring of largest)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
    }
  xs.sort((a, b) => a - b);
  let best: Position = [xs[0] as number, y];
  let width = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const w = (xs[i + 1] as number) - (xs[i] as number);
    if (w > width) [width, best] = [w, [((xs[i] as number) + (xs[i + 1] as number)) / 2, y]];
  }
  return best;
}

/** Squared distance from a point to the nearest vertex of an area (to place a point just off a coarse outline). */
export function nearness(g: Area, [x, y]: Position): number {
  let best = Number.POSITIVE_INFINITY;
  for (const rings of polygonsOf(g))
    for (const [px, py] of rings[0] as Position[])
      best = Math.min(best, ((px as number) - (x as number)) ** 2 + ((py as number) - (y as number)) ** 2);
  return best;
}
