import { z } from "zod";
import { ROLES } from "../domain.ts";
import { keyed } from "../messages/index.ts";
import { ZText } from "./common.ts";
import { ZUserScope } from "./scope.ts";

/** Minimum length of a password (also enforced on ADMIN_PASSWORD at start-up). */
export const PASSWORD_MIN_LENGTH = 10;

export const ZUsername = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, keyed("v.username"));

/** A new password: long enough, bounded so hashing cannot be used to exhaust the server. */
export const ZNewPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, keyed("v.passwordMin", { min: String(PASSWORD_MIN_LENGTH) }))
  .max(200, keyed("v.passwordMax"));

export const ZLoginInput = z.strictObject({
  // Not ZUsername: a malformed name must fail exactly like a wrong one (no enumeration).
  username: ZText.trim().min(1, keyed("v.usernameRequired")).max(100, keyed("v.usernameTooLong")),
  password: z.string().min(1, keyed("v.passwordRequired")).max(200, keyed("v.passwordMax")),
  /** The second factor's current code, or one of the recovery codes (issue 29). */
  code: ZText.trim().max(40, keyed("v.badCode")).optional(),
});
export type TLoginInput = z.infer<typeof ZLoginInput>;

export const ZChangePasswordInput = z.strictObject({
  currentPassword: z.string().min(1, keyed("v.currentPasswordRequired")).max(200, keyed("v.passwordMax")),
  newPassword: ZNewPassword,
});
export type TChangePasswordInput = z.infer<typeof ZChangePasswordInput>;

export const ZRole = z.enum(ROLES, { error: () => keyed("v.role") });

/** Who is logged in, as the client sees it. */
export const ZMe = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: ZRole,
  districtCode: z.string().nullable(),
  /** An editor's commune of today (decision 021); null for everyone else. */
  communeCode: z.string().nullable(),
  /** Province scope (decision 051); null = national. */
  provinceCode: z.string().nullish(),
  provinceName: z.string().nullish(),
  /** The scope by name, for the menu. */
  scope: ZUserScope,
  /** An admin chose the password (new account, reset): the client shows the change-password screen first. */
  mustChangePassword: z.boolean(),
  /** A second factor (TOTP) is enrolled. */
  totpEnabled: z.boolean(),
  /** The role must have a second factor (REQUIRE_TOTP) and none is enrolled: the client shows enrolment first. */
  mustEnrolTotp: z.boolean(),
  /** SESSION_IDLE_MINUTES: the client warns before the session ends for idleness. */
  sessionIdleMinutes: z.number(),
});
export type TMe = z.infer<typeof ZMe>;

/** One of one's own open sessions (auth.sessions). */
export const ZOwnSession = z.object({
  id: z.number().int(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ip: z.string(),
  userAgent: z.string(),
  /** The session of the browser asking. */
  current: z.boolean(),
});
export type TOwnSession = z.infer<typeof ZOwnSession>;

/** auth.totp.begin: the new secret (base32) and the otpauth:// URI the QR code carries. */
export const ZTotpBegin = z.object({ secret: z.string(), uri: z.string() });
export type TTotpBegin = z.infer<typeof ZTotpBegin>;

export const ZTotpConfirmInput = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, keyed("v.totpCode")),
});
export type TTotpConfirmInput = z.infer<typeof ZTotpConfirmInput>;

/** The ten one-time recovery codes, shown once. */
export const ZTotpRecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
