import type { Locale } from "@qt/shared/format";
import { type NationalProvince, provinceChoiceName } from "@qt/shared/province";
import type { MapLevel } from "@qt/shared/schemas/maps";
import { formerUnitName } from "@qt/shared/unit-names";

/**
 * A unit as the tooltip and the table name it: districts were abolished on 01/07/2025, "(cũ)"; a
 * province of today by its name in the reader's language ("Hà Nội" / "Hanoi").
 */
export function unitName(
  u: { code: string; name: string },
  level: MapLevel,
  locale: Locale,
  provinces: readonly NationalProvince[] = [],
) {
  if (level === "province")
    return provinceChoiceName(provinces.find((p) => p.code === u.code) ?? { name: u.name, nameEn: u.name }, locale);
  return level === "district" ? formerUnitName(u.name, locale) : u.name;
}

/** A unit's label on the map: the place only ("Gio Linh", "Hà Nội"). */
export function mapUnitLabel(
  u: { code: string; name: string },
  level: MapLevel,
  locale: Locale,
  provinces: readonly NationalProvince[] = [],
) {
  return level === "province" ? unitName(u, level, locale, provinces) : shortUnitName(u.name);
}

// The kind of unit is the same for almost every label on one map: the map labels the place only.
const KIND = /^(Huyện|Thị xã|Thành phố|Xã|Phường|Thị trấn|Đặc khu)\s+/u;

/** "Huyện Gio Linh" → "Gio Linh"; "Phường 1" keeps its kind (a bare "1" names nothing). */
export function shortUnitName(name: string) {
  const short = name.replace(KIND, "");
  return /^\d+$/.test(short) ? name : short;
}
