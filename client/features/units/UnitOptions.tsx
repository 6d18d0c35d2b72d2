import type { Locale } from "@qt/shared/format";
import { formerProvinceName } from "@qt/shared/province";
import type { TUnitTree } from "@qt/shared/schemas/units";
import { currentCommuneName, formerUnitName } from "@qt/shared/unit-names";

type District = TUnitTree[number];

/** Districts in groups of their old province ("Quảng Bình cũ"), in the tree's order. */
export function byProvince(
  districts: District[],
  locale: Locale = "vi",
): { code: string; name: string; districts: District[] }[] {
  const groups: { code: string; name: string; districts: District[] }[] = [];
  for (const d of districts) {
    const code = d.province?.code ?? "";
    const group = groups.find((g) => g.code === code);
    if (group) group.districts.push(d);
    else groups.push({ code, name: d.province ? formerProvinceName(d.province.name, locale) : code, districts: [d] });
  }
  return groups;
}

/**
 * The options of a district select, grouped by old province (the merged province holds two).
 * `former`: the districts no longer exist on the date that matters (today, or the record's date
 * from 01/07/2025), so each is named "Huyện … (cũ)".
 */
export function DistrictOptions(props: {
  districts: District[];
  former: boolean;
  locale: Locale;
  /** The group's label from the old province's name (default: the name). */
  groupLabel?: (province: string) => string;
}) {
  const label = props.groupLabel ?? ((p: string) => p);
  return byProvince(props.districts, props.locale).map((g) => (
    <optgroup key={g.code} label={label(g.name)}>
      {g.districts.map((d) => (
        <option key={d.code} value={d.code}>
          {props.former ? formerUnitName(d.name, props.locale) : d.name}
        </option>
      ))}
    </optgroup>
  ));
}

/** A commune of today named with the former district it lies in: "Xã Gio Linh (huyện Gio Linh cũ)". */
export const communeLabel = (area: { name: string }, district: { name: string }, locale: Locale) =>
  currentCommuneName(area.name, district.name, locale);
