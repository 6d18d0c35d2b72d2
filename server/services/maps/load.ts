import type { Locale } from "@qt/shared/format";
import { message } from "@qt/shared/messages/index";
import { provincePlace } from "@qt/shared/province";
import { type CommuneList, MAP_PROBLEMS_SHOWN, type TMapUploadResult } from "@qt/shared/schemas/maps";
import type { SessionUser } from "../../context.ts";
import type { Db } from "../../db.ts";
import { DEFAULT_PROVINCE, installedProvince } from "../units/province.ts";
import { installedDistrictFeatures } from "./boundaries.ts";
import { expectedUnits } from "./expected-units.ts";
import { DEFAULT_AREA, type ProvinceArea } from "./geometry.ts";
import { saveLayer } from "./layers.ts";
import { simplifyForScreen } from "./simplify.ts";
import { checkBoundaryFile } from "./upload.ts";

/**
 * The installed province's land for the coordinate check: the default's own box, else the box of
 * its old provinces' district outlines with half a degree of margin (islands lie off the coast).
 */
const VIET_NAM = { west: 102, east: 117.5, south: 6, north: 23.5 };

async function provinceArea(db: Db): Promise<ProvinceArea> {
  const province = await installedProvince(db);
  if (province.code === DEFAULT_PROVINCE) return DEFAULT_AREA;
  const names = provincePlace(province);
  const points = (await installedDistrictFeatures(db)).flatMap((f) =>
    (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates).flat(2),
  );
  const xs = points.map((p) => p[0] as number);
  const ys = points.map((p) => p[1] as number);
  // No outline (none drawn for these provinces): Viet Nam's land and seas.
  if (points.length === 0) return { ...VIET_NAM, ...names };
  const m = 0.5;
  return {
    west: Math.min(...xs) - m,
    east: Math.max(...xs) + m,
    south: Math.min(...ys) - m,
    north: Math.max(...ys) + m,
    ...names,
  };
}

/**
 * An admin's commune-level boundary file for one list: checked whole, then simplified and stored
 * (replacing the list's earlier file), or refused with its first problems named and the rest
 * counted, in the caller's language; nothing is stored on refusal.
 */
export async function loadCommuneBoundaries(
  db: Db,
  user: SessionUser,
  input: { list: CommuneList; text: string; fileName: string; attribution: string; missing: string[] },
  locale: Locale,
): Promise<TMapUploadResult> {
  const expected = await expectedUnits(db, input.list);
  const checked = checkBoundaryFile(input.text, expected, input.missing, await provinceArea(db));
  if (!checked.ok) {
    const { problems } = checked;
    return {
      ok: false,
      error: {
        code: "BAD_REQUEST",
        message: message("map.refused", { count: problems.length }, locale),
        problems: problems.slice(0, MAP_PROBLEMS_SHOWN).map((p) => message(p.key, p.params, locale)),
        more: Math.max(0, problems.length - MAP_PROBLEMS_SHOWN),
      },
    };
  }
  const layer = await saveLayer(db, user, {
    list: input.list,
    fileName: input.fileName,
    attribution: input.attribution,
    missing: [...new Set(input.missing)],
    features: simplifyForScreen(checked.features),
  });
  return { ok: true, layer };
}
