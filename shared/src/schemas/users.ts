import { z } from "zod";
import { ZNewPassword, ZRole, ZUsername } from "./auth.ts";
import { ZGsoCode, ZId, ZText, ZVersion } from "./common.ts";

const ZDisplayName = ZText.trim().min(1, "Vui lòng nhập họ tên").max(120, "Họ tên tối đa 120 ký tự");

/** A district scope only makes sense for editors; admins and viewers see the whole province. */
const scopeRule = (u: { role?: string; districtCode?: string | null }) =>
  !u.districtCode || u.role === undefined || u.role === "editor";
const scopeError = { message: "Chỉ biên tập viên mới được giới hạn theo huyện", path: ["districtCode"] };

export const ZUserCreateInput = z
  .strictObject({
    username: ZUsername,
    displayName: ZDisplayName,
    password: ZNewPassword,
    role: ZRole,
    districtCode: ZGsoCode.nullish(),
  })
  .refine(scopeRule, scopeError);
export type TUserCreateInput = z.infer<typeof ZUserCreateInput>;

export const ZUserUpdateInput = z
  .strictObject({
    id: ZId,
    version: ZVersion,
    displayName: ZDisplayName.optional(),
    role: ZRole.optional(),
    /** null = the whole province. */
    districtCode: ZGsoCode.nullish(),
  })
  .refine(scopeRule, scopeError);
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
  disabled: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  /** When the account's login limit across addresses was last reached (a spread-out guess), lately. */
  loginAlertAt: z.string().nullable(),
});
export type TUserRow = z.infer<typeof ZUserRow>;
