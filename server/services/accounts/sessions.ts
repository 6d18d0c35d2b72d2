import { createHash, randomBytes } from "node:crypto";
import type { Role } from "@qt/shared/domain";
import type { Db } from "../../db.ts";
import type { Tx } from "../audit/write.ts";
import { type SessionUser, sessionUserOf } from "./account.ts";
import { provinceReach } from "./province-scope.ts";
import { configureSessions, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, sessionPolicy } from "./session-policy.ts";

export const SESSION_COOKIE = "qt_session";

export type { SessionUser };

export { configureSessions, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, sessionPolicy };

/**
 * lastSeenAt is written at most this often, so that every read does not become a write: a tenth of
 * the idle time, at most a minute (a session in use is never taken for idle).
 */
const touchEveryMs = () => Math.min(60_000, sessionPolicy.idleMs / 10);

/** Only the SHA-256 of a token is stored: a copy of the table does not let anyone log in. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new session for a user: returns the token for the cookie (never stored, never logged). */
export async function createSession(
  tx: Tx,
  userId: number,
  meta: { ip: string; userAgent: string },
  now = new Date(),
): Promise<{ token: string; sessionId: number }> {
  const token = randomBytes(32).toString("base64url");
  const session = await tx.session.create({
    data: {
      tokenHash: hashToken(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + sessionPolicy.absoluteMs),
      ip: meta.ip.slice(0, 64),
      userAgent: meta.userAgent.slice(0, 300),
    },
    select: { id: true },
  });
  if (sessionPolicy.maxPerUser > 0) {
    // Over the cap: the account's oldest sessions end, this one stays.
    const older = await tx.session.findMany({
      where: { userId },
      orderBy: { id: "desc" },
      skip: sessionPolicy.maxPerUser,
      select: { id: true },
    });
    if (older.length) await tx.session.deleteMany({ where: { id: { in: older.map((o) => o.id) } } });
  }
  return { token, sessionId: session.id };
}

/**
 * The user of a session token, or null when the token is unknown, expired (idle or absolute) or
 * belongs to a disabled account. Expired sessions are deleted on sight.
 */
export async function resolveSession(db: Db, token: string | undefined, now = new Date()): Promise<SessionUser | null> {
  if (!token || token.length > 100) return null;
  const [session] = await db.$queryRaw<SessionRow[]>`
    SELECT s.id, s.last_seen_at AS "lastSeenAt", s.expires_at AS "expiresAt", u.disabled_at AS "disabledAt",
           u.id AS "userId", u.username, u.display_name AS "displayName", u.role::text AS role,
           u.must_change_password AS "mustChangePassword", u.totp_enabled_at AS "totpEnabledAt",
           u.district_id AS "districtId", d.code AS "districtCode", d.name AS "districtName",
           u.commune_id AS "communeId", c.code AS "communeCode", c.name AS "communeName",
           f.code AS "formerDistrictCode", f.name AS "formerDistrictName",
           u.province_id AS "provinceId", p.code AS "provinceCode", p.name AS "provinceName"
      FROM session s
      JOIN app_user u ON u.id = s.user_id
      LEFT JOIN admin_unit d ON d.id = u.district_id
      LEFT JOIN admin_unit c ON c.id = u.commune_id
      LEFT JOIN admin_unit f ON f.id = c.former_district_id
      LEFT JOIN admin_unit p ON p.id = u.province_id
     WHERE s.token_hash = ${hashToken(token)}`;
  if (!session) return null;
  const idle = now.getTime() - session.lastSeenAt.getTime() >= sessionPolicy.idleMs;
  if (idle || session.expiresAt.getTime() <= now.getTime() || session.disabledAt) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= touchEveryMs()) {
    await db.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const place = (code: string | null, name: string | null) => (code ? { code, name: name ?? "" } : null);
  const commune = place(session.communeCode, session.communeName);
  return sessionUserOf(
    {
      ...session,
      id: session.userId,
      district: place(session.districtCode, session.districtName),
      commune: commune && { ...commune, formerDistrict: place(session.formerDistrictCode, session.formerDistrictName) },
      province: place(session.provinceCode, session.provinceName),
    },
    session.id,
    await provinceReach(db, session.provinceId),
  );
}

/**
 * A session with its account, read by every request. One query with joins rather than Prisma's
 * nested select, which loads the user and the district by a query each: on the embedded database
 * every query waits its turn on the one connection, and these were 3 of a cached page's 4 (decision 013).
 */
type SessionRow = {
  id: number;
  lastSeenAt: Date;
  expiresAt: Date;
  disabledAt: Date | null;
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  mustChangePassword: boolean;
  totpEnabledAt: Date | null;
  districtId: number | null;
  districtCode: string | null;
  districtName: string | null;
  communeId: number | null;
  communeCode: string | null;
  provinceId: number | null;
  provinceCode: string | null;
  provinceName: string | null;
  communeName: string | null;
  formerDistrictCode: string | null;
  formerDistrictName: string | null;
};

export async function revokeSession(tx: Tx, token: string): Promise<void> {
  await tx.session.deleteMany({ where: { tokenHash: hashToken(token) } });
}

/** Password change, reset or disable: every session of the user ends. */
export async function revokeAllSessions(tx: Tx, userId: number): Promise<number> {
  const { count } = await tx.session.deleteMany({ where: { userId } });
  return count;
}

/** One's own open sessions, newest first (auth.sessions). */
export async function listOwnSessions(db: Db, user: SessionUser, now = new Date()) {
  const rows = await db.session.findMany({
    where: {
      userId: user.id,
      expiresAt: { gt: now },
      lastSeenAt: { gt: new Date(now.getTime() - sessionPolicy.idleMs) },
    },
    orderBy: { id: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, ip: true, userAgent: true },
  });
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
    ip: r.ip,
    userAgent: r.userAgent,
    current: r.id === user.sessionId,
  }));
}

/** Ends one of one's own sessions; another account's session id is not found (nothing ends). */
export async function endOwnSession(tx: Tx, user: SessionUser, id: number): Promise<boolean> {
  const { count } = await tx.session.deleteMany({ where: { id, userId: user.id } });
  return count > 0;
}
