import { z } from "zod";
import { keyed } from "../messages/index.ts";
import { ZNewPassword, ZRole, ZUsername } from "./auth.ts";
import { ZGsoCode, ZId, ZText, ZVersion } from "./common.ts";
import { ZUserScope } from "./scope.ts";

const ZDisplayName = ZText.trim().min(1, keyed("v.displayNameRequired")).max(120, keyed("v.displayNameMax"));

type ScopeFields = { role?: string; districtCode?: string | null; communeCode?: string | null };

/** A scope only makes sense for editors; admins and viewers see the whole province. */
const editorsOnly = (u: ScopeFields) =>
  (!u.districtCode && !u.communeCode) || u.role === undefined || u.role === "editor";
const editorsOnlyError = {
  message: keyed("v.editorScopeOnly"),
  path: ["districtCode"],
};
/** One scope: a former district or a commune of today, never both (the database says so too). */
const oneScope = (u: ScopeFields) => !(u.districtCode && u.communeCode);
const oneScopeError = {
  message: keyed("userScope.both"),
  path: ["communeCode"],
};

/** A province of today (decision 051): checked by the server against the installed provinces. */
const ZProvinceScope = z.string().regex(/^\d{2}$/, keyed("v.provinceCode"));

export const ZUserCreateInput = z
  .strictObject({
    username: ZUsername,
    displayName: ZDisplayName,
    password: ZNewPassword,
    role: ZRole,
    /** A former district (of either old province). */
    districtCode: ZGsoCode.nullish(),
    /** A commune, ward or special zone of today (the 01/07/2025 list). */
    communeCode: ZGsoCode.nullish(),
    /** A province of today (any role; decision 051): absent = the creator's own, null = national. */
    provinceCode: ZProvinceScope.nullish(),
  })
  .refine(oneScope, oneScopeError)
  .refine(editorsOnly, editorsOnlyError);
export type TUserCreateInput = z.infer<typeof ZUserCreateInput>;

export const ZUserUpdateInput = z
  .strictObject({
    id: ZId,
    version: ZVersion,
    displayName: ZDisplayName.optional(),
    role: ZRole.optional(),
    /** With communeCode: both absent keeps the scope; null (and no other) = the whole province. */
    districtCode: ZGsoCode.nullish(),
    communeCode: ZGsoCode.nullish(),
    /** Absent keeps the province scope; null = national. */
    provinceCode: ZProvinceScope.nullish(),
  })
  .refine(oneScope, oneScopeError)
  .refine(editorsOnly, editorsOnlyError);
export type TUserUpdateInput = z.infer<typeof ZUserUpdateInput>;

export const ZUserIdInput = z.strictObject({ id: ZId });
export type TUserIdInput = z.infer<typeof ZUserIdInput>;

export const ZUserResetPasswordInput = z.strictObject({ id: ZId, newPassword: ZNewPassword });
export type TUserResetPasswordInput = z.infer<typeof ZUserResetPasswordInput>;

export const ZUserRow = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: ZRole,
  districtCode: z.string().nullable(),
  districtName: z.string().nullable(),
  communeCode: z.string().nullable(),
  /** Province scope (decision 051); null = national. */
  provinceCode: z.string().nullish(),
  provinceName: z.string().nullish(),
  /** The scope by name, for the accounts screen (shared/src/scope-name.ts). */
  scope: ZUserScope,
  disabled: z.boolean(),
  /** The password was set by an admin and not yet changed by the user. */
  mustChangePassword: z.boolean(),
  /** A second factor is enrolled (an admin may reset it: users.resetTotp). */
  totpEnabled: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  /** When the account's login limit across addresses was last reached (a spread-out guess), lately. */
  loginAlertAt: z.string().nullable(),
});
export type TUserRow = z.infer<typeof ZUserRow>;
