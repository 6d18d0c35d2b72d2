import type { TAuditAlert } from "@qt/shared/schemas/personal-data";
import type { SessionUser } from "../../context.ts";
import type { Db } from "../../db.ts";
import { appError } from "../../errors.ts";
import { reachAccounts } from "./log.ts";
import { writeAudit } from "./write.ts";

/** A closed alert is remembered per admin as a notice dismissal named after it. */
const noticeOf = (id: number) => `audit_alert:${id}`;

/**
 * The alerts this admin is shown (decision 059): a national admin every one; a provincial admin
 * those whose broken entry its province's accounts wrote, as the audit screen lists them.
 */
async function visibleAlerts<A extends { entityId: string }>(db: Db, user: SessionUser, alerts: A[]): Promise<A[]> {
  const own = await reachAccounts(db, user.reach);
  if (!own || alerts.length === 0) return alerts;
  const brokenIds = alerts.map((a) => a.entityId).filter((id) => /^\d{1,18}$/.test(id));
  const broken = await db.auditEntry.findMany({
    where: { id: { in: brokenIds.map(BigInt) }, userId: { in: own } },
    select: { id: true },
  });
  const theirs = new Set(broken.map((b) => String(b.id)));
  return alerts.filter((a) => theirs.has(a.entityId));
}

/**
 * The audit-chain breaks the daily check raised (chain.ts) that this admin has not closed yet,
 * newest first: the banner every admin sees on every screen (issue 29). A break stays on the
 * banner until each admin has seen it, whatever the audit screen's filters.
 */
export async function openAuditAlerts(db: Db, user: SessionUser): Promise<TAuditAlert[]> {
  const alerts = await visibleAlerts(
    db,
    user,
    await db.auditEntry.findMany({
      where: { action: "audit_alert" },
      orderBy: { id: "desc" },
      take: 20,
      select: { id: true, at: true, entityId: true, after: true },
    }),
  );
  if (alerts.length === 0) return [];
  const closed = await db.noticeDismissal.findMany({
    where: { userId: user.id, notice: { in: alerts.map((a) => noticeOf(Number(a.id))) } },
    select: { notice: true },
  });
  const seen = new Set(closed.map((c) => c.notice));
  return alerts
    .filter((a) => !seen.has(noticeOf(Number(a.id))))
    .map((a) => ({
      id: Number(a.id),
      at: a.at.toISOString(),
      brokenAt: a.entityId,
      reason: (a.after as { reason?: string } | null)?.reason === "link" ? "link" : "content",
    }));
}

/** This admin closes an alert's banner (audited: who saw which break, when). */
export async function acknowledgeAuditAlert(db: Db, user: SessionUser, id: number): Promise<void> {
  const alert = await db.auditEntry.findFirst({
    where: { id: BigInt(id), action: "audit_alert" },
    select: { id: true, entityId: true },
  });
  // An alert a provincial admin is not shown is not found for it either.
  if (!alert || (await visibleAlerts(db, user, [alert])).length === 0)
    throw appError("not-found", "audit.alertNotFound");
  await db.$transaction(async (tx) => {
    await tx.noticeDismissal.upsert({
      where: { userId_notice: { userId: user.id, notice: noticeOf(id) } },
      create: { userId: user.id, notice: noticeOf(id) },
      update: {},
    });
    await writeAudit(tx, { user, action: "acknowledge_alert", entity: "audit_entry", entityId: id });
  });
}
