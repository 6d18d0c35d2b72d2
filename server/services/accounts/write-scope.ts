import type { MessageKey } from "@qt/shared/messages/index";
import { mayAccess, roleRefusal } from "../../access.ts";
import type { SessionUser } from "../../context.ts";
import { appError } from "../../errors.ts";
import { withinReach } from "./province-scope.ts";

/** Where a record lies, for the scope check: its (former) district and its commune of today. */
export type RecordPlace = { districtId: number; communeId: number | null };

/**
 * Scope of writes, enforced here in the services whatever the UI shows (decision 021):
 * - a district editor changes records whose area lies in their former district (before or after
 *   01/07/2025, as before commune scopes existed);
 * - a commune editor changes records whose area is their commune of today or an old area their
 *   commune took over (the record's date already picked which list the area is in);
 * - province editors and admins anywhere; viewers nowhere. A record without an area (a
 *   province-level award) belongs to no district and no commune;
 * - and all of them, when scoped to a province of an install of several (decision 051), only
 *   within that province (a record without an area then belongs to none of theirs).
 * The pickers ask the same question (units.tree `writable`).
 */
export function mayWrite(user: SessionUser, place: RecordPlace | null): boolean {
  if (!mayAccess(user.role, "editor")) return false;
  if (!withinReach(user.reach, place)) return false;
  if (user.role === "admin" || user.scope.kind === "province") return true;
  if (place === null) return false;
  if (user.scope.kind === "district") return place.districtId === user.districtId;
  return place.communeId === user.communeId;
}

/** mayWrite, or FORBIDDEN saying why; `provinceLevelRefusal` for a record without an area. */
export function assertCanWrite(user: SessionUser, place: RecordPlace | null, provinceLevelRefusal?: MessageKey): void {
  const refused = roleRefusal(user.role, "editor");
  if (refused) throw refused;
  if (mayWrite(user, place)) return;
  if (place === null && provinceLevelRefusal) throw appError("forbidden", provinceLevelRefusal);
  throw refusal(user);
}

/** The refusal names what the editor may change: their district, or their commune and its old areas. */
function refusal(user: SessionUser) {
  if (user.reach && (user.role === "admin" || user.scope.kind === "province")) {
    return appError("forbidden", "scope.ownProvince", { province: user.reach.name });
  }
  if (user.scope.kind !== "commune") return appError("forbidden", "scope.ownDistrict");
  return appError("forbidden", "scope.ownCommune", { commune: user.scope.name });
}
