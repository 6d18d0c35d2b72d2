import type { Role } from "@qt/shared/domain";
import type { DatabaseKind, Db } from "./db.ts";
import { type Log, logger } from "./logger.ts";

/** Who is calling: resolved from the session cookie (http) or given directly (tests, CLI). */
export type SessionUser = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** District scope of an editor (GSO code); null = the whole province. */
  districtCode: string | null;
  districtId: number | null;
};

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

export type Context = {
  db: Db;
  dbKind: DatabaseKind;
  user: SessionUser | null;
  meta: RequestMeta;
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
}): Context {
  return {
    db: opts.db,
    dbKind: opts.dbKind ?? "pglite",
    user: opts.user ?? null,
    meta: { ip: "127.0.0.1", userAgent: "", secure: false, ...opts.meta },
    log: opts.log ?? logger,
  };
}
