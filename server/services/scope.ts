import type { SessionUser } from "../context.ts";
import { appError } from "../errors.ts";

/**
 * District scope of writes, enforced here in the services whatever the UI shows: a district editor
 * may change only records whose area lies in their district; province editors and admins anywhere.
 */
export function assertCanWriteInDistrict(user: SessionUser, districtId: number): void {
  if (user.role === "viewer") {
    throw appError("FORBIDDEN", "role.viewerReadOnly");
  }
  if (user.role === "editor" && user.districtId !== null && user.districtId !== districtId) {
    throw appError("FORBIDDEN", "scope.ownDistrict");
  }
}
