import type { NationalProvince } from "@qt/shared/province";
import type { TDashboardSummary } from "@qt/shared/schemas/dashboard";
import type { Db } from "../../db.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { installedProvince, isNational } from "../units/province.ts";
import type { CameraDistrict } from "./coverage.ts";
import type { Filter } from "./filter.ts";
import { cachedPart, type DataVersions } from "./versions.ts";

type ProvinceRow = NonNullable<TDashboardSummary["byProvince"]>[number];

/**
 * The provinces of today a filter covers (decision 050): on the national install its province, else
 * all 34; on a province's install that province.
 */
export async function provincesOf(db: Db, f: Pick<Filter, "province">): Promise<NationalProvince[]> {
  const installed = await installedProvince(db);
  if (isNational(installed)) return f.province ? [f.province] : (installed.provinces ?? []);
  const { code, name, nameEn, type } = installed;
  return [{ code, name, nameEn, type, former: installed.former.map((p) => p.code) }];
}

/**
 * One row per province of today (decision 050), summed from figures already read per former
 * district from the roll-ups (the summary's camera figures and site groups): a district counts in
 * the province its old province was merged into. No base table is read again.
 */
export async function byProvinceOf(
  db: Db,
  f: Pick<Filter, "province">,
  versions: DataVersions | undefined,
  districts: readonly CameraDistrict[],
  sitesOfDistrict: (id: number) => number,
): Promise<ProvinceRow[]> {
  const provinces = await provincesOf(db, f);
  const ids = districts.map((d) => d.id);
  // The units' tree changes only with admin_unit: kept across writes of records (decision 060).
  const parents = ids.length
    ? await cachedPart(
        db,
        versions,
        "provinces.parents",
        ids,
        ["admin_unit"],
        () => db.$queryRaw<{ id: number; code: string }[]>`
        SELECT d.id, p.code FROM admin_unit d JOIN admin_unit p ON p.id = d.parent_id
        WHERE d.id IN (${Prisma.join(ids)})`,
      )
    : [];
  const oldProvinceOf = new Map(parents.map((r) => [Number(r.id), r.code]));
  return provinces.map((p) => {
    const mine = districts.filter((d) => p.former.includes(oldProvinceOf.get(d.id) ?? ""));
    const sum = (pick: (d: CameraDistrict) => number) => mine.reduce((s, d) => s + pick(d), 0);
    return {
      code: p.code,
      name: p.name,
      nameEn: p.nameEn,
      sites: sum((d) => sitesOfDistrict(d.id)),
      installations: sum((d) => d.installations),
      cameras: sum((d) => d.cameras),
      communes: sum((d) => d.currentAreas),
      coveredCommunes: sum((d) => d.currentCoveredAreas),
      areas: sum((d) => d.areas),
      coveredAreas: sum((d) => d.coveredAreas),
    };
  });
}
