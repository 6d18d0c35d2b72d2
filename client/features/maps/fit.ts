import { type ProjectedUnit, projectUnits } from "@qt/shared/map/project";
import type { TMapFeature } from "@qt/shared/schemas/maps";

/**
 * The units projected for a box `width` wide and at most `maxHeight` tall, and the box's real
 * height: the shared projection fits the land inside the box, centred; the empty bands above and
 * below it are cut off (the land's shape, not the box, sets the map's height).
 */
export function fitUnits(features: TMapFeature[], width: number, maxHeight: number) {
  const box = Math.round(Math.min(width * 1.25, maxHeight));
  const units = projectUnits(features, width, box);
  const [top, bottom] = verticalExtent(units) ?? [0, box];
  const pad = 8;
  const y = Math.max(0, Math.floor(top - pad));
  const height = Math.min(box, Math.ceil(bottom + pad)) - y;
  return { units, width, y, height };
}

/** The smallest and largest y of every path's points (d3 writes "M x,y L x,y … Z"). */
function verticalExtent(units: ProjectedUnit[]): [number, number] | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const u of units) {
    for (const m of u.d.matchAll(/-?[\d.]+(?:e-?\d+)?,(-?[\d.]+(?:e-?\d+)?)/g)) {
      const v = Number(m[1]);
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return Number.isFinite(min) ? [min, max] : null;
}
