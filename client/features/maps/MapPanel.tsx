import { listInForce, type UnitList, unitListOf } from "@qt/shared/coverage";
import { formatNumber } from "@qt/shared/format";
import { mapClasses, mapClassLabel, mapColour, mapValueText, measureValue } from "@qt/shared/map/scale";
import { message } from "@qt/shared/messages/index";
import type { TDashboardFilter } from "@qt/shared/schemas/dashboard";
import type { MapLevel, MapMeasure, TMapUnitFigures } from "@qt/shared/schemas/maps";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useProvince } from "../../province.ts";
// The map's words come with its chunk (shared/src/messages/index.ts, addMessages).
import "@qt/shared/messages/maps-loaded";
import { useTRPC } from "../../trpc.ts";
import { ChartBox } from "../charts/ChartBox.tsx";
import { ChartFrame } from "../charts/ChartFrame.tsx";
import { ChoroplethMap, type MapValue } from "./ChoroplethMap.tsx";
import { useDrawTiming } from "./draw-timing.ts";
import { type MapChoice, MapControls, useMapChoice } from "./MapControls.tsx";
import { mapUnitLabel, unitName } from "./names.ts";

export type MapPanelProps = {
  /** The screen's filter (already narrowed to the fields the screen offers). */
  filter: TDashboardFilter;
  /** Opens a district (its dashboard screen); commune-level units open their district. */
  onDistrict?: (code: string) => void;
  /**
   * National install: narrows the screen to a province of today (a click on the provinces' map) or,
   * with undefined, back to the whole country (decision 050's drill-down).
   */
  onProvince?: (code: string | undefined) => void;
  /** The map's first level and measure on this screen (the reader may change both). */
  initial?: Partial<MapChoice>;
  /** Conference slide: larger type, fits the projector's height; no controls but the measure. */
  large?: boolean;
};

/**
 * The dashboard's choropleth map: the boundaries of a level, the dashboard's figures per unit under
 * the screen's filter, a measure and level chooser, the legend, the data table and the attribution.
 * Default export: the panel is loaded on demand (with d3-geo) by LazyMap, never with the first screen.
 */
export default function MapPanel({ filter, onDistrict, onProvince, initial, large }: MapPanelProps) {
  const { t, label, locale } = useI18n();
  const trpc = useTRPC();
  const installed = useProvince();
  // The national install's whole country: the 34 provinces are the map's first level (decision 050).
  const nation =
    Boolean(installed?.national) &&
    !filter.provinceCode &&
    !filter.formerProvinceCode &&
    !filter.districtCode &&
    !filter.communeCode;
  const [asked, setChoice] = useMapChoice({ ...initial, level: initial?.level ?? (nation ? "province" : undefined) });
  // A province chosen: its old districts, however the whole country was shown.
  const chosen = asked.level === "province" && !nation ? { ...asked, level: "district" as const } : asked;
  const options = useQuery({ ...trpc.dashboard.options.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  // "Sites of a model type" without a type chosen yet: the filter's type, else the catalogue's first,
  // so the map never shows all sites under that name.
  const choice =
    chosen.measure === "typeSites" && !chosen.modelTypeCode
      ? { ...chosen, modelTypeCode: filter.modelTypeCode ?? options.data?.modelTypes[0]?.code }
      : chosen;
  const level: MapLevel = choice.level;
  // "Sites of a model type" is the sites measure with the type chosen beside it.
  const measure: MapMeasure = choice.measure === "typeSites" ? "sites" : choice.measure;
  const measureFilter: TDashboardFilter =
    choice.measure === "typeSites"
      ? { ...filter, modelCategory: undefined, modelTypeCode: choice.modelTypeCode }
      : filter;
  const list = unitListOf(filter);
  // What coverage counts (decision 027): districts over the headline's list, units of the level's list.
  const coverageList: UnitList = level === "commune" ? list : listInForce(filter);
  const listWords = label("unitList", coverageList);
  // Commune boundaries exist only once an admin loaded them for the view's list.
  const layers = useQuery({ ...trpc.maps.layers.queryOptions(), enabled: level === "commune" });
  const noBoundaries = level === "commune" && layers.isSuccess && !layers.data.some((l) => l.list === list);
  const territory = {
    ...(filter.provinceCode ? { provinceCode: filter.provinceCode } : {}),
    ...(filter.formerProvinceCode ? { formerProvinceCode: filter.formerProvinceCode } : {}),
  };
  const boundaries = useQuery({
    ...trpc.maps.boundaries.queryOptions(
      level === "province"
        ? { level }
        : level === "district"
          ? { level, ...territory }
          : { level, list, ...territory, ...(filter.districtCode ? { districtCode: filter.districtCode } : {}) },
    ),
    // Boundaries change only when an admin loads new ones (which invalidates maps.*).
    staleTime: Number.POSITIVE_INFINITY,
    enabled: level !== "commune" || (layers.isSuccess && !noBoundaries),
  });
  // The district level shows every district of the territory, the filtered one outlined: where it
  // stands among the others.
  const figures = useQuery(
    trpc.maps.measures.queryOptions({
      ...dropUndefined({
        ...measureFilter,
        districtCode: level === "district" ? undefined : measureFilter.districtCode,
      }),
      level,
    }),
  );
  const units = figures.data?.units ?? [];
  const classes = useMemo(
    () =>
      mapClasses(
        measure,
        units.map((u) => measureValue(u, measure)),
      ),
    [measure, units],
  );
  const values: MapValue[] = useMemo(
    () =>
      units.map((u) => {
        const colour = mapColour(classes, measureValue(u, measure));
        const index = classes.findIndex((c) => c.colour === colour);
        return {
          code: u.code,
          name: unitName(u, level, locale, installed?.provinces),
          label: mapUnitLabel(u, level, locale, installed?.provinces),
          classIndex: index < 0 ? null : index,
          exact: exactText(u, measure, level, t, locale, listWords),
        };
      }),
    [units, classes, measure, level, locale, t, listWords, installed],
  );
  const timing = useDrawTiming(boundaries.dataUpdatedAt, figures.dataUpdatedAt);
  const measureName = t(`map.measure.${choice.measure}`);
  const title = t("map.title", { measure: measureName });
  const features = boundaries.data?.features ?? [];
  // The product's own district outlines are credited in the reader's language; an uploaded
  // commune layer's source is the admin's own words.
  const attribution =
    boundaries.data?.level !== "commune"
      ? message("map.attributionDistricts", {}, locale)
      : boundaries.data?.attribution;
  const drill = (code: string) => {
    if (level === "province") return onProvince?.(code);
    if (!onDistrict) return;
    const unit = units.find((u) => u.code === code);
    onDistrict(level === "district" ? code : (unit?.districtCode ?? code));
  };
  return (
    <ChartFrame
      large={large}
      title={title}
      unit={t(`map.unit.${choice.measure}`, { list: listWords })}
      loading={(noBoundaries ? layers.isPending : boundaries.isPending) || figures.isPending}
      error={layers.error?.message ?? boundaries.error?.message ?? figures.error?.message}
      onRetry={() => {
        void boundaries.refetch();
        void figures.refetch();
      }}
      empty={units.length === 0}
      tableOnly={noBoundaries}
      toolbar={
        <>
          {/* A slide shows the map the presenter chose beforehand: no form controls on a projector. */}
          {!large && <MapControls choice={choice} onChange={setChoice} nation={nation} />}
          {!large && onProvince && installed?.national && filter.provinceCode && (
            <button type="button" className="map-back" onClick={() => onProvince(undefined)}>
              {t("map.backToNation")}
            </button>
          )}
          {noBoundaries && (
            <p className="map-note" role="note">
              {t("map.noCommuneBoundaries")}
            </p>
          )}
        </>
      }
      footer={attribution && !noBoundaries ? <p className="map-attribution">{attribution}</p> : undefined}
      table={{
        columns: [
          t(
            level === "province"
              ? "dashboard.byProvince.province"
              : level === "district"
                ? "dashboard.chart.districts.column"
                : "dashboard.district.area",
          ),
          measureName,
        ],
        rows: units.map((u, i) => ({
          key: u.code,
          cells: [values[i]?.name ?? u.name, figureText(u, measure, level, t, locale)],
        })),
      }}
    >
      <ChartBox large={large}>
        {(size) => (
          <ChoroplethMap
            title={title}
            features={features}
            values={values}
            classes={classes.map((c) => ({ color: c.colour, label: mapClassLabel(measure, c, locale) }))}
            noDataLabel={t("map.noData")}
            size={size}
            large={large}
            onSelect={(level === "province" ? onProvince : onDistrict) ? drill : undefined}
            onDrawn={timing}
            chosen={level === "district" ? filter.districtCode : undefined}
            labelSide={level === "province" ? PROVINCE_LABEL_SIDE : undefined}
          />
        )}
      </ChartBox>
      {(level === "province" ? onProvince : onDistrict) && !large && (
        <p className="muted map-hint no-print">{t(level === "province" ? "map.hintProvince" : "map.hint")}</p>
      )}
    </ChartFrame>
  );
}

/** The provinces' map names every province big enough for its name (most of the 34 at 1024 px). */
const PROVINCE_LABEL_SIDE = 2.2;

type T = ReturnType<typeof useI18n>["t"];
type L = ReturnType<typeof useI18n>["locale"];

/** A unit's figure as the table shows it: a commune-level unit is covered or not, not "1/1". */
function figureText(u: TMapUnitFigures, measure: MapMeasure, level: MapLevel, t: T, locale: L) {
  if (measure === "coverage" && level === "commune") return t(u.covered > 0 ? "map.covered" : "map.uncovered");
  return mapValueText(u, measure, locale);
}

/** The tooltip's and the screen reader's sentence: the figure and what it counts. */
function exactText(u: TMapUnitFigures, measure: MapMeasure, level: MapLevel, t: T, locale: L, list: string) {
  if (measure === "coverage") {
    if (level === "commune") return figureText(u, measure, level, t, locale);
    return u.total === 0 ? t("map.noData") : t("map.exact.coverage", { text: mapValueText(u, measure, locale), list });
  }
  const count = formatNumber(measure === "sites" ? u.sites : u.cameras, locale);
  return t(measure === "sites" ? "map.exact.sites" : "map.exact.cameras", { count });
}

const dropUndefined = (f: TDashboardFilter) =>
  Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as TDashboardFilter;
