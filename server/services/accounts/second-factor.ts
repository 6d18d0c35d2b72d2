import type { TTotpBegin } from "@qt/shared/schemas/auth";
import type { Db } from "../../db.ts";
import { appError } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { writeAudit } from "../audit/write.ts";
import type { SessionUser } from "./sessions.ts";
import { keepFailure, releaseAttempt, reserveAttempt } from "./throttle.ts";
import {
  hashRecoveryCode,
  matchTotp,
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
  totpUri,
} from "./totp.ts";

/**
 * The second factor (issue 29): TOTP enrolled by its owner, checked at login, with ten one-time
 * recovery codes. The secret leaves the server once, at begin; the recovery codes once, at
 * confirm (only their hashes are kept). Changing the device goes through an admin's reset, so a
 * stolen session cannot swap the factor for its own.
 */
export async function beginTotp(db: Db, user: SessionUser): Promise<TTotpBegin> {
  if (user.totpEnabled) throw appError("conflict", "auth.totpAlreadyOn");
  const secret = newTotpSecret();
  await db.user.update({ where: { id: user.id }, data: { totpPendingSecret: secret }, select: { id: true } });
  return { secret, uri: totpUri(secret, user.username) };
}

/**
 * Confirms the secret begun with a current code from the app: the factor is on, the code's step
 * is spent, and the recovery codes are returned for the one time they are shown. A wrong code is
 * counted like a wrong password (throttle.ts).
 */
export async function confirmTotp(
  db: Db,
  user: SessionUser,
  code: string,
  meta: { ip: string },
  now = new Date(),
): Promise<{ recoveryCodes: string[] }> {
  if (user.totpEnabled) throw appError("conflict", "auth.totpAlreadyOn");
  const attempt = await reserveAttempt(db, user.username, meta.ip, now);
  const row = await db.user.findUnique({ where: { id: user.id }, select: { totpPendingSecret: true } });
  if (!row?.totpPendingSecret) {
    await releaseAttempt(db, attempt);
    throw appError("invalid", "auth.totpNotBegun");
  }
  const step = matchTotp(row.totpPendingSecret, code, now, null);
  if (step === null) {
    await keepFailure(db, now);
    throw appError("invalid", "auth.badCode");
  }
  await releaseAttempt(db, attempt);
  const recoveryCodes = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    // Only the secret this confirmation was checked against (a second begin meanwhile wins).
    const { count } = await tx.user.updateMany({
      where: { id: user.id, totpPendingSecret: row.totpPendingSecret, totpEnabledAt: null },
      data: {
        totpSecret: row.totpPendingSecret,
        totpPendingSecret: null,
        totpEnabledAt: now,
        totpLastStep: step,
        totpRecoveryHashes: recoveryCodes.map(hashRecoveryCode),
        version: { increment: 1 },
      },
    });
    if (count === 0) throw appError("conflict", "auth.totpNotBegun");
    await writeAudit(tx, { user, action: "enrol_totp", entity: "user", entityId: user.id });
  });
  return { recoveryCodes };
}

/** The columns login reads to check the second factor. */
export const secondFactorSelect = { totpSecret: true, totpLastStep: true } as const;
type Factor = { totpSecret: string | null; totpLastStep: number | null };

/**
 * Spends `code` as the account's second factor: a TOTP code of a step later than the last one
 * accepted, or an unused recovery code (then struck off). Each is taken by one conditional update,
 * so two logins racing with one code cannot both pass. Null when it is not a valid code.
 */
export async function spendSecondFactor(
  db: Db,
  userId: number,
  factor: Factor,
  code: string,
  now = new Date(),
): Promise<{ via: "totp" } | { via: "recovery"; recoveryLeft: number } | null> {
  const typed = code.replace(/\s/g, "");
  if (factor.totpSecret && /^\d{6}$/.test(typed)) {
    const step = matchTotp(factor.totpSecret, typed, now, factor.totpLastStep);
    if (step === null) return null;
    const { count } = await db.user.updateMany({
      where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return count === 1 ? { via: "totp" } : null;
  }
  if (!/^[a-z2-7]{10}$/.test(normaliseRecoveryCode(typed))) return null;
  const hash = hashRecoveryCode(typed);
  const rows = await db.$queryRaw<{ left: number }[]>`
    UPDATE app_user SET totp_recovery_hashes = array_remove(totp_recovery_hashes, ${hash})
     WHERE id = ${userId} AND ${hash} = ANY(totp_recovery_hashes)
     RETURNING cardinality(totp_recovery_hashes) AS "left"`;
  const row = rows[0];
  return row ? { via: "recovery", recoveryLeft: Number(row.left) } : null;
}

/** The data an admin's reset writes (users.resetTotp): the account enrols afresh at next sign-in. */
export const totpCleared = {
  totpSecret: null,
  totpPendingSecret: null,
  totpEnabledAt: null,
  totpLastStep: null,
  totpRecoveryHashes: [],
} satisfies Prisma.UserUpdateInput;
