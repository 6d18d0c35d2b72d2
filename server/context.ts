// The cookie plugin's types add req.cookies and reply.setCookie (the plugin is registered in http/app.ts).
import type {} from "@fastify/cookie";
import { LOCALE_HEADER, type Locale, localeOf } from "@qt/shared/format";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { DatabaseKind, Db } from "./db.ts";
import { type Log, logger } from "./logger.ts";
import { resolveSession, SESSION_COOKIE, type SessionUser } from "./services/accounts/sessions.ts";

/** Who is calling: resolved from the session cookie (http) or given directly (tests, CLI). */
export type { SessionUser };

/** What a request carries besides the user, used for auditing, throttling and cookies. */
export type RequestMeta = {
  ip: string;
  userAgent: string;
  /** True when the request is HTTPS (cookies then get `Secure`). */
  secure: boolean;
  setCookie?: (name: string, value: string, opts: { maxAgeSeconds: number }) => void;
  clearCookie?: (name: string) => void;
  sessionToken?: string;
};

/** The database a context reads: what the HTTP app is built with. */
export type ContextDb = {
  db: Db;
  dbKind: DatabaseKind;
  /** The sessions' clock (idle and absolute ends); tests move it instead of waiting. */
  clock?: () => Date;
};

export type Context = ContextDb & {
  user: SessionUser | null;
  meta: RequestMeta;
  /** The language the client chose (header LOCALE_HEADER): error messages are written in it. */
  locale: Locale;
  /** Where failures are logged: the request's logger over HTTP. */
  log: Log;
};

/** Inner context: built directly by tests and the CLI, without HTTP. */
export function createContextInner(opts: {
  db: Db;
  dbKind?: DatabaseKind;
  user?: SessionUser | null;
  meta?: Partial<RequestMeta>;
  log?: Log;
  locale?: Locale;
}): Context {
  return {
    db: opts.db,
    dbKind: opts.dbKind ?? "pglite",
    user: opts.user ?? null,
    meta: { ip: "127.0.0.1", userAgent: "", secure: false, ...opts.meta },
    log: opts.log ?? logger,
    locale: opts.locale ?? "vi",
  };
}

/**
 * The context of an HTTP request: the database and who is calling (from the session cookie).
 * tRPC and the plain HTTP routes (report downloads, the app's page) all build their context here.
 */
export async function createContext(app: ContextDb, req: FastifyRequest, reply: FastifyReply): Promise<Context> {
  const secure = req.protocol === "https";
  const sessionToken = req.cookies[SESSION_COOKIE];
  const user = await resolveSession(app.db, sessionToken, app.clock?.());
  // An expired or revoked session: the browser may forget the cookie too.
  if (sessionToken && !user) reply.clearCookie(SESSION_COOKIE, cookieOptions(secure));
  return createContextInner({
    db: app.db,
    dbKind: app.dbKind,
    user,
    log: req.log,
    locale: localeOf(req.headers[LOCALE_HEADER]),
    meta: {
      ip: req.ip,
      userAgent: req.headers["user-agent"] ?? "",
      secure,
      sessionToken,
      setCookie: (name, value, { maxAgeSeconds }) =>
        void reply.setCookie(name, value, { ...cookieOptions(secure), maxAge: maxAgeSeconds }),
      clearCookie: (name) => void reply.clearCookie(name, cookieOptions(secure)),
    },
  });
}

/** The session cookie: unreadable by scripts, not sent on cross-site subrequests or POSTs. */
function cookieOptions(secure: boolean) {
  return { path: "/", httpOnly: true, sameSite: "lax", secure } as const;
}
