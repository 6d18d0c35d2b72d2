import { keyed, type MessageKey, type MessageParams, readKeyed } from "@qt/shared/messages/index";
import { z } from "zod";
import { AppError, appError } from "../../errors.ts";

/**
 * An "invalid" AppError carrying a ZodError, so the errorFormatter (server/trpc.ts) sends the
 * message both as the error's message and under data.fieldErrors[path]: a rule checked against the
 * database reaches the form exactly like a schema rule.
 */
export function fieldError(path: string, key: MessageKey, params: MessageParams = {}): AppError {
  return fieldErrors([{ path, message: keyed(key, params) }]);
}

/** Issues of a rule shared with the forms: each message is `keyed` (a catalogue key and its parameters). */
export function fieldErrors(issues: { path: string; message: string }[]): AppError {
  // Built by a parse rather than `new ZodError(...)`: only parse-made errors are `instanceof Error`,
  // which tRPC needs to keep the cause (and the errorFormatter to find the issues).
  const zod = z
    .any()
    .superRefine((_, ctx) => {
      for (const i of issues) ctx.addIssue({ code: "custom", path: [i.path], message: i.message });
    })
    .safeParse(null).error;
  // The error's own key is its first issue's; the edge says every issue in the caller's language.
  const first = readKeyed(issues[0]?.message ?? "");
  return new AppError("invalid", first?.key ?? "system.invalid", first?.params ?? {}, { cause: zod });
}

export const conflictError = () => appError("conflict", "record.conflict");

/** `what`: the record's name, a "noun." message ("noun.site": "điểm mô hình"). */
export const notFoundError = (what: MessageKey) => appError("not-found", "record.notFound", { what: { key: what } });
export const restoreNotDeleted = () => appError("invalid", "record.notDeleted");
