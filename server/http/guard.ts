import { LOCALE_HEADER, type Locale, localeOf } from "@qt/shared/format";
import type { MessageKey } from "@qt/shared/messages/index";
import { uncleanPath } from "@qt/shared/schemas/common";
import type { FastifyReply, FastifyRequest } from "fastify";
import { type Access, refusalOf } from "../access.ts";
import { type Context, type ContextDb, createContext, type SessionUser } from "../context.ts";
import { appError } from "../errors.ts";

/** The language of a plain route's answer: the app's header, or `lang` in a link (a link sends no header). */
export function localeOfRequest(req: FastifyRequest): Locale {
  const lang = (req.query as { lang?: unknown } | undefined)?.lang;
  return localeOf(req.headers[LOCALE_HEADER] ?? lang);
}

/** A plain route and the access its guard declares. */
export type PlainRoute = { method: string; url: string; access: Access };

type Guarded = Context & { user: SessionUser };
const contexts = new WeakMap<FastifyRequest, Guarded>();
type Say = { unauthorized?: MessageKey };

/**
 * A plain route's `onRequest` hook: the session and role checked by the procedures' own rule
 * (`refusalOf`, server/trpc.ts) before the body is read, so that a stranger's 20 MB upload is
 * answered 401 at its headers and what still comes is discarded as it arrives (Node drains an
 * unread body; the connection is not cut, which would make a browser lose the answer and show a
 * network error instead of "sign in"); then the clean-text rule over the query string and path.
 * A refusal is thrown as an AppError, answered by the one error handler (http/errors.ts).
 * `unauthorized` names a route's own sign-in message.
 */
function guard(opts: ContextDb, access: Access, say: Say) {
  const hook = async function guardRoute(req: FastifyRequest, reply: FastifyReply) {
    const ctx = await createContext(opts, req, reply);
    const refused = refusalOf(ctx.user, access);
    if (refused) throw !ctx.user && say.unauthorized ? appError("unauthenticated", say.unauthorized) : refused;
    if (uncleanPath([req.query, req.params])) throw appError("invalid", "request.badCharacter");
    contexts.set(req, { ...ctx, user: ctx.user as SessionUser });
  };
  accessOfHook.set(hook, access);
  return hook;
}

/** The options of a plain route that `access` lets in: its guard, as the procedure builders' rule. */
const routeFor =
  (access: Access) =>
  (opts: ContextDb, say: Say = {}) => ({ onRequest: guard(opts, access, say) });

/**
 * The route builders, one per procedure builder of server/trpc.ts and with the same access (so
 * who may call what is declared once): `app.get(url, viewerRoute(opts), handler)`.
 */
export const viewerRoute = routeFor("viewer");
export const editorRoute = routeFor("editor");
export const approverRoute = routeFor("approver");
export const adminRoute = routeFor("admin");
export const provinceEditorRoute = routeFor("province");

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
