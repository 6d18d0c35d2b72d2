import type { Db } from "../../db.ts";
import { type AppError, appError } from "../../errors.ts";

/** Attempts are counted in fixed windows of this length… */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

/**
 * …per key (docs/decisions/005). `userAddress` slows guessing one account from one place without
 * touching its owner elsewhere; `address` slows a spray of (made-up) names from one place; `user`
 * stops a guess spread over many addresses, and alerts the admins when it is reached.
 */
export const THROTTLE_LIMITS = { userAddress: 5, address: 30, user: 100 } as const;
export type ThrottleKind = keyof typeof THROTTLE_LIMITS;

const attemptKey = (kind: ThrottleKind, username: string, ip: string) =>
  kind === "userAddress" ? `ua:${username}|${ip}` : kind === "address" ? `a:${ip}` : `u:${username}`;
const KINDS: ThrottleKind[] = ["userAddress", "address", "user"];

/** An attempt reserved on every key; `userLimitReached` when this one spent the account's limit. */
export type Reservation = { username: string; ip: string; userLimitReached: boolean };

/**
 * Reserves one attempt on each key BEFORE the password is checked, so that however many requests
 * run at once (or in one batch), no more passwords are checked than the limits allow. Each key is
 * one row bumped by a single `INSERT … ON CONFLICT DO UPDATE … WHERE count < limit`: PostgreSQL
 * locks the row, re-checks the condition on its latest version and returns nothing when the limit
 * is spent. A refused attempt gives back what it reserved on the other keys, so hammering a locked
 * pair does not use up the address's or the account's allowance.
 */
export async function reserveAttempt(db: Db, username: string, ip: string, now = new Date()): Promise<Reservation> {
  // ISO text cast to `timestamp` is read as UTC whatever the session's time zone (Prisma's convention).
  const at = now.toISOString();
  const cutoff = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  const reserved: string[] = [];
  let userLimitReached = false;
  for (const kind of KINDS) {
    const key = attemptKey(kind, username, ip);
    const limit = THROTTLE_LIMITS[kind];
    const rows = await db.$queryRaw<{ count: number }[]>`
      INSERT INTO "login_attempt" ("key", "count", "window_start") VALUES (${key}, 1, ${at}::timestamp)
      ON CONFLICT ("key") DO UPDATE SET
        "count" = CASE WHEN "login_attempt"."window_start" <= ${cutoff}::timestamp THEN 1 ELSE "login_attempt"."count" + 1 END,
        "window_start" = CASE WHEN "login_attempt"."window_start" <= ${cutoff}::timestamp THEN ${at}::timestamp ELSE "login_attempt"."window_start" END
      WHERE "login_attempt"."window_start" <= ${cutoff}::timestamp OR "login_attempt"."count" < ${limit}
      RETURNING "count"`;
    const count = rows[0]?.count;
    if (count === undefined) {
      await giveBack(db, reserved);
      throw await tooMany(db, key, now);
    }
    reserved.push(key);
    if (kind === "user" && Number(count) >= limit) userLimitReached = true;
  }
  return { username, ip, userLimitReached };
}

async function giveBack(db: Db, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.loginAttempt.updateMany({
    where: { key: { in: keys }, count: { gt: 0 } },
    data: { count: { decrement: 1 } },
  });
}

async function tooMany(db: Db, key: string, now: Date): Promise<AppError> {
  const row = await db.loginAttempt.findUnique({ where: { key }, select: { windowStart: true } });
  const until = (row?.windowStart.getTime() ?? now.getTime()) + THROTTLE_WINDOW_MS;
  const minutes = Math.max(1, Math.ceil((until - now.getTime()) / 60_000));
  return appError("throttled", "auth.throttled", { minutes });
}

/**
 * A right password: this attempt is given back, and the account's failures from this address are
 * forgotten (its owner is there). Failures from other addresses stay counted.
 */
export async function releaseAttempt(db: Db, r: Reservation): Promise<void> {
  await db.loginAttempt.deleteMany({ where: { key: attemptKey("userAddress", r.username, r.ip) } });
  await giveBack(db, [attemptKey("address", r.username, r.ip), attemptKey("user", r.username, r.ip)]);
}

/**
 * A right password whose second factor is still to come: the attempt is given back on every key,
 * but the account's earlier failures from this address stay counted (the owner is not proved yet).
 */
export async function returnAttempt(db: Db, r: Reservation): Promise<void> {
  await giveBack(
    db,
    KINDS.map((kind) => attemptKey(kind, r.username, r.ip)),
  );
}

/** A wrong password keeps its reservation as the failure; windows long past are dropped here. */
export async function keepFailure(db: Db, now = new Date()): Promise<void> {
  await db.loginAttempt.deleteMany({
    where: { windowStart: { lt: new Date(now.getTime() - 24 * THROTTLE_WINDOW_MS) } },
  });
}
