import type { Role } from "@qt/shared/domain";
import type { TMe } from "@qt/shared/schemas/auth";
import type { TUserScope } from "@qt/shared/schemas/scope";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { ProvinceReach } from "./province-scope.ts";
import { sessionPolicy } from "./session-policy.ts";
import { scopeOf, scopeSelect } from "./user-scope.ts";

/**
 * Who an account is and what it may do, read the same way by the login, every request's session
 * and the accounts screen, and shaped for the API by one function (issue 24: it was built three times).
 */
export const accountSelect = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  mustChangePassword: true,
  totpEnabledAt: true,
  ...scopeSelect,
} as const satisfies Prisma.UserSelect;
export type AccountRow = Prisma.UserGetPayload<{ select: typeof accountSelect }>;

/** The user a session resolves to (server/context.ts hands it to every procedure). */
export type SessionUser = {
  /** The session the request came with (auth.sessions marks it "this browser"). */
  sessionId?: number;
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** District scope of an editor (GSO code of a former district); null = none. */
  districtCode: string | null;
  districtId: number | null;
  /** Commune scope of an editor (a commune of today, decision 021); null = none. */
  communeCode: string | null;
  communeId: number | null;
  /** The scope by name, for the menu and the refusals' messages. */
  scope: TUserScope;
  /** Province scope (a province of today, decision 051); null = national. */
  provinceCode: string | null;
  provinceName: string | null;
  provinceId: number | null;
  /** The units the province scope reaches (province-scope.ts); null = every unit of the install. */
  reach: ProvinceReach | null;
  /** Someone else chose the password: only auth.me/logout/changePassword answer until it changes. */
  mustChangePassword: boolean;
  /** A second factor is enrolled (auth.totp.confirm). */
  totpEnabled: boolean;
  /** REQUIRE_TOTP names the role and none is enrolled: only enrolment answers until it is. */
  mustEnrolTotp: boolean;
};
/** Roles that must enrol a second factor before any work (REQUIRE_TOTP, set at start-up). */
export const totpPolicy: { required: readonly Role[] } = { required: [] };

export function configureTotp(env: { REQUIRE_TOTP: readonly Role[] }) {
  totpPolicy.required = env.REQUIRE_TOTP;
}

/** The account as the procedures see it (server/context.ts), for a session or a fresh login. */
export function sessionUserOf(a: AccountRow, sessionId?: number, reach: ProvinceReach | null = null): SessionUser {
  const totpEnabled = a.totpEnabledAt !== null;
  return {
    sessionId,
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    role: a.role,
    mustChangePassword: a.mustChangePassword,
    totpEnabled,
    mustEnrolTotp: !totpEnabled && totpPolicy.required.includes(a.role),
    districtId: a.districtId,
    districtCode: a.district?.code ?? null,
    communeId: a.communeId,
    communeCode: a.commune?.code ?? null,
    scope: scopeOf(a),
    provinceId: a.provinceId,
    provinceCode: a.province?.code ?? null,
    provinceName: a.province?.name ?? null,
    reach,
  };
}

/** Who is logged in, as the client sees it (auth.me, auth.login); also the accounts screen's base. */
export function meOf(u: SessionUser): TMe {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    districtCode: u.districtCode,
    communeCode: u.communeCode,
    provinceCode: u.provinceCode,
    provinceName: u.provinceName,
    scope: u.scope,
    mustChangePassword: u.mustChangePassword,
    totpEnabled: u.totpEnabled,
    mustEnrolTotp: u.mustEnrolTotp,
    sessionIdleMinutes: sessionPolicy.idleMs / 60_000,
  };
}
