import { type MessageKey, type MessageParams, message } from "@qt/shared/messages/index";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { appError } from "../../errors.ts";

/**
 * BAD_REQUEST carrying a ZodError, so the errorFormatter (server/trpc.ts) sends the message both as
 * the error's message and under data.fieldErrors[path]: a rule checked against the database
 * reaches the form exactly like a schema rule.
 */
export function fieldError(path: string, key: MessageKey, params: MessageParams = {}): TRPCError {
  // The key rides in the issue's params, where the errorFormatter reads it.
  return fieldErrors([{ path, message: message(key, params), params: { key, params } }]);
}

/** Issues of a rule shared with the forms carry its Vietnamese text, which the catalogue knows. */
export function fieldErrors(issues: { path: string; message: string; params?: object }[]): TRPCError {
  // Built by a parse rather than `new ZodError(...)`: only parse-made errors are `instanceof Error`,
  // which tRPC needs to keep the cause (and the errorFormatter to find the issues).
  const zod = z
    .any()
    .superRefine((_, ctx) => {
      for (const i of issues) ctx.addIssue({ code: "custom", path: [i.path], message: i.message, params: i.params });
    })
    .safeParse(null).error;
  return new TRPCError({ code: "BAD_REQUEST", message: issues[0]?.message ?? message("system.invalid"), cause: zod });
}

export const conflictError = () => appError("CONFLICT", "record.conflict");

/** `what`: the record's Vietnamese name ("điểm mô hình"), which the catalogue translates. */
export const notFoundError = (what: string) => appError("NOT_FOUND", "record.notFound", { what });

export const restoreNotDeleted = () => appError("BAD_REQUEST", "record.notDeleted");
