import { TRPCError } from "@trpc/server";
import { z } from "zod";

/**
 * BAD_REQUEST carrying a ZodError, so the errorFormatter (server/trpc.ts) sends the message both as
 * the error's message and under data.fieldErrors[path]: a rule checked against the database
 * reaches the form exactly like a schema rule.
 */
export function fieldError(path: string, message: string): TRPCError {
  return fieldErrors([{ path, message }]);
}

export function fieldErrors(issues: { path: string; message: string }[]): TRPCError {
  // Built by a parse rather than `new ZodError(...)`: only parse-made errors are `instanceof Error`,
  // which tRPC needs to keep the cause (and the errorFormatter to find the issues).
  const zod = z
    .any()
    .superRefine((_, ctx) => {
      for (const i of issues) ctx.addIssue({ code: "custom", path: [i.path], message: i.message });
    })
    .safeParse(null).error;
  return new TRPCError({ code: "BAD_REQUEST", message: issues[0]?.message ?? "Dữ liệu không hợp lệ", cause: zod });
}

export const conflictError = () =>
  new TRPCError({
    code: "CONFLICT",
    message: "Bản ghi vừa được người khác thay đổi. Hãy xem lại thay đổi của họ rồi nhập lại sửa đổi của bạn.",
  });

export const notFoundError = (what: string) =>
  new TRPCError({ code: "NOT_FOUND", message: `Không tìm thấy ${what} (có thể đã bị xóa).` });

export const restoreNotDeleted = () =>
  new TRPCError({ code: "BAD_REQUEST", message: "Bản ghi này chưa bị xóa, không cần khôi phục." });
