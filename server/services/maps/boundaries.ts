import { readFileSync } from "node:fs";
import path from "node:path";
import { message } from "@qt/shared/messages/index";
import type { TMapBoundaries, TMapBoundariesInput, TMapFeature } from "@qt/shared/schemas/maps";
import type { Db } from "../../db.ts";
import { appError } from "../../errors.ts";
import { layerFeatures } from "./layers.ts";

/** The attribution SOURCES.md asks for wherever the district map appears (prisma/seed/data/geo). */
export const DISTRICT_ATTRIBUTION = message("map.attributionDistricts", {}, "vi");

// A path, not a file: URL: under the client tests' jsdom, import.meta.url is not a file: URL.
export const DISTRICTS_ASSET = path.resolve(import.meta.dirname, "../../assets/maps/districts-2020.json");

type DistrictFeature = TMapFeature & { properties: { provinceCode: string } };

let districts: DistrictFeature[] | null = null;
/** The 18 district outlines, simplified at build time (scripts/build-map.ts), read once. */
export function districtFeatures(): DistrictFeature[] {
  districts ??= JSON.parse(readFileSync(DISTRICTS_ASSET, "utf8")).features as DistrictFeature[];
  return districts;
}

const plain = (f: TMapFeature): TMapFeature => ({
  type: "Feature",
  properties: { code: f.properties.code, name: f.properties.name, districtCode: f.properties.districtCode },
  geometry: f.geometry,
});

/** maps.boundaries: districts from the product's own file; commune-level units from the admin's upload. */
export async function mapBoundaries(db: Db, input: TMapBoundariesInput): Promise<TMapBoundaries> {
  const province = input.formerProvinceCode;
  if (input.level === "district") {
    const features = districtFeatures().filter((f) => !province || f.properties.provinceCode === province);
    return {
      level: "district",
      list: null,
      version: "districts-2020",
      attribution: DISTRICT_ATTRIBUTION,
      features: features.map(plain),
    };
  }
  const layer = await layerFeatures(db, input.list);
  if (!layer) throw appError("not-found", "map.layerNotLoaded");
  const inProvince = province
    ? new Set(
        districtFeatures()
          .filter((f) => f.properties.provinceCode === province)
          .map((f) => f.properties.code),
      )
    : null;
  const features = layer.features.filter(
    (f) =>
      (!inProvince || inProvince.has(f.properties.districtCode)) &&
      (!input.districtCode || f.properties.districtCode === input.districtCode),
  );
  return {
    level: "commune",
    list: input.list,
    version: `${input.list}-${layer.loadedAt.getTime()}`,
    attribution: layer.attribution,
    features,
  };
}
