import type { TChangePasswordInput, TLoginInput, TMe } from "@qt/shared/schemas/auth";
import type { SessionUser } from "../../context.ts";
import type { Db } from "../../db.ts";
import { appError } from "../../errors.ts";
import { type Tx, writeAudit } from "../audit/write.ts";
import { accountSelect, meOf, sessionUserOf } from "./account.ts";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./passwords.ts";
import { provinceReach } from "./province-scope.ts";
import { secondFactorSelect, spendSecondFactor } from "./second-factor.ts";
import { createSession, revokeAllSessions, revokeSession } from "./sessions.ts";
import {
  keepFailure,
  releaseAttempt,
  reserveAttempt,
  returnAttempt,
  THROTTLE_LIMITS,
  THROTTLE_WINDOW_MS,
} from "./throttle.ts";

export type LoginMeta = { ip: string; userAgent: string };

/** A new session for the user (a login, a password change), with its audit entry: `after` from its id. */
async function auditedSession(
  tx: Tx,
  user: SessionUser,
  meta: LoginMeta,
  action: "login" | "change_password",
  after: (sessionId: number) => Record<string, unknown>,
) {
  const session = await createSession(tx, user.id, meta);
  await writeAudit(tx, { user, action, entity: "user", entityId: user.id, after: after(session.sessionId) });
  return session;
}

/**
 * Checks the credentials (and the second factor of an account that has one) and opens a session;
 * returns the token for the cookie. One message for unknown user, wrong password and disabled
 * account: nothing to enumerate. A right password without the code asked for answers
 * auth.codeRequired and opens nothing; a wrong code is counted like a wrong password.
 */
export async function login(
  db: Db,
  input: TLoginInput,
  meta: LoginMeta,
  now = new Date(),
): Promise<{ token: string; user: TMe }> {
  const username = input.username.trim().toLowerCase();
  const attempt = await reserveAttempt(db, username, meta.ip, now);
  const row = await db.user.findUnique({
    where: { username },
    select: { ...accountSelect, ...secondFactorSelect, passwordHash: true, disabledAt: true },
  });
  // Always one argon2 verification, whether or not the user exists, so the timing is the same.
  const ok = row ? await verifyPassword(row.passwordHash, input.password) : await verifyAgainstDummy(input.password);
  if (!row || !ok || row.disabledAt) {
    await keepFailure(db, now);
    if (row && attempt.userLimitReached) await alertAdmins(db, row.id, meta.ip);
    throw appError("unauthenticated", "auth.badCredentials");
  }
  let factor: Awaited<ReturnType<typeof spendSecondFactor>> = null;
  if (row.totpEnabledAt) {
    if (!input.code) {
      // The password was right: this step is not a failure, but it opens nothing.
      await returnAttempt(db, attempt);
      throw appError("unauthenticated", "auth.codeRequired");
    }
    factor = await spendSecondFactor(db, row.id, row, input.code, now);
    if (!factor) {
      await keepFailure(db, now);
      throw appError("unauthenticated", "auth.badCode");
    }
  }
  await releaseAttempt(db, attempt);
  const user = sessionUserOf(row, undefined, await provinceReach(db, row.provinceId));
  const token = await db.$transaction(async (tx) => {
    const session = await auditedSession(tx, user, meta, "login", (sessionId) => ({
      sessionId,
      ip: meta.ip,
      ...(factor && { secondFactor: factor }),
    }));
    return session.token;
  });
  return { token, user: meOf(user) };
}

/**
 * The account's limit across addresses was just spent (a guess spread over many addresses): the
 * admins see it in the audit log and on the accounts screen, once per window.
 */
async function alertAdmins(db: Db, userId: number, lastIp: string): Promise<void> {
  await writeAudit(db, {
    user: null,
    action: "login_alert",
    entity: "user",
    entityId: userId,
    after: { failures: THROTTLE_LIMITS.user, windowMinutes: THROTTLE_WINDOW_MS / 60_000, lastIp },
  });
}

export async function logout(db: Db, user: SessionUser, token: string | undefined): Promise<void> {
  await db.$transaction(async (tx) => {
    if (token) await revokeSession(tx, token);
    await writeAudit(tx, { user, action: "logout", entity: "user", entityId: user.id });
  });
}

/**
 * Changes one's own password after checking the current one. Every session of the user ends,
 * including this one: the caller then opens a fresh session (returned token) for this browser.
 */
export async function changePassword(
  db: Db,
  user: SessionUser,
  input: TChangePasswordInput,
  meta: LoginMeta,
): Promise<{ token: string }> {
  const attempt = await reserveAttempt(db, user.username, meta.ip);
  const row = await db.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
  if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
    // Counted like a failed login: a stolen session must not become a password-guessing oracle.
    await keepFailure(db);
    throw appError("invalid", "auth.wrongPassword");
  }
  await releaseAttempt(db, attempt);
  if (input.currentPassword === input.newPassword) {
    throw appError("invalid", "auth.samePassword");
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, passwordChangedAt: new Date(), mustChangePassword: false, version: { increment: 1 } },
      select: { id: true },
    });
    const revoked = await revokeAllSessions(tx, user.id);
    const session = await auditedSession(tx, user, meta, "change_password", () => ({ sessionsRevoked: revoked }));
    return { token: session.token };
  });
}
