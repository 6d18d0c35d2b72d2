import type { KeyedMessage } from "@qt/shared/messages/index";
import type { MapGeometry } from "@qt/shared/schemas/maps";

type Pt = [number, number];

/**
 * The installed province's land with a margin (decision 044): a coordinate outside it is a file of
 * somewhere else, or one with longitude and latitude swapped. `place` names it in each language.
 */
export type ProvinceArea = {
  west: number;
  east: number;
  south: number;
  north: number;
  place: { vi: string; en: string };
};

/** The default province's land (both old provinces, Cồn Cỏ island included) with a margin. */
export const DEFAULT_AREA: ProvinceArea = {
  west: 105,
  east: 108,
  south: 15.5,
  north: 18.5,
  place: { vi: "tỉnh Quảng Trị", en: "Quảng Trị province" },
};
const fmt = (v: number) => String(Math.round(v * 1e5) / 1e5);

/**
 * The problems of one unit's geometry, at most one of each kind (the first found): not a polygon,
 * coordinates that are not WGS84 longitude/latitude (a projected file: VN-2000 or UTM metres),
 * outside the province, rings that are not closed or too short, rings that cross themselves or
 * each other.
 */
export function geometryProblems(code: string, g: unknown, area: ProvinceArea = DEFAULT_AREA): KeyedMessage[] {
  const geom = g as MapGeometry | null;
  if (!geom || (geom.type !== "Polygon" && geom.type !== "MultiPolygon") || !Array.isArray(geom.coordinates)) {
    return [{ key: "map.badGeometry", params: { code } }];
  }
  const polygons = (geom.type === "Polygon" ? [geom.coordinates] : geom.coordinates) as unknown[];
  const shapeOk = polygons.every(
    (p) =>
      Array.isArray(p) &&
      p.every(
        (r) =>
          Array.isArray(r) &&
          r.every((pt) => Array.isArray(pt) && pt.length >= 2 && Number.isFinite(pt[0]) && Number.isFinite(pt[1])),
      ),
  );
  if (!shapeOk || polygons.length === 0) return [{ key: "map.badGeometry", params: { code } }];
  const rings = polygons as Pt[][][];
  const all = rings.flat(2);
  const notDegrees = all.find(([x, y]) => Math.abs(x) > 180 || Math.abs(y) > 90);
  if (notDegrees) return [{ key: "map.projected", params: { code, x: fmt(notDegrees[0]), y: fmt(notDegrees[1]) } }];
  const problems: KeyedMessage[] = [];
  const outside = all.find(([x, y]) => x < area.west || x > area.east || y < area.south || y > area.north);
  if (outside) {
    const { place } = area;
    problems.push({
      key: "map.outsideProvince",
      params: { code, x: fmt(outside[0]), y: fmt(outside[1]), place },
    });
  }
  const badRing = rings.some((p) => p.length === 0 || p.some((r) => r.length < 4 || !same(r[0], r[r.length - 1])));
  if (badRing) return [...problems, { key: "map.badRing", params: { code } }];
  const budget = { work: WORK_FLOOR + WORK_PER_EDGE * all.length };
  for (const polygon of rings) {
    const at = firstCrossing(polygon, budget);
    if (at === TOO_COMPLEX) {
      problems.push({ key: "map.tooComplex", params: { code } });
      break;
    }
    if (at) {
      problems.push({ key: "map.selfIntersection", params: { code, x: fmt(at[0]), y: fmt(at[1]) } });
      break;
    }
  }
  return problems;
}

const same = (a: Pt | undefined, b: Pt | undefined) => !!a && !!b && a[0] === b[0] && a[1] === b[1];

type Seg = { a: Pt; b: Pt; ring: number; i: number; n: number };

/** The crossing check's work (cells entered and pairs compared) allowed per edge, and at least. */
const WORK_PER_EDGE = 64;
const WORK_FLOOR = 20_000;
const EPS = 1e-9;
/** The check gave up: the work it would take is past its budget (refused as too intricate). */
export const TOO_COMPLEX = "tooComplex" as const;

/**
 * Where two edges of a polygon's rings cross, null if none, or TOO_COMPLEX. Edges are put in the
 * cells of a grid that they pass through (not the cells of their bounding box: a long slanted edge
 * then lies in a line of cells, not a square), and only edges sharing a cell are compared:
 * near-linear for real boundaries (thousands of points per ring), where comparing every pair would
 * be quadratic. The work is bounded: past WORK_PER_EDGE per edge (a ring of long edges close
 * together, issue 23: 25 s at 1,600 points before) the check stops. Neighbouring edges of a ring
 * meet at their shared point, which is no crossing.
 */
export function firstCrossing(
  rings: Pt[][],
  budget = { work: Number.POSITIVE_INFINITY },
): Pt | null | typeof TOO_COMPLEX {
  const segs: Seg[] = [];
  rings.forEach((r, ring) => {
    for (let i = 0; i < r.length - 1; i++) segs.push({ a: r[i] as Pt, b: r[i + 1] as Pt, ring, i, n: r.length - 1 });
  });
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { a } of segs)
    [x0, y0, x1, y1] = [Math.min(x0, a[0]), Math.min(y0, a[1]), Math.max(x1, a[0]), Math.max(y1, a[1])];
  const side = Math.max(1, Math.ceil(Math.sqrt(segs.length)));
  const cw = (x1 - x0) / side || 1;
  const ch = (y1 - y0) / side || 1;
  const clamp = (v: number) => Math.min(side - 1, Math.max(0, Math.floor(v)));
  const grid = new Map<number, Seg[]>();
  for (const s of segs) {
    // In grid units; the edge's rows are found column by column from its line.
    const [ax, ay, bx, by] = [(s.a[0] - x0) / cw, (s.a[1] - y0) / ch, (s.b[0] - x0) / cw, (s.b[1] - y0) / ch];
    const [cx0, cx1] = [clamp(Math.min(ax, bx)), clamp(Math.max(ax, bx))];
    const yAt = (x: number) => (bx === ax ? ay : ay + ((by - ay) * (x - ax)) / (bx - ax));
    for (let cx = cx0; cx <= cx1; cx++) {
      const [xa, xb] = [Math.max(Math.min(ax, bx), cx), Math.min(Math.max(ax, bx), cx + 1)];
      const [ya, yb] = bx === ax ? [ay, by] : [yAt(xa), yAt(xb)];
      // A hair of margin: two edges that meet on a cell's border must share a cell whatever the rounding.
      for (let cy = clamp(Math.min(ya, yb) - EPS); cy <= clamp(Math.max(ya, yb) + EPS); cy++) {
        const key = cx * side + cy;
        const here = grid.get(key) ?? [];
        budget.work -= here.length + 1;
        if (budget.work < 0) return TOO_COMPLEX;
        for (const t of here) {
          if (adjacent(s, t)) continue;
          const hit = crossing(s, t);
          if (hit) return hit;
        }
        here.push(s);
        grid.set(key, here);
      }
    }
  }
  return null;
}

/** Consecutive edges of one ring (the last and the first too) share a point by construction. */
const adjacent = (s: Seg, t: Seg) =>
  s.ring === t.ring && (Math.abs(s.i - t.i) === 1 || Math.abs(s.i - t.i) === s.n - 1 || s.i === t.i);

const orient = (p: Pt, q: Pt, r: Pt) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
const onSegment = (p: Pt, q: Pt, r: Pt) =>
  Math.min(p[0], r[0]) <= q[0] &&
  q[0] <= Math.max(p[0], r[0]) &&
  Math.min(p[1], r[1]) <= q[1] &&
  q[1] <= Math.max(p[1], r[1]);

/** The point where edges s and t touch or cross (collinear overlaps included), or null. */
function crossing(s: Seg, t: Seg): Pt | null {
  const [p1, p2, q1, q2] = [s.a, s.b, t.a, t.b];
  const d1 = orient(p1, p2, q1);
  const d2 = orient(p1, p2, q2);
  const d3 = orient(q1, q2, p1);
  const d4 = orient(q1, q2, p2);
  if (d1 !== d2 && d3 !== d4 && d1 !== 0 && d2 !== 0 && d3 !== 0 && d4 !== 0) {
    const den = (p2[0] - p1[0]) * (q2[1] - q1[1]) - (p2[1] - p1[1]) * (q2[0] - q1[0]);
    const u = ((q1[0] - p1[0]) * (q2[1] - q1[1]) - (q1[1] - p1[1]) * (q2[0] - q1[0])) / den;
    return [p1[0] + u * (p2[0] - p1[0]), p1[1] + u * (p2[1] - p1[1])];
  }
  if (d1 === 0 && onSegment(p1, q1, p2)) return q1;
  if (d2 === 0 && onSegment(p1, q2, p2)) return q2;
  if (d3 === 0 && onSegment(q1, p1, q2)) return p1;
  if (d4 === 0 && onSegment(q1, p2, q2)) return p2;
  return null;
}
