import type { Role } from "@qt/shared/domain";
import { createContextInner } from "../../../server/context.ts";
import type { Db } from "../../../server/db.ts";
import { createCaller } from "../../../server/routers/_app.ts";
import { createSession, resolveSession } from "../../../server/services/sessions.ts";
import { createUser } from "../../../server/services/users.ts";

let counter = 0;

/** A user with a real (argon2id) password, created through the service as an admin would. */
export async function makeLoginUser(db: Db, opts: { role?: Role; districtCode?: string; password?: string } = {}) {
  counter += 1;
  const password = opts.password ?? `Passw0rd-${counter}-long`;
  const user = await createUser(
    db,
    {
      username: `login-${counter}-${Math.floor(Math.random() * 1e6)}`,
      displayName: `Người dùng ${counter}`,
      password,
      role: opts.role ?? "viewer",
      districtCode: opts.districtCode ?? null,
    },
    null,
  );
  return { ...user, password };
}

/**
 * A caller as an HTTP request would build it: the user is resolved from the session token, and
 * cookies set by the procedure are captured.
 */
export async function callerWithToken(db: Db, token: string | undefined, ip = "10.0.0.1") {
  const cookies: Record<string, string | null> = {};
  const user = await resolveSession(db, token);
  const caller = createCaller(
    createContextInner({
      db,
      user,
      meta: {
        ip,
        userAgent: "vitest",
        sessionToken: token,
        setCookie: (name, value) => {
          cookies[name] = value;
        },
        clearCookie: (name) => {
          cookies[name] = null;
        },
      },
    }),
  );
  return { caller, cookies, user };
}

/** Logs in through the procedure and returns the session token the cookie would carry. */
export async function loginToken(db: Db, username: string, password: string, ip = "10.0.0.1"): Promise<string> {
  const { caller, cookies } = await callerWithToken(db, undefined, ip);
  await caller.auth.login({ username, password });
  const token = cookies.qt_session;
  if (!token) throw new Error("login set no cookie");
  return token;
}

/** A session for an existing user without going through login (no password needed). */
export async function sessionFor(db: Db, userId: number): Promise<string> {
  return (await createSession(db, userId, { ip: "10.0.0.9", userAgent: "vitest" })).token;
}
