import type { Locale } from "./format.ts";
import type { TUserScope } from "./schemas/scope.ts";
import { currentCommuneName, formerUnitName } from "./unit-names.ts";

/** "Huyện Gio Linh (cũ)", "Xã Gio Linh (huyện Gio Linh cũ)", or null for the whole province. */
export function scopeName(scope: TUserScope, locale: Locale = "vi"): string | null {
  if (scope.kind === "district") return formerUnitName(scope.name, locale);
  if (scope.kind === "commune") return currentCommuneName(scope.name, scope.formerDistrictName, locale);
  return null;
}
