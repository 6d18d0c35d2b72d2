import { readFileSync } from "node:fs";
import path from "node:path";
import { message } from "@qt/shared/messages/index";
import type { TMapBoundaries, TMapBoundariesInput, TMapFeature } from "@qt/shared/schemas/maps";
import type { Db } from "../../db.ts";
import { appError } from "../../errors.ts";
import { provincesOf } from "../dashboard/provinces.ts";
import { installedProvince, requireFormerProvince, requireProvince } from "../units/province.ts";
import { layerFeatures } from "./layers.ts";
import { districtsFromSource, provinceOutlines } from "./source.ts";

/** The attribution SOURCES.md asks for wherever the district map appears (prisma/seed/data/geo). */
export const DISTRICT_ATTRIBUTION = message("map.attributionDistricts", {}, "vi");

// A path, not a file: URL: under the client tests' jsdom, import.meta.url is not a file: URL.
export const DISTRICTS_ASSET = path.resolve(import.meta.dirname, "../../assets/maps/districts-2020.json");

type DistrictFeature = TMapFeature & { properties: { provinceCode: string } };

let asset: DistrictFeature[] | null = null;
const fromSource = new Map<string, DistrictFeature[]>();
/**
 * The district outlines of these old provinces: Quảng Trị's two from the product's own file,
 * simplified at build time (scripts/build-map.ts), any other from the national source (decision 044).
 */
export function districtFeatures(formerProvinceCodes: readonly string[]): DistrictFeature[] {
  asset ??= JSON.parse(readFileSync(DISTRICTS_ASSET, "utf8")).features as DistrictFeature[];
  const own = asset;
  if (formerProvinceCodes.every((c) => own.some((f) => f.properties.provinceCode === c))) return own;
  const key = [...formerProvinceCodes].sort().join(",");
  let found = fromSource.get(key);
  if (!found) {
    found = districtsFromSource(formerProvinceCodes);
    fromSource.set(key, found);
  }
  return found;
}

/** The district outlines of the installed province's old provinces. */
export async function installedDistrictFeatures(db: Db): Promise<DistrictFeature[]> {
  const installed = await installedProvince(db);
  return districtFeatures(installed.former.map((f) => f.code));
}

const plain = (f: TMapFeature): TMapFeature => ({
  type: "Feature",
  properties: { code: f.properties.code, name: f.properties.name, districtCode: f.properties.districtCode },
  geometry: f.geometry,
});

/**
 * maps.boundaries: districts from the product's own file; commune-level units from the admin's
 * upload; today's provinces merged from their old districts (decisions 045, 050): the 34 on the
 * national install, its own on a province's.
 */
export async function mapBoundaries(db: Db, input: TMapBoundariesInput): Promise<TMapBoundaries> {
  if (input.level === "province") {
    const province = input.provinceCode ? await requireProvince(db, input.provinceCode) : null;
    const wanted = new Set((await provincesOf(db, { province })).map((p) => p.code));
    return {
      level: "province",
      list: null,
      version: "provinces-2025",
      attribution: DISTRICT_ATTRIBUTION,
      features: provinceOutlines()
        .filter((f) => wanted.has(f.properties.code))
        .map((f) => ({
          type: "Feature",
          properties: { code: f.properties.code, name: f.properties.name, districtCode: f.properties.code },
          geometry: f.geometry,
        })),
    };
  }
  // A province of today (national install): its old provinces' districts; an old province within it.
  const today = input.provinceCode ? await requireProvince(db, input.provinceCode) : null;
  const province = input.formerProvinceCode;
  if (province) await requireFormerProvince(db, province, today ?? undefined);
  const all = (await installedDistrictFeatures(db)).filter(
    (f) => !today || today.former.includes(f.properties.provinceCode),
  );
  if (input.level === "district") {
    const features = all.filter((f) => !province || f.properties.provinceCode === province);
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
  const inProvince =
    province || today
      ? new Set(all.filter((f) => !province || f.properties.provinceCode === province).map((f) => f.properties.code))
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
