import { readFileSync } from "node:fs";
import type { TMapFeature } from "@qt/shared/schemas/maps";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import { simplifyForScreen } from "./simplify.ts";

const SOURCES = ["quang-tri-2020-districts.geojson", "quang-binh-2020-districts.geojson"].map(
  (f) => new URL(`../../../prisma/seed/data/geo/${f}`, import.meta.url),
);

type SourceProps = { code: string; name: string; province_code: string };

/** The districts of both old provinces from the source files, simplified (what scripts/build-map.ts writes). */
export function districtsFromSource(
  _formerProvinceCodes: readonly string[] = [],
): (TMapFeature & { properties: { provinceCode: string } })[] {
  const read = SOURCES.flatMap(
    (url) => JSON.parse(readFileSync(url, "utf8")).features as Feature<Polygon | MultiPolygon, SourceProps>[],
  );
  const simple = simplifyForScreen(
    read.map((f) => ({
      type: "Feature",
      properties: { code: f.properties.code, name: f.properties.name, districtCode: f.properties.code },
      geometry: f.geometry,
    })),
  );
  return simple.map((f, i) => ({
    ...f,
    properties: { ...f.properties, provinceCode: (read[i] as Feature<Polygon, SourceProps>).properties.province_code },
  }));
}
