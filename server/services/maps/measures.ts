import { districtMapUnit } from "@qt/shared/map/units";
import type { TDemoFigure } from "@qt/shared/schemas/demo";
import {
  communeListOfView,
  type TMapMeasures,
  type TMapMeasuresInput,
  type TMapUnitFigures,
} from "@qt/shared/schemas/maps";
import type { Db } from "../../db.ts";
import { dashboardFigures } from "../dashboard/cache.ts";

/**
 * maps.measures: the dashboard's own figures per unit (summary.byDistrict, or the areas of
 * areasOf), never a query of its own, so the map and the dashboard's tables agree to the unit.
 * A district's coverage is that of the view's list: the areas before 01/07/2025 (historical) or
 * today's communes on its land (current).
 */
export async function mapMeasures(db: Db, input: TMapMeasuresInput): Promise<TMapMeasures & { demo: TDemoFigure }> {
  const { level, ...filter } = input;
  if (level === "district") {
    const summary = await dashboardFigures.summary(db, filter);
    const units = summary.byDistrict.map((d) => districtMapUnit(d, filter.view));
    return { level, list: null, units, demo: summary.demo };
  }
  const list = communeListOfView(filter.view);
  const { districts, demo } = await dashboardFigures.communeAreas(db, filter);
  const units: TMapUnitFigures[] = districts.flatMap((d) =>
    d.areas
      .filter((a) => a.current === (list === "two_level"))
      .map((a) => ({
        code: a.code,
        name: a.name,
        districtCode: d.district.code,
        covered: a.covered ? 1 : 0,
        total: 1,
        sites: a.sites,
        cameras: a.cameras,
      })),
  );
  return { level, list, units, demo };
}
