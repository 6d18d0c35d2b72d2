import type { TMe } from "@qt/shared/schemas/auth";

/**
 * Whether the user may change a record of this district (null: a province-level record, e.g. a
 * province award). The same rule as the server's services/scope.ts, so a district editor is not
 * offered "Sửa"/"Xóa" on records the server would refuse after they filled the form.
 */
export function canWriteIn(me: Pick<TMe, "role" | "districtCode"> | null, districtCode: string | null): boolean {
  if (me === null || me.role === "viewer") return false;
  if (me.role === "admin" || me.districtCode === null) return true;
  return districtCode === me.districtCode;
}
