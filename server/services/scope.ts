import { TRPCError } from "@trpc/server";
import type { SessionUser } from "../context.ts";

/**
 * District scope of writes, enforced here in the services whatever the UI shows: a district editor
 * may change only records whose area lies in their district; province editors and admins anywhere.
 */
export function assertCanWriteInDistrict(user: SessionUser, districtId: number): void {
  if (user.role === "viewer") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Tài khoản của bạn chỉ được xem, không được sửa dữ liệu." });
  }
  if (user.role === "editor" && user.districtId !== null && user.districtId !== districtId) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "Bạn chỉ được cập nhật dữ liệu của huyện, thị xã, thành phố mình phụ trách.",
    });
  }
}
