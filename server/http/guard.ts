import { LOCALE_HEADER, type Locale, localeOf } from "@qt/shared/format";
import { type MessageKey, type MessageParams, message } from "@qt/shared/messages/index";
import { uncleanPath } from "@qt/shared/schemas/common";
import type { FastifyReply, FastifyRequest } from "fastify";
import { type Context, type ContextDb, createContext, type SessionUser } from "../context.ts";
import { KeyedCause } from "../errors.ts";
import { type Access, refusalOf } from "../trpc.ts";

/** The language of a plain route's answer: the app's header, or `lang` in a link (a link sends no header). */
export function localeOfRequest(req: FastifyRequest): Locale {
  const lang = (req.query as { lang?: unknown } | undefined)?.lang;
  return localeOf(req.headers[LOCALE_HEADER] ?? lang);
}

/** A refusal as every plain route sends it: the message in the user's language, its key and parameters. */
export function refuse(
  reply: FastifyReply,
  locale: Locale,
  status: number,
  code: string,
  key: MessageKey,
  params: MessageParams = {},
) {
  return reply
    .code(status)
    .send({ ok: false, error: { code, message: message(key, params, locale), messageKey: key, params } });
}

/** A plain route and the access its guard declares. */
export type PlainRoute = { method: string; url: string; access: Access };

type Guarded = Context & { user: SessionUser };
const contexts = new WeakMap<FastifyRequest, Guarded>();

/**
 * A plain route's `onRequest` hook: the session and role checked by the procedures' own rule
 * (`refusalOf`, server/trpc.ts) before the body is read, so that a stranger's 20 MB upload is
 * answered 401 at its headers and what still comes is discarded as it arrives (Node drains an
 * unread body; the connection is not cut, which would make a browser lose the answer and show a
 * network error instead of "sign in"); then the clean-text rule over the query string and path. `unauthorized` names a route's own sign-in message.
 */
export function guard(opts: ContextDb, access: Access, say: { unauthorized?: MessageKey } = {}) {
  const hook = async function guardRoute(req: FastifyRequest, reply: FastifyReply) {
    const locale = localeOfRequest(req);
    const ctx = await createContext(opts, req, reply);
    const refused = refusalOf(ctx.user, access);
    if (refused || !ctx.user) {
      const cause = refused?.cause instanceof KeyedCause ? refused.cause : null;
      const unauthorized = !ctx.user;
      const key = unauthorized ? (say.unauthorized ?? "auth.loginRequired") : (cause?.key ?? "role.adminOnly");
      return refuse(reply, locale, unauthorized ? 401 : 403, unauthorized ? "UNAUTHORIZED" : "FORBIDDEN", key, {
        ...cause?.params,
      });
    }
    if (uncleanPath([req.query, req.params])) {
      return refuse(reply, locale, 400, "BAD_REQUEST", "request.badCharacter");
    }
    contexts.set(req, { ...ctx, user: ctx.user });
  };
  accessOfHook.set(hook, access);
  return hook;
}

const accessOfHook = new WeakMap<object, Access>();

/**
 * The access a route's guard declares, from the route's options as Fastify's `onRoute` sees them;
 * null for a route without a guard (http/app.ts refuses to start with such an /api/ route).
 */
export function declaredAccess(onRequest: unknown): Access | null {
  const hooks = Array.isArray(onRequest) ? onRequest : [onRequest];
  for (const h of hooks) {
    const access = typeof h === "function" ? accessOfHook.get(h) : undefined;
    if (access) return access;
  }
  return null;
}

/** The context the route's guard built: only a guarded route's handler asks for it. */
export function guarded(req: FastifyRequest): Guarded {
  const ctx = contexts.get(req);
  if (!ctx) throw new Error(`${req.routeOptions.url}: route declared without a guard`);
  return ctx;
}
