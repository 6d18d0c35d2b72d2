import { unitListOf } from "@qt/shared/coverage";
import { districtMapUnit } from "@qt/shared/map/units";
import type { TDemoFigure } from "@qt/shared/schemas/demo";
import type { TMapMeasures, TMapMeasuresInput, TMapUnitFigures } from "@qt/shared/schemas/maps";
import type { Db } from "../../db.ts";
import { dashboardFigures } from "../dashboard/cache.ts";

/**
 * maps.measures: the dashboard's own figures per unit (summary.byDistrict, or the areas of
 * areasOf), never a query of its own, so the map and the dashboard's tables agree to the unit.
 * A district's coverage is over the headline's list (the one in force on the period's last day,
 * decision 027); commune-level units are those of `unitListOf`, today's communes with the figures
 * of every area they took over.
 */
export async function mapMeasures(db: Db, input: TMapMeasuresInput): Promise<TMapMeasures & { demo: TDemoFigure }> {
  const { level, ...filter } = input;
  if (level === "province") {
    // Today's provinces (decision 050): summary.byProvince, shaded over the headline's list as a district.
    const summary = await dashboardFigures.summary(db, filter);
    const units = (summary.byProvince ?? []).map((p) =>
      districtMapUnit(
        { ...p, currentAreas: p.communes, currentCoveredAreas: p.coveredCommunes },
        summary.cameraCoverage.headline.list,
      ),
    );
    return { level, list: null, units, demo: summary.demo };
  }
  if (level === "district") {
    const summary = await dashboardFigures.summary(db, filter);
    const units = summary.byDistrict.map((d) => districtMapUnit(d, summary.cameraCoverage.headline.list));
    return { level, list: null, units, demo: summary.demo };
  }
  const list = unitListOf(filter);
  // Today's communes are drawn with their rolled-up figures, as the headline counts them.
  const { districts, demo } = await dashboardFigures.communeAreas(db, {
    ...filter,
    view: list === "two_level" ? "current" : "historical",
  });
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
