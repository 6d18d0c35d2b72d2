import { isTRPCClientError } from "@trpc/client";
import type { AppRouter } from "../server/routers/_app.ts";

/** The first message of each field, by field name ("areaCode": "Vui lòng chọn địa bàn"). */
export type FieldErrors = Record<string, string>;

/** The one reader of failed calls: code, message and field messages as the server's errorFormatter shapes them. */
export function readError(err: unknown): { code: string; message: string; fields: FieldErrors } {
  if (!isTRPCClientError<AppRouter>(err)) {
    return { code: "", message: err instanceof Error ? err.message : String(err), fields: {} };
  }
  const data = err.data;
  const fields: FieldErrors = {};
  for (const [k, v] of Object.entries(data?.fieldErrors ?? {})) if (v[0]) fields[k] = v[0];
  return { code: data?.code ?? "", message: err.message, fields };
}

/** The tRPC code of a failed call ("UNAUTHORIZED", "BAD_REQUEST", …), or "" for a network error. */
export const errorCode = (err: unknown): string => readError(err).code;

/** The server's Vietnamese message: the field's own message when there is one. */
export function errorMessage(err: unknown): string {
  const { message, fields } = readError(err);
  return Object.values(fields)[0] ?? message;
}

/** Worth retrying: no answer from the server, or its own failure (not a refusal of the request). */
export function isTransient(err: unknown): boolean {
  const code = errorCode(err);
  return code === "" || code === "INTERNAL_SERVER_ERROR";
}
