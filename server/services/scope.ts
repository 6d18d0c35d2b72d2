import { TRPCError } from "@trpc/server";
import type { SessionUser } from "../context.ts";

/** Where a record lies, for the scope check: its (former) district and its commune of today. */
export type RecordPlace = { districtId: number; communeId: number | null };

const DISTRICT_REFUSAL = "Bạn chỉ được cập nhật dữ liệu của huyện, thị xã, thành phố mình phụ trách.";

const forbidden = (message: string) => new TRPCError({ code: "FORBIDDEN", message });

/**
 * Scope of writes, enforced here in the services whatever the UI shows (decision 021):
 * - a district editor changes records whose area lies in their former district (before or after
 *   01/07/2025, as before commune scopes existed);
 * - a commune editor changes records whose area is their commune of today or an old area their
 *   commune took over (the record's date already picked which list the area is in);
 * - province editors and admins anywhere. A record without an area (a province-level award)
 *   belongs to no district and no commune: `provinceLevelRefusal` says why it is refused.
 */
export function assertCanWrite(user: SessionUser, place: RecordPlace | null, provinceLevelRefusal?: string): void {
  if (user.role === "viewer") throw forbidden("Tài khoản của bạn chỉ được xem, không được sửa dữ liệu.");
  if (user.role !== "editor") return;
  const { scope } = user;
  if (scope.kind === "province") return;
  if (place === null) throw forbidden(provinceLevelRefusal ?? refusal(user));
  const inScope = scope.kind === "district" ? place.districtId === user.districtId : place.communeId === user.communeId;
  if (!inScope) throw forbidden(refusal(user));
}

/** The refusal names what the editor may change: their district, or their commune and its old areas. */
function refusal(user: SessionUser): string {
  if (user.scope.kind !== "commune") return DISTRICT_REFUSAL;
  const { name } = user.scope;
  // "Xã Gio Linh" → "xã", "Đặc khu Cồn Cỏ" → "đặc khu": the kind of unit the old areas now belong to.
  const kind = name.startsWith("Đặc khu") ? "đặc khu" : (name.split(" ")[0] ?? "").toLowerCase();
  return `Bạn chỉ được cập nhật dữ liệu của ${name} (và các địa bàn trước 01/07/2025 nay thuộc ${kind}).`;
}
