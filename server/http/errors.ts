import type { Locale } from "@qt/shared/format";
import { type MessageKey, type MessageParams, message } from "@qt/shared/messages/index";
import type { FastifyReply, FastifyRequest } from "fastify";
import { ZodError } from "zod";
import { AppError, type ErrorKind } from "../errors.ts";
import { logFailure } from "../logger.ts";
import { issueMessage } from "../trpc.ts";
import { localeOfRequest } from "./guard.ts";

/**
 * The HTTP status of each kind of domain error, and the code name the answer carries: the one
 * place a kind becomes a plain route's answer (procedures: `trpcCodeOf`, server/trpc.ts).
 */
const HTTP: Record<ErrorKind, readonly [status: number, code: string]> = {
  invalid: [400, "BAD_REQUEST"],
  unauthenticated: [401, "UNAUTHORIZED"],
  forbidden: [403, "FORBIDDEN"],
  "not-found": [404, "NOT_FOUND"],
  conflict: [409, "CONFLICT"],
  "too-large": [413, "PAYLOAD_TOO_LARGE"],
  throttled: [429, "TOO_MANY_REQUESTS"],
  unavailable: [503, "SERVICE_UNAVAILABLE"],
};
export const httpStatusOf = (kind: ErrorKind): number => HTTP[kind][0];

/** A refusal as every plain route sends it: the message in the user's language, its key and parameters. */
type Said = { message: string; messageKey?: MessageKey; params?: MessageParams };
function send(reply: FastifyReply, [status, code]: readonly [number, string], said: Said) {
  return reply.code(status).send({ ok: false, error: { code, ...said } });
}

/** A domain error's answer; an input a schema refused (its ZodError as cause) says its first issue. */
function sendAppError(reply: FastifyReply, locale: Locale, err: AppError) {
  const issue = err.cause instanceof ZodError ? err.cause.issues[0] : undefined;
  const said = issue ? issueMessage(issue) : { key: err.key, params: err.params };
  const text = said ? message(said.key, said.params, locale) : (issue?.message ?? err.message);
  return send(reply, HTTP[err.kind], { message: text, messageKey: said?.key, params: said?.params });
}

/**
 * The one error handler of the plain routes (registered by http/app.ts; a plugin's own handler
 * passes what it does not know on to it): a domain error by its kind; Fastify's own refusals (a
 * body too large, a bad content type) keep their status, not their words; anything else is logged
 * and answered with the catalogue's system error, never with its own text (a driver's message
 * names tables and SQL).
 */
export function plainErrorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply) {
  const locale = localeOfRequest(req);
  if (err instanceof AppError) return sendAppError(reply, locale, err);
  const given = (err as { statusCode?: number } | null)?.statusCode;
  const status = given && given >= 400 && given < 500 ? given : 500;
  if (status === 500) logFailure(req.log, err, { url: req.url.slice(0, 200) }, "request failed");
  const key = status === 500 ? "system.error" : status === 413 ? "request.tooLarge" : "system.invalid";
  const code = status === 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST";
  return send(reply, [status, code], { message: message(key, {}, locale), messageKey: key, params: {} });
}
