import type {
  TUserCreateInput,
  TUserIdInput,
  TUserResetPasswordInput,
  TUserRow,
  TUserUpdateInput,
} from "@qt/shared/schemas/users";
import type { SessionUser } from "../../context.ts";
import type { Db } from "../../db.ts";
import { appError, isUniqueViolation } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { type Tx, writeAudit } from "../audit/write.ts";
import { accountSelect, meOf, sessionUserOf } from "./account.ts";
import { hashPassword } from "./passwords.ts";
import type { ProvinceReach } from "./province-scope.ts";
import { totpCleared } from "./second-factor.ts";
import { revokeAllSessions } from "./sessions.ts";
import { provinceIdOf, scopeIds } from "./user-scope.ts";

/**
 * Who changes an account: a session user, or null (the shell, the first start). A provincial
 * admin (a `reach`) manages the accounts of their province only (decision 051).
 */
type Actor = Pick<SessionUser, "id" | "username"> &
  Partial<Pick<SessionUser, "provinceId" | "provinceCode" | "provinceName">> & { reach?: ProvinceReach | null };

/** 403 unless the actor may manage an account of `provinceId` (national actors manage all). */
function assertManages(actor: Actor | null, provinceId: number | null): void {
  if (!actor?.reach || provinceId === actor.reach.id) return;
  throw appError("forbidden", "user.otherProvince", { province: actor.reach.name });
}

/** The fields of an account anyone may see (never the password hash). */
const userSelect = {
  ...accountSelect,
  disabledAt: true,
  version: true,
  createdAt: true,
} satisfies Prisma.UserSelect;
type UserRecord = Prisma.UserGetPayload<{ select: typeof userSelect }>;

/** How long the accounts screen shows that an account's login limit was reached (decision 005). */
export const LOGIN_ALERT_SHOWN_MS = 7 * 24 * 3600_000;

function toRow(u: UserRecord, loginAlertAt: Date | null = null): TUserRow {
  const { mustEnrolTotp, sessionIdleMinutes, ...me } = meOf(sessionUserOf(u));
  return {
    ...me,
    districtName: u.district?.name ?? null,
    disabled: u.disabledAt !== null,
    version: u.version,
    createdAt: u.createdAt.toISOString(),
    loginAlertAt: loginAlertAt?.toISOString() ?? null,
  };
}

/** What the audit trail keeps of an account. */
function snapshot(u: UserRecord) {
  const { district, commune, province, createdAt, totpEnabledAt, ...rest } = u;
  return {
    ...rest,
    provinceCode: province?.code ?? null,
    totpEnabled: totpEnabledAt !== null,
    districtCode: district?.code ?? null,
    communeCode: commune?.code ?? null,
  };
}

/** The accounts the actor manages: all of them, or a provincial admin's province's (decision 051). */
export async function listUsers(db: Db, actor: Actor | null = null): Promise<TUserRow[]> {
  const where = actor?.reach ? { provinceId: actor.reach.id } : {};
  const [rows, alertAt] = await Promise.all([
    db.user.findMany({ where, select: userSelect, orderBy: [{ disabledAt: "desc" }, { username: "asc" }] }),
    loginAlerts(db),
  ]);
  return rows.map((u) => toRow(u, alertAt.get(String(u.id)) ?? null));
}

/** The latest login alert of each account (or of one), within LOGIN_ALERT_SHOWN_MS. */
async function loginAlerts(db: Tx, userId?: number): Promise<Map<string, Date | null>> {
  const alerts = await db.auditEntry.groupBy({
    by: ["entityId"],
    where: {
      action: "login_alert",
      entity: "user",
      entityId: userId === undefined ? undefined : String(userId),
      at: { gt: new Date(Date.now() - LOGIN_ALERT_SHOWN_MS) },
    },
    _max: { at: true },
  });
  return new Map(alerts.map((a) => [a.entityId, a._max.at]));
}

/** One account as the accounts screen shows it, with its login alert. */
async function rowOf(db: Tx, u: UserRecord): Promise<TUserRow> {
  return toRow(u, (await loginAlerts(db, u.id)).get(String(u.id)) ?? null);
}

/** The account, which the actor (when given) must manage. */
async function findUser(tx: Tx, id: number, actor?: Actor | null): Promise<UserRecord> {
  const user = await tx.user.findUnique({ where: { id }, select: userSelect });
  if (!user) throw appError("not-found", "user.notFound");
  assertManages(actor ?? null, user.provinceId);
  return user;
}

/**
 * `temporary`: someone other than the user chose the password (an admin on the accounts screen, a
 * password the shell generated): the user must change it at first sign-in.
 */
export async function createUser(
  db: Db,
  input: TUserCreateInput,
  actor: Actor | null,
  opts: { temporary?: boolean } = {},
) {
  const taken = await db.user.findUnique({ where: { username: input.username }, select: { id: true } });
  if (taken) throw usernameTaken();
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      // No province named: the creator's own (a provincial admin's picker is fixed to it).
      const provinceId = await provinceIdOf(
        tx,
        input.provinceCode === undefined ? (actor?.provinceCode ?? null) : input.provinceCode,
      );
      assertManages(actor, provinceId);
      const scope = await scopeIds(tx, input.role === "editor" ? input : {}, provinceId);
      const user = await tx.user.create({
        data: {
          username: input.username,
          displayName: input.displayName,
          passwordHash,
          role: input.role,
          mustChangePassword: opts.temporary ?? false,
          provinceId,
          ...scope,
        },
        select: userSelect,
      });
      await writeAudit(tx, { user: actor, action: "create", entity: "user", entityId: user.id, after: snapshot(user) });
      return toRow(user);
    });
  } catch (err) {
    // Two admins creating the same name at once: the unique index decides.
    if (isUniqueViolation(err)) throw usernameTaken();
    throw err;
  }
}

const usernameTaken = () => appError("conflict", "user.usernameTaken");

export async function updateUser(db: Db, input: TUserUpdateInput, actor: SessionUser): Promise<TUserRow> {
  return db.$transaction(async (tx) => {
    const before = await findUser(tx, input.id, actor);
    if (before.version !== input.version) {
      throw appError("conflict", "user.conflict");
    }
    const role = input.role ?? before.role;
    if (input.id === actor.id && role !== "admin") {
      throw appError("invalid", "user.keepOwnAdmin");
    }
    // Neither code given keeps the scope; either given replaces it (null: the whole province).
    const keep = input.districtCode === undefined && input.communeCode === undefined;
    const codes = keep ? { districtCode: before.district?.code, communeCode: before.commune?.code } : input;
    const provinceId =
      input.provinceCode === undefined ? before.provinceId : await provinceIdOf(tx, input.provinceCode);
    assertManages(actor, provinceId);
    const scope = await scopeIds(tx, role === "editor" ? codes : {}, provinceId);
    // Nothing new: nothing written (no version bump, no empty audit entry), as for records.
    const displayName = input.displayName ?? before.displayName;
    if (
      displayName === before.displayName &&
      role === before.role &&
      provinceId === before.provinceId &&
      scope.districtId === before.districtId &&
      scope.communeId === before.communeId
    ) {
      return rowOf(tx, before);
    }
    const { count } = await tx.user.updateMany({
      where: { id: input.id, version: input.version },
      data: {
        displayName,
        role,
        provinceId,
        ...scope,
        version: { increment: 1 },
      },
    });
    if (count === 0) {
      throw appError("conflict", "user.conflict");
    }
    const after = await findUser(tx, input.id);
    await writeAudit(tx, {
      user: actor,
      action: "update",
      entity: "user",
      entityId: input.id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return rowOf(tx, after);
  });
}

/** Disables an account and ends its sessions; the row stays, so the audit trail keeps its name. */
export async function disableUser(db: Db, input: TUserIdInput, actor: Actor | null): Promise<TUserRow> {
  if (input.id === actor?.id) {
    throw appError("invalid", "user.keepOwnAccess");
  }
  return db.$transaction(async (tx) => {
    const before = await findUser(tx, input.id, actor);
    if (before.disabledAt) return rowOf(tx, before);
    const audit = { action: "disable" as const, before, after: snapshot };
    return changeEndingSessions(tx, actor, input.id, { disabledAt: new Date() }, audit);
  });
}

/**
 * An administrator sets a new password (the user forgot theirs); every session of the user ends.
 * The user changes it at the next sign-in unless `temporary` is false (the shell's NEW_PASSWORD).
 */
export async function resetPassword(
  db: Db,
  input: TUserResetPasswordInput,
  actor: Actor | null,
  opts: { temporary?: boolean } = {},
): Promise<TUserRow> {
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    await findUser(tx, input.id, actor);
    // The trail says only that sessions ended: no password field enters it.
    const audit = { action: "reset_password" as const, after: () => ({}) };
    return changeEndingSessions(
      tx,
      actor,
      input.id,
      { passwordHash, passwordChangedAt: new Date(), mustChangePassword: opts.temporary ?? true },
      audit,
    );
  });
}

/**
 * An administrator turns off an account's second factor (the phone was lost, the recovery codes
 * too): the user signs in with the password alone and enrols again; every session of the account
 * ends, as after a password reset.
 */
export async function resetTotp(db: Db, input: TUserIdInput, actor: Actor | null): Promise<TUserRow> {
  return db.$transaction(async (tx) => {
    const before = await findUser(tx, input.id, actor);
    const audit = { action: "reset_totp" as const, before, after: snapshot };
    return changeEndingSessions(tx, actor, input.id, totpCleared, audit);
  });
}

/**
 * Writes a change that ends every session of the account (disable, password reset) and audits
 * it with the number of sessions ended, in the caller's transaction.
 */
async function changeEndingSessions(
  tx: Tx,
  actor: Pick<SessionUser, "id" | "username"> | null,
  id: number,
  data: Prisma.UserUpdateInput,
  audit: { action: "disable" | "reset_password" | "reset_totp"; before?: UserRecord; after: (u: UserRecord) => object },
): Promise<TUserRow> {
  const after = await tx.user.update({
    where: { id },
    data: { ...data, version: { increment: 1 } },
    select: userSelect,
  });
  const sessionsRevoked = await revokeAllSessions(tx, id);
  await writeAudit(tx, {
    user: actor,
    action: audit.action,
    entity: "user",
    entityId: id,
    before: audit.before && snapshot(audit.before),
    after: { ...audit.after(after), sessionsRevoked },
  });
  return rowOf(tx, after);
}
