import type { FundingSource } from "@qt/shared/domain";
import type { Db } from "../../../server/db.ts";

/**
 * The figures a map, report, slide or export must show, counted here from plain SQL reads of the
 * tables (units, sites, installations) and counted in the test, never by asking the dashboard's
 * procedures: a bug in those must fail the tests that compare with this, not pass them too.
 *
 * Rules written out (decisions 009, 022, 027): a record counts in the years [from, to] by its date;
 * an old-list area ("three_level", a commune or a district without communes) counts when its
 * validity overlaps the years, covered when it had an installation of its own; one of today's
 * communes ("two_level") always counts, covered when it or an old area whose successor it is had one.
 */
export type Scope = { from?: number; to?: number; province?: "45" | "44"; districts?: string[]; modelType?: string };

type Unit = {
  id: number;
  code: string;
  name: string;
  level: string;
  catalog: string;
  parent_id: number | null;
  former_district_id: number | null;
  successor_id: number | null;
  valid_from: Date | null;
  valid_to: Date | null;
  has_children: boolean;
};
type SiteRow = { area_id: number; type_code: string; type_name: string; year: number };
type InstallationRow = {
  area_id: number;
  year: number;
  cameras: number;
  recorders: number;
  memory_cards: number;
  cost: bigint;
  source: FundingSource;
};

export type DistrictFigures = {
  code: string;
  name: string;
  sites: number;
  areas: number;
  coveredAreas: number;
  currentAreas: number;
  currentCoveredAreas: number;
  cameras: number;
  costVnd: number;
};

export type AreaFigures = { code: string; name: string; covered: boolean; sites: number; cameras: number };

export async function expectedFigures(db: Db, scope: Scope) {
  const units = await db.$queryRaw<Unit[]>`
    SELECT u.id, u.code, u.name, u.level::text AS level, u.catalog::text AS catalog, u.parent_id,
      u.former_district_id, u.successor_id, u.valid_from, u.valid_to,
      EXISTS (SELECT 1 FROM admin_unit c WHERE c.parent_id = u.id) AS has_children
    FROM admin_unit u`;
  const sites = await db.$queryRaw<SiteRow[]>`
    SELECT s.area_id, mt.code AS type_code, mt.name AS type_name, EXTRACT(YEAR FROM s.established_on)::int AS year
    FROM site s JOIN model_type mt ON mt.id = s.model_type_id WHERE s.deleted_at IS NULL`;
  const installations = await db.$queryRaw<InstallationRow[]>`
    SELECT ci.area_id, EXTRACT(YEAR FROM ci.installed_on)::int AS year, ci.cameras, ci.recorders, ci.memory_cards,
      ci.cost_vnd AS cost, ci.funding_source::text AS source
    FROM camera_installation ci WHERE ci.deleted_at IS NULL`;

  const byId = new Map(units.map((u) => [u.id, u]));
  const inYears = (year: number) => (scope.from ?? 0) <= year && year <= (scope.to ?? 9999);
  const districtOf = (u: Unit) =>
    byId.get(u.former_district_id ?? (u.level === "district" ? u.id : (u.parent_id ?? 0)));
  const isArea = (u: Unit) => u.level === "commune" || (u.level === "district" && !u.has_children);
  const existed = (u: Unit) =>
    (!u.valid_from || u.valid_from.getUTCFullYear() <= (scope.to ?? 9999)) &&
    (!u.valid_to || u.valid_to.getUTCFullYear() >= (scope.from ?? 0));
  const provinceOf = (d: Unit | undefined) => (d?.parent_id ? byId.get(d.parent_id)?.code : undefined);
  const districts = units
    .filter((u) => u.level === "district" && u.catalog === "three_level")
    .filter((d) => !scope.province || provinceOf(d) === scope.province)
    .filter((d) => !scope.districts?.length || scope.districts.includes(d.code))
    .sort((a, b) => a.code.localeCompare(b.code));
  const inScope = (areaId: number) => {
    const u = byId.get(areaId);
    const d = u && districtOf(u);
    return !!d && districts.includes(d);
  };
  const ownSites = sites.filter(
    (s) => inYears(s.year) && inScope(s.area_id) && (!scope.modelType || s.type_code === scope.modelType),
  );
  const ownInstallations = installations.filter((i) => inYears(i.year) && inScope(i.area_id));
  const installed = new Set(ownInstallations.map((i) => i.area_id));
  // Today's commune of an area: itself, or the commune that took it over.
  const todayOf = (areaId: number) => {
    const u = byId.get(areaId);
    return u?.catalog === "two_level" ? u.id : u?.successor_id;
  };
  const installedToday = new Set(ownInstallations.map((i) => todayOf(i.area_id)));
  const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((s, r) => s + f(r), 0);

  const areasOf = (d: Unit, catalog: "three_level" | "two_level") =>
    units
      .filter((u) => u.catalog === catalog && isArea(u) && districtOf(u) === d)
      .filter((u) => catalog === "two_level" || existed(u))
      .sort((a, b) => a.code.localeCompare(b.code));

  const byDistrict: DistrictFigures[] = districts.map((d) => {
    const own = (areaId: number) => {
      const u = byId.get(areaId);
      return !!u && isArea(u) && districtOf(u) === d;
    };
    const old = areasOf(d, "three_level");
    const today = areasOf(d, "two_level");
    const cams = ownInstallations.filter((i) => own(i.area_id));
    return {
      code: d.code,
      name: d.name,
      sites: ownSites.filter((s) => own(s.area_id)).length,
      areas: old.length,
      coveredAreas: old.filter((a) => installed.has(a.id)).length,
      currentAreas: today.length,
      currentCoveredAreas: today.filter((a) => installedToday.has(a.id)).length,
      cameras: sum(cams, (i) => i.cameras),
      costVnd: sum(cams, (i) => Number(i.cost)),
    };
  });

  const types = [...new Set(ownSites.map((s) => s.type_code))].map((code) => {
    const of = ownSites.filter((s) => s.type_code === code);
    return {
      code,
      name: of[0]?.type_name ?? "",
      sites: of.length,
      districts: new Set(of.map((s) => districtOf(byId.get(s.area_id) as Unit)?.code)).size,
      communes: new Set(of.map((s) => s.area_id)).size,
    };
  });
  types.sort((a, b) => b.sites - a.sites || a.name.localeCompare(b.name, "vi"));

  const sources = [...new Set(ownInstallations.map((i) => i.source))].map((source) => {
    const of = ownInstallations.filter((i) => i.source === source);
    return {
      source,
      installations: of.length,
      cameras: sum(of, (i) => i.cameras),
      costVnd: sum(of, (i) => Number(i.cost)),
    };
  });

  /** The commune-level units of a district as a table lists them: its old areas, or today's communes. */
  const areaRows = (districtCode: string, view: "historical" | "current"): AreaFigures[] => {
    const d = districts.find((x) => x.code === districtCode);
    if (!d) throw new Error(`district ${districtCode} not in scope`);
    const rollUp = view === "current" ? todayOf : (id: number) => id;
    return areasOf(d, view === "current" ? "two_level" : "three_level").map((a) => ({
      code: a.code,
      name: a.name,
      covered: (view === "current" ? installedToday : installed).has(a.id),
      sites: ownSites.filter((s) => rollUp(s.area_id) === a.id).length,
      cameras: sum(
        ownInstallations.filter((i) => rollUp(i.area_id) === a.id),
        (i) => i.cameras,
      ),
    }));
  };

  return {
    siteCount: ownSites.length,
    modelTypeCount: types.length,
    areasWithModels: new Set(ownSites.filter((s) => isArea(byId.get(s.area_id) as Unit)).map((s) => s.area_id)).size,
    coverage: {
      covered: sum(byDistrict, (d) => d.coveredAreas),
      total: sum(byDistrict, (d) => d.areas),
      current: {
        covered: sum(byDistrict, (d) => d.currentCoveredAreas),
        total: sum(byDistrict, (d) => d.currentAreas),
      },
    },
    cameras: {
      cameras: sum(ownInstallations, (i) => i.cameras),
      recorders: sum(ownInstallations, (i) => i.recorders),
      memoryCards: sum(ownInstallations, (i) => i.memory_cards),
      costVnd: sum(ownInstallations, (i) => Number(i.cost)),
      installations: ownInstallations.length,
    },
    byDistrict,
    byModelType: types,
    funding: sources,
    areaRows,
  };
}
