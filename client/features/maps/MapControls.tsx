import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { useUrlState } from "../../components/useUrlState.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";

/** What the reader picks on the map: "typeSites" is the sites of one model type. */
export const MAP_CHOICES = ["coverage", "sites", "typeSites", "cameras"] as const;
export type MapChoiceMeasure = (typeof MAP_CHOICES)[number];
/** "province": today's provinces, offered on the national install's whole-country view (decision 050). */
export type MapChoice = {
  measure: MapChoiceMeasure;
  level: "district" | "commune" | "province";
  modelTypeCode?: string;
};
const LEVELS = ["province", "district", "commune"] as const;

// In the URL, so a printed page, a shared link and the conference slide show the same map.
const PARAMS = { measure: "map", level: "maplevel", modelTypeCode: "maptype" } as const;

/** The map's measure, level and model type, from the URL or the screen's defaults. */
export function useMapChoice(initial: Partial<MapChoice> = {}) {
  const { params, update } = useUrlState();
  const raw = params.get(PARAMS.measure);
  const measure = MAP_CHOICES.find((m) => m === raw) ?? initial.measure ?? "coverage";
  const level = LEVELS.find((l) => l === params.get(PARAMS.level)) ?? initial.level ?? "district";
  const modelTypeCode = params.get(PARAMS.modelTypeCode) || initial.modelTypeCode;
  const choice = useMemo<MapChoice>(() => ({ measure, level, modelTypeCode }), [measure, level, modelTypeCode]);
  const set = useCallback(
    (patch: Partial<MapChoice>) =>
      update(Object.fromEntries(Object.entries(patch).map(([k, v]) => [PARAMS[k as keyof MapChoice], v])), {
        replace: true,
        keepPage: true,
      }),
    [update],
  );
  return [choice, set] as const;
}

/** The measure (and model type) select and the level select above the map. */
export function MapControls({
  choice,
  onChange,
  large,
  nation,
}: {
  choice: MapChoice;
  onChange: (patch: Partial<MapChoice>) => void;
  large?: boolean;
  /** The national install's whole country: the provinces are a level too. */
  nation?: boolean;
}) {
  const { t, modelType } = useI18n();
  const trpc = useTRPC();
  const options = useQuery({ ...trpc.dashboard.options.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  return (
    <div className="map-controls no-print">
      <label className="map-control">
        {t("map.measure")}
        <select value={choice.measure} onChange={(e) => onChange({ measure: e.target.value as MapChoiceMeasure })}>
          {MAP_CHOICES.map((m) => (
            <option key={m} value={m}>
              {t(`map.measure.${m}`)}
            </option>
          ))}
        </select>
      </label>
      {choice.measure === "typeSites" && (
        <label className="map-control">
          {t("map.modelType")}
          <select value={choice.modelTypeCode ?? ""} onChange={(e) => onChange({ modelTypeCode: e.target.value })}>
            {options.data?.modelTypes.map((m) => (
              <option key={m.code} value={m.code}>
                {modelType(m)}
              </option>
            ))}
          </select>
        </label>
      )}
      {!large && (
        <label className="map-control">
          {t("map.level")}
          <select
            value={choice.level}
            onChange={(e) => onChange({ level: LEVELS.find((l) => l === e.target.value) ?? "district" })}
          >
            {nation && <option value="province">{t("map.level.province")}</option>}
            <option value="district">{t("map.level.district")}</option>
            <option value="commune">{t("map.level.commune")}</option>
          </select>
        </label>
      )}
    </div>
  );
}
