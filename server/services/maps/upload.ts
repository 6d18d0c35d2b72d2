import type { KeyedMessage } from "@qt/shared/messages/index";
import type { MapGeometry, TMapFeature } from "@qt/shared/schemas/maps";
import { feature } from "topojson-client";
import type { Topology } from "topojson-specification";
import type { ExpectedUnit } from "./expected-units.ts";
import { geometryProblems, type ProvinceArea } from "./geometry.ts";
import { geoJsonOverLimits, topologyOverLimits } from "./limits.ts";

type Raw = { id?: unknown; properties?: Record<string, unknown> | null; geometry?: unknown };

/** Property names a unit's GSO code may go by in files from the mapping agency or a GIS export. */
const CODE_KEYS = ["code", "ma", "gso_code", "ma_xa", "maXa", "MA_XA", "MaXa"];

export type Checked = { ok: true; features: TMapFeature[] } | { ok: false; problems: KeyedMessage[] };

/** A unit's code: the first code property, else the feature's id; numbers are read as text. */
function codeOf(f: Raw): string | null {
  const props = f.properties ?? {};
  for (const v of [...CODE_KEYS.map((k) => props[k]), f.id]) {
    if (typeof v === "string" && v.trim()) return v.trim();
    if (typeof v === "number" && Number.isInteger(v)) return String(v).padStart(5, "0");
  }
  return null;
}

/**
 * The features of a GeoJSON FeatureCollection, or of every geometry collection of a TopoJSON, once
 * their size is known to be within MAP_LIMITS (counted before any geometry is built); otherwise the
 * refusal.
 */
function featuresOf(doc: unknown): Raw[] | KeyedMessage {
  const notGeo = { key: "map.notGeo", params: {} } as const;
  if (typeof doc !== "object" || doc === null) return notGeo;
  const d = doc as { type?: unknown; features?: unknown; objects?: unknown; arcs?: unknown };
  if (d.type === "FeatureCollection" && Array.isArray(d.features)) {
    return geoJsonOverLimits(d.features) ?? (d.features as Raw[]);
  }
  if (d.type === "Topology" && typeof d.objects === "object" && d.objects && Array.isArray(d.arcs)) {
    const over = topologyOverLimits(d.objects as Record<string, unknown>, d.arcs);
    if (over) return over;
    try {
      const topo = d as unknown as Topology;
      return Object.values(topo.objects).flatMap((o) => {
        const out = feature(topo, o) as unknown as { features?: Raw[] } & Raw;
        return out.features ?? [out];
      });
    } catch {
      return notGeo;
    }
  }
  return notGeo;
}

/**
 * Checks a commune-level boundary file against its list: JSON, GeoJSON or TopoJSON, every feature
 * with a known code once, valid geometry in WGS84 within the province, and every unit of the list
 * either drawn or declared missing. All problems are collected, in file order, then the listing.
 */
export function checkBoundaryFile(
  text: string,
  expected: ExpectedUnit[],
  declaredMissing: string[],
  area?: ProvinceArea,
): Checked {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ key: "map.notJson", params: {} }] };
  }
  const raw = featuresOf(doc);
  if (!Array.isArray(raw)) return { ok: false, problems: [raw] };
  const byCode = new Map(expected.map((u) => [u.code, u]));
  const problems: KeyedMessage[] = [];
  const seen = new Set<string>();
  const features: TMapFeature[] = [];
  for (const [i, f] of raw.entries()) {
    const code = typeof f === "object" && f ? codeOf(f) : null;
    const unit = code ? byCode.get(code) : undefined;
    const wrong: KeyedMessage[] = !code
      ? [{ key: "map.noCode", params: { index: i + 1 } }]
      : !unit
        ? [{ key: "map.unknownCode", params: { code } }]
        : seen.has(code)
          ? [{ key: "map.duplicateCode", params: { code } }]
          : geometryProblems(code, f.geometry, area);
    if (code) seen.add(code);
    if (wrong.length || !code || !unit) {
      problems.push(...wrong);
      continue;
    }
    features.push({
      type: "Feature",
      properties: { code, name: unit.name, districtCode: unit.districtCode },
      geometry: f.geometry as MapGeometry,
    });
  }
  const missing = new Set(declaredMissing);
  for (const code of missing) {
    if (!byCode.has(code)) problems.push({ key: "map.unknownCode", params: { code } });
    else if (seen.has(code)) problems.push({ key: "map.listedMissingPresent", params: { code } });
  }
  for (const u of expected) {
    if (!seen.has(u.code) && !missing.has(u.code)) {
      problems.push({ key: "map.unitMissing", params: { code: u.code, name: u.name } });
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, features };
}
