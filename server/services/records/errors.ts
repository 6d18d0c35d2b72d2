import { type MessageKey, type MessageParams, message } from "@qt/shared/messages/index";
import { z } from "zod";
import { AppError, appError } from "../../errors.ts";

/**
 * An "invalid" AppError carrying a ZodError, so the errorFormatter (server/trpc.ts) sends the
 * message both as the error's message and under data.fieldErrors[path]: a rule checked against the
 * database reaches the form exactly like a schema rule.
 */
export function fieldError(path: string, key: MessageKey, params: MessageParams = {}): AppError {
  // The key rides in the issue's params, where the errorFormatter reads it.
  return fieldErrors([{ path, message: message(key, params), params: { key, params } }]);
}

/** Issues of a rule shared with the forms carry its Vietnamese text, which the catalogue knows. */
export function fieldErrors(issues: { path: string; message: string; params?: object }[]): AppError {
  // Built by a parse rather than `new ZodError(...)`: only parse-made errors are `instanceof Error`,
  // which tRPC needs to keep the cause (and the errorFormatter to find the issues).
  const zod = z
    .any()
    .superRefine((_, ctx) => {
      for (const i of issues) ctx.addIssue({ code: "custom", path: [i.path], message: i.message, params: i.params });
    })
    .safeParse(null).error;
  // The key of the first issue when a server check gave one; the edge says the issue's own text.
  const first = issues[0]?.params as { key?: MessageKey; params?: MessageParams } | undefined;
  return new AppError("invalid", first?.key ?? "system.invalid", first?.params ?? {}, { cause: zod });
}

export const conflictError = () => appError("conflict", "record.conflict");

/** `what`: the record's Vietnamese name ("điểm mô hình"), which the catalogue translates. */
export const notFoundError = (what: string) => appError("not-found", "record.notFound", { what });

export const restoreNotDeleted = () => appError("invalid", "record.notDeleted");
