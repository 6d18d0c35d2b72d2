import { TRPCError } from "@trpc/server";
import type { Db } from "../db.ts";

/** Failures counted over this window… */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** …per username (slows guessing one account's password)… */
export const MAX_FAILURES_PER_USERNAME = 5;
/** …and per client address (slows trying many accounts from one place). */
export const MAX_FAILURES_PER_IP = 20;

/**
 * Refuses a login attempt when the username or the address has too many recent failures. Stored
 * in the database so that several app servers share the count. Unknown usernames are counted too,
 * so throttling does not reveal which usernames exist.
 */
export async function assertNotThrottled(db: Db, username: string, ip: string, now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const [byName, byIp] = await Promise.all([
    db.loginFailure.findMany({
      where: { username, at: { gt: since } },
      orderBy: { at: "desc" },
      take: MAX_FAILURES_PER_USERNAME,
      select: { at: true },
    }),
    db.loginFailure.findMany({
      where: { ip, at: { gt: since } },
      orderBy: { at: "desc" },
      take: MAX_FAILURES_PER_IP,
      select: { at: true },
    }),
  ]);
  const blockedUntil = Math.max(
    byName.length >= MAX_FAILURES_PER_USERNAME ? (byName.at(-1)?.at.getTime() ?? 0) + THROTTLE_WINDOW_MS : 0,
    byIp.length >= MAX_FAILURES_PER_IP ? (byIp.at(-1)?.at.getTime() ?? 0) + THROTTLE_WINDOW_MS : 0,
  );
  if (blockedUntil > now.getTime()) {
    const minutes = Math.max(1, Math.ceil((blockedUntil - now.getTime()) / 60_000));
    throw new TRPCError({
      code: "TOO_MANY_REQUESTS",
      message: `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
    });
  }
}

export async function recordFailure(db: Db, username: string, ip: string, now = new Date()): Promise<void> {
  await db.loginFailure.create({ data: { username, ip, at: now } });
  // Old rows are useless for throttling; trimming them here keeps the table small without a job.
  await db.loginFailure.deleteMany({ where: { at: { lt: new Date(now.getTime() - 24 * THROTTLE_WINDOW_MS) } } });
}

/** A successful login clears the username's failures (not the address's: others may share it). */
export async function clearFailures(db: Db, username: string): Promise<void> {
  await db.loginFailure.deleteMany({ where: { username } });
}
