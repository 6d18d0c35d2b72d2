/**
 * How units are named after the reform of 01/07/2025, in one place for screens and documents:
 * districts were abolished that day, so a district is always "former"; a commune of today is
 * named with the former district whose land it lies on (docs/decisions/018).
 */
import type { Locale } from "./format.ts";

/** "Huyện Gio Linh" → "Huyện Gio Linh (cũ)" / "Huyện Gio Linh (former)". */
export function formerUnitName(name: string, locale: Locale = "vi"): string {
  return `${name} ${locale === "vi" ? "(cũ)" : "(former)"}`;
}

/** "Xã Gio Linh" in "Huyện Gio Linh" → "Xã Gio Linh (huyện Gio Linh cũ)" / "(former Huyện Gio Linh)". */
export function currentCommuneName(name: string, formerDistrictName: string, locale: Locale = "vi"): string {
  if (locale === "en") return `${name} (former ${formerDistrictName})`;
  const district = formerDistrictName.charAt(0).toLowerCase() + formerDistrictName.slice(1);
  return `${name} (${district} cũ)`;
}

/** A name the server wrote with formerUnitName in Vietnamese ("Huyện Gio Linh (cũ)"), in the reader's language. */
export function unitNameIn(name: string, locale: Locale): string {
  const former = " (cũ)";
  return locale === "en" && name.endsWith(former) ? formerUnitName(name.slice(0, -former.length), "en") : name;
}
