import type { Locale } from "@qt/shared/format";
import { isMessageKey, message, messageOf } from "@qt/shared/messages/index";
import { isTRPCClientError } from "@trpc/client";
import type { AppRouter } from "../server/routers/_app.ts";
import { activeLocale } from "./i18n/I18nProvider.tsx";

/** The first message of each field, by field name ("areaCode": "Vui lòng chọn địa bàn"). */
export type FieldErrors = Record<string, string>;

/**
 * What the browser says when no answer came (Chrome, Firefox, Safari) or when the answer was not
 * the server's JSON (a proxy's error page): never shown as such.
 */
const NO_ANSWER = /failed to fetch|networkerror|load failed|network request failed|fetch failed/i;
const NOT_JSON = /unexpected token|unexpected end of json|is not valid json|json\.parse/i;

/**
 * A message for the user in the chosen language: a browser's raw network or parse error becomes
 * the catalogue's plain sentence; a schema's message (a catalogue key) is written in that language.
 */
export function plainMessage(text: string, locale: Locale = activeLocale()): string {
  if (NO_ANSWER.test(text)) return message("network.unreachable", {}, locale);
  if (NOT_JSON.test(text)) return message("network.badResponse", {}, locale);
  return messageOf(text, locale);
}

/**
 * The one reader of failed calls: code, message and field messages as the server's errorFormatter
 * shapes them, in the language on screen (the server's key and parameters when it sent them).
 */
export function readError(err: unknown): { code: string; message: string; fields: FieldErrors } {
  const locale = activeLocale();
  if (!isTRPCClientError<AppRouter>(err)) {
    return { code: "", message: plainMessage(err instanceof Error ? err.message : String(err), locale), fields: {} };
  }
  const data = err.data;
  const fields: FieldErrors = {};
  for (const [k, v] of Object.entries(data?.fieldErrors ?? {})) if (v[0]) fields[k] = messageOf(v[0], locale);
  const text = isMessageKey(data?.messageKey)
    ? message(data.messageKey, data.params ?? {}, locale)
    : plainMessage(err.message, locale);
  return { code: data?.code ?? "", message: text, fields };
}

/** The tRPC code of a failed call ("UNAUTHORIZED", "BAD_REQUEST", …), or "" for a network error. */
export const errorCode = (err: unknown): string => readError(err).code;

/** The catalogue key the server sent with a refusal ("auth.codeRequired"), or "". */
export const errorKey = (err: unknown): string =>
  isTRPCClientError<AppRouter>(err) ? (err.data?.messageKey ?? "") : "";

/** The message to show: the field's own message when there is one. */
export function errorMessage(err: unknown): string {
  const { message, fields } = readError(err);
  return Object.values(fields)[0] ?? message;
}

/** Worth retrying: no answer from the server, or its own failure (not a refusal of the request). */
export function isTransient(err: unknown): boolean {
  const code = errorCode(err);
  return code === "" || code === "INTERNAL_SERVER_ERROR";
}
