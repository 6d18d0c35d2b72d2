import type { Role } from "@qt/shared/domain";
import type { MessageKey } from "@qt/shared/messages/index";
import type { SessionUser } from "./context.ts";
import { type AppError, appError } from "./errors.ts";

/**
 * Who may do what, the one rule for procedures (the builders of server/trpc.ts), plain HTTP
 * routes (the route builders of server/http/guard.ts) and the services' own role checks: the
 * roles each access lets in. "viewer" is anyone logged in; "editor" editors and admins (approvers read everything but write no record: who
 * checks the figures does not change them); "approver" approvers and admins; "admin" admins;
 * "province" admins and editors without a district or commune scope. District and commune scope
 * of a record is checked in the services.
 */
export const ACCESS_ROLES = {
  viewer: ["viewer", "approver", "editor", "admin"],
  editor: ["editor", "admin"],
  approver: ["approver", "admin"],
  admin: ["admin"],
  province: ["editor", "admin"],
} as const satisfies Record<string, readonly Role[]>;
export type Access = keyof typeof ACCESS_ROLES;

/** Whether `access` lets `role` in (scope aside). */
export const mayAccess = (role: Role, access: Access): boolean =>
  (ACCESS_ROLES[access] as readonly Role[]).includes(role);

/** What a role an access does not let in is told. */
function refusalKey(access: Access, role: Role): MessageKey {
  if (access === "approver") return "role.approverOnly";
  if (access === "admin") return "role.adminOnly";
  return role === "approver" ? "role.approverReadOnly" : role === "viewer" ? "role.viewerReadOnly" : "role.adminOnly";
}

/** The role part of the rule (a service's own check, whoever calls it): a refusal, or null. */
export function roleRefusal(role: Role, access: Access): AppError | null {
  return mayAccess(role, access) ? null : appError("forbidden", refusalKey(access, role));
}

/** Why `user` may not do what `access` allows (an AppError), or null when they may. */
export function refusalOf(user: SessionUser | null, access: Access): AppError | null {
  if (!user) return appError("unauthenticated", "auth.loginRequired");
  // A password someone else chose (a new or reset account) is changed first (decision 031).
  if (user.mustChangePassword) return appError("forbidden", "auth.mustChangePassword");
  // A role REQUIRE_TOTP names enrols its second factor next (auth.totp.begin/confirm, issue 29).
  if (user.mustEnrolTotp) return appError("forbidden", "auth.mustEnrolTotp");
  const refused = roleRefusal(user.role, access);
  if (refused) return refused;
  if (access === "province" && user.role === "editor" && (user.districtId !== null || user.communeId !== null)) {
    return appError("forbidden", "draft.provinceOnly");
  }
  return null;
}
