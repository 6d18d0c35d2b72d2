import { coverageOfList, type UnitList } from "../coverage.ts";
import type { TMapUnitFigures } from "../schemas/maps.ts";

type DistrictRow = {
  code: string;
  name: string;
  sites: number;
  cameras: number;
  areas: number;
  coveredAreas: number;
  currentAreas: number;
  currentCoveredAreas: number;
};

/**
 * A district's figures as a map unit: coverage over the headline's list of commune-level units (the
 * areas before 01/07/2025, or today's communes on its land; docs/decisions/027). The map API and the report's map
 * both ask this, so the screen and the paper shade a district alike.
 */
export const districtMapUnit = (d: DistrictRow, list: UnitList): TMapUnitFigures => ({
  code: d.code,
  name: d.name,
  districtCode: d.code,
  ...coverageOfList(d, list),
  sites: d.sites,
  cameras: d.cameras,
});
