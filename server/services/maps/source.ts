import { readFileSync } from "node:fs";
import path from "node:path";
import type { TMapFeature } from "@qt/shared/schemas/maps";
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { simplifyForScreen } from "./simplify.ts";

/** Quảng Trị's two old provinces keep their own, richer files (prisma/seed/data/geo). */
const RICH = ["45", "44"];
const SOURCES = ["quang-tri-2020-districts.geojson", "quang-binh-2020-districts.geojson"].map((f) =>
  path.resolve(import.meta.dirname, "../../../prisma/seed/data/geo", f),
);
/** Built by scripts/build-national-maps.ts from geoBoundaries' national layers (decision 045). */
export const NATIONAL_DISTRICTS_ASSET = path.resolve(import.meta.dirname, "../../assets/maps/vn-districts-2020.json");
export const PROVINCES_ASSET = path.resolve(import.meta.dirname, "../../assets/maps/vn-provinces-2025.json");

type SourceProps = { code: string; name: string; province_code: string };
export type DistrictFeature = TMapFeature & { properties: { provinceCode: string } };
type Area = Polygon | MultiPolygon;
export type ProvinceFeature = Feature<Area, { code: string; name: string; formerProvinceCodes: string[] }>;

let rich: DistrictFeature[] | null = null;
/** The districts of both old provinces from the source files, simplified (what scripts/build-map.ts writes). */
function richDistricts(): DistrictFeature[] {
  if (rich) return rich;
  const read = SOURCES.flatMap(
    (file) => JSON.parse(readFileSync(file, "utf8")).features as Feature<Area, SourceProps>[],
  );
  const simple = simplifyForScreen(
    read.map((f) => ({
      type: "Feature",
      properties: { code: f.properties.code, name: f.properties.name, districtCode: f.properties.code },
      geometry: f.geometry,
    })),
  );
  rich = simple.map((f, i) => ({
    ...f,
    properties: { ...f.properties, provinceCode: (read[i] as Feature<Area, SourceProps>).properties.province_code },
  }));
  return rich;
}

const topologies = new Map<string, Topology>();
const topologyOf = (file: string) => {
  const topo = topologies.get(file) ?? (JSON.parse(readFileSync(file, "utf8")) as Topology);
  topologies.set(file, topo);
  return topo;
};
// The files keep the source's grid (about 1e-4°); rounding to 1e-5° drops the float noise of decoding it
// (the build checks the outlines so rounded, as the product reads them).
const round = (p: Position): Position => p.map((v) => Math.round(v * 1e5) / 1e5);
export const rounded = (g: Area): Area =>
  g.type === "Polygon"
    ? { type: "Polygon", coordinates: g.coordinates.map((r) => r.map(round)) }
    : { type: "MultiPolygon", coordinates: g.coordinates.map((p) => p.map((r) => r.map(round))) };
function featuresOf<P>(file: string, key: string): Feature<Area, P>[] {
  const topo = topologyOf(file);
  const object = topo.objects[key] as GeometryCollection | undefined;
  if (!object) throw new Error(`${path.basename(file)} has no ${key}`);
  const fc = feature(topo, object) as FeatureCollection<Area, P>;
  return fc.features.map((f) => ({ type: "Feature", properties: f.properties, geometry: rounded(f.geometry) }));
}

/**
 * The district outlines (2020) of the given old provinces, simplified for the screen: Quảng Trị's
 * two (45, 44) from their own files, exactly as before, the others from the national file. A code
 * that is not an old province's is an error (the caller passes the installed province's).
 */
export function districtsFromSource(formerProvinceCodes: readonly string[]): DistrictFeature[] {
  const ownFiles = formerProvinceCodes.filter((c) => RICH.includes(c));
  const own = ownFiles.length ? richDistricts().filter((f) => ownFiles.includes(f.properties.provinceCode)) : [];
  return [...own, ...formerProvinceCodes.filter((c) => !RICH.includes(c)).flatMap(nationalDistricts)];
}

const national = new Map<string, DistrictFeature[]>();
/** One old province's districts from the national file, decoded once per process. */
function nationalDistricts(province: string): DistrictFeature[] {
  const known = national.get(province);
  if (known) return known;
  const features = featuresOf<{ code: string; name: string }>(NATIONAL_DISTRICTS_ASSET, province).map((f) => ({
    type: "Feature" as const,
    properties: {
      code: f.properties.code,
      name: f.properties.name,
      districtCode: f.properties.code,
      provinceCode: province,
    },
    geometry: f.geometry,
  }));
  national.set(province, features);
  return features;
}

let provinces: ProvinceFeature[] | null = null;
/** The outlines of the 34 provinces (since 01/07/2025), each merged from its old provinces' districts. */
export function provinceOutlines(): ProvinceFeature[] {
  provinces ??= featuresOf<ProvinceFeature["properties"]>(PROVINCES_ASSET, "provinces");
  return provinces;
}
