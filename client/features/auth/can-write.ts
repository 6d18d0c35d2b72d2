import type { TMe } from "@qt/shared/schemas/auth";

/** Where a record lies: its (former) district and the commune of today its area lies in. */
type Place = { districtCode: string | null; currentCommuneCode: string | null };

/**
 * Whether the user may change a record lying there (districtCode null: a province-level record,
 * e.g. a province award). The same rule as the server's services/accounts/write-scope.ts, so an editor is not
 * offered "Sửa"/"Xóa" on records the server would refuse after they filled the form: a district
 * editor their former district's records, a commune editor those of their commune of today and of
 * the old areas it took over.
 */
export function canWriteIn(me: Pick<TMe, "role" | "scope"> | null, place: Place): boolean {
  // Approvers check the figures; they do not change them (decision 025).
  if (me === null || (me.role !== "editor" && me.role !== "admin")) return false;
  if (me.role === "admin" || me.scope.kind === "province") return true;
  if (place.districtCode === null) return false;
  if (me.scope.kind === "district") return place.districtCode === me.scope.code;
  return place.currentCommuneCode === me.scope.code;
}

/** The former district a new record's area picker starts on: the editor's, or their commune's. */
export function defaultDistrictOf(me: Pick<TMe, "scope">): string | undefined {
  if (me.scope.kind === "district") return me.scope.code;
  if (me.scope.kind === "commune") return me.scope.formerDistrictCode;
  return undefined;
}
