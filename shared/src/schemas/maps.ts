import { z } from "zod";
import { UNIT_LISTS, type UnitList } from "../coverage.ts";
import { keyed } from "../messages/index.ts";
import { ZGsoCode } from "./common.ts";
import { ZDashboardFilter, ZFormerProvinceCode, ZProvinceCode } from "./dashboard.ts";

/**
 * The maps of the dashboard, the conference slide and the report (docs/decisions/026): districts
 * always (boundaries of 2020 shipped with the product), commune-level units once an admin has
 * loaded boundaries for one of the two lists of units.
 */
/** "province": today's 34 provinces, on the national install (decision 050). */
export const MAP_LEVELS = ["district", "commune", "province"] as const;
export type MapLevel = (typeof MAP_LEVELS)[number];
export const ZMapLevel = z.enum(MAP_LEVELS, { error: () => keyed("map.levelInvalid") });

/**
 * The commune-level lists a boundary file may describe, named as the unit catalogue names them:
 * the areas before 01/07/2025 ("three_level", 2020–2025) or today's communes ("two_level"). A map
 * shows the one `unitListOf` (shared/src/coverage.ts) picks for its filter.
 */
export const COMMUNE_LISTS = UNIT_LISTS;
export type CommuneList = UnitList;
export const ZCommuneList = z.enum(COMMUNE_LISTS, {
  error: () => keyed("map.listInvalid"),
});

/** What a map can shade by; "sites" follows the filter's model category and type. */
export const MAP_MEASURES = ["coverage", "sites", "cameras"] as const;
export type MapMeasure = (typeof MAP_MEASURES)[number];
export const ZMapMeasure = z.enum(MAP_MEASURES, { error: () => keyed("map.measureInvalid") });

/**
 * maps.boundaries: a level's units, optionally only one territory's or one district's; on the
 * national install, one province's (its old provinces' districts, the drill-down of decision 050).
 */
export const ZMapBoundariesInput = z.discriminatedUnion("level", [
  z.strictObject({
    level: z.literal("district"),
    provinceCode: ZProvinceCode.optional(),
    formerProvinceCode: ZFormerProvinceCode.optional(),
  }),
  z.strictObject({ level: z.literal("province"), provinceCode: ZProvinceCode.optional() }),
  z.strictObject({
    level: z.literal("commune"),
    list: ZCommuneList,
    provinceCode: ZProvinceCode.optional(),
    formerProvinceCode: ZFormerProvinceCode.optional(),
    districtCode: ZGsoCode.optional(),
  }),
]);
export type TMapBoundariesInput = z.infer<typeof ZMapBoundariesInput>;

/** GeoJSON polygons (RFC 7946), written out so that the contract needs no type package. */
export type MapGeometry =
  | { type: "Polygon"; coordinates: number[][][] }
  | { type: "MultiPolygon"; coordinates: number[][][][] };

/** A unit's outline in WGS84 longitude/latitude (GeoJSON, RFC 7946), simplified for the screen. */
export const ZMapFeature = z.object({
  type: z.literal("Feature"),
  properties: z.object({ code: z.string(), name: z.string(), districtCode: z.string() }),
  geometry: z.custom<MapGeometry>(
    (g) => typeof g === "object" && g !== null && ["Polygon", "MultiPolygon"].includes((g as { type: string }).type),
  ),
});
export type TMapFeature = z.infer<typeof ZMapFeature>;

export const ZMapBoundaries = z.object({
  level: ZMapLevel,
  list: ZCommuneList.nullable(),
  /** Changes when the boundaries change (a new upload): a client may keep the answer until then. */
  version: z.string(),
  /** Shown wherever the map appears (screen, print, report). */
  attribution: z.string(),
  features: z.array(ZMapFeature),
});
export type TMapBoundaries = z.infer<typeof ZMapBoundaries>;

/** maps.measures: the dashboard's filter and the level. Commune level: the list follows the view. */
export const ZMapMeasuresInput = ZDashboardFilter.and(z.strictObject({ level: ZMapLevel }));
export type TMapMeasuresInput = z.infer<typeof ZMapMeasuresInput>;

/**
 * One unit's figures, the dashboard's own: coverage `covered`/`total` (a district: its areas of
 * the view's list that had cameras in the period; a commune-level unit: 1/1 or 0/1), sites under
 * the filter, cameras installed in the period.
 */
export const ZMapUnitFigures = z.object({
  code: z.string(),
  name: z.string(),
  districtCode: z.string(),
  covered: z.number(),
  total: z.number(),
  sites: z.number(),
  cameras: z.number(),
});
export type TMapUnitFigures = z.infer<typeof ZMapUnitFigures>;

export const ZMapMeasures = z.object({
  level: ZMapLevel,
  /** Commune level: the list whose boundaries to draw; null at district level. */
  list: ZCommuneList.nullable(),
  units: z.array(ZMapUnitFigures),
});
export type TMapMeasures = z.infer<typeof ZMapMeasures>;

/** maps.layers: the commune-level boundaries loaded, per list. */
export const ZMapLayer = z.object({
  list: ZCommuneList,
  fileName: z.string(),
  attribution: z.string(),
  /** Units drawn, and the units of the list the file declared missing (codes with names). */
  units: z.number(),
  missing: z.array(z.object({ code: z.string(), name: z.string() })),
  loadedAt: z.string(),
  loadedBy: z.string(),
});
export type TMapLayer = z.infer<typeof ZMapLayer>;
export const ZMapLayers = z.array(ZMapLayer);

export const ZMapRemoveInput = z.strictObject({ list: ZCommuneList });

/** Largest boundary file accepted by the upload (POST /api/maps/communes/:list). */
export const MAP_UPLOAD_MAX_BYTES = 20 * 1024 * 1024;
/** How many problems a refusal names; the rest are counted. */
export const MAP_PROBLEMS_SHOWN = 10;

/**
 * The upload's query string: the file's name, where the boundaries come from (shown as the map's
 * attribution) and the codes of units the file knowingly leaves out, comma-separated.
 */
export const ZMapUploadQuery = z.strictObject({
  fileName: z
    .string({ error: keyed("map.fileNameMissing") })
    .trim()
    .min(1, keyed("map.fileNameMissing"))
    .max(200, keyed("map.fileNameLong")),
  attribution: z
    .string({ error: keyed("map.attributionMissing") })
    .trim()
    .min(3, keyed("map.attributionMissing"))
    .max(300, keyed("map.attributionLong")),
  missing: z
    .string()
    .optional()
    .transform((s) =>
      (s ?? "")
        .split(",")
        .map((c) => c.trim())
        .filter(Boolean),
    ),
  lang: z.string().optional(),
});

/** The upload's answer: the layer stored, or a refusal naming the first problems and counting the rest. */
export const ZMapUploadResult = z.union([
  z.object({ ok: z.literal(true), layer: ZMapLayer }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.string(), message: z.string(), problems: z.array(z.string()), more: z.number() }),
  }),
]);
export type TMapUploadResult = z.infer<typeof ZMapUploadResult>;
