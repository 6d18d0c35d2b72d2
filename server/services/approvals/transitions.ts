import type {
  TApprovalItem,
  TApprovalKey,
  TApprovalReasonInput,
  TApprovalSubmitInput,
} from "@qt/shared/schemas/approvals";
import type { SessionUser } from "../../context.ts";
import type { Db } from "../../db.ts";
import { appError } from "../../errors.ts";
import type { ApprovalState, Prisma } from "../../generated/prisma/client.ts";
import { assertCanWrite } from "../accounts/write-scope.ts";
import { type AuditAction, writeAudit } from "../audit/write.ts";
import { type ApprovalUnit, assertApprovalYear, placeOfUnit, requireApprovalUnit } from "./approval-units.ts";
import { lockUnitYear } from "./lock.ts";
import { approvalItems } from "./status.ts";

type Tx = Prisma.TransactionClient;
type Data = Prisma.ApprovalUncheckedUpdateManyInput;
type Stored = {
  id: number;
  state: ApprovalState;
  version: number;
  note: string | null;
  returnReason: string | null;
  reopenRequestReason: string | null;
};

/**
 * A transition: from the states it may start in, to the columns it writes. Each runs as one
 * conditional update (`WHERE state = <seen> AND version = <seen>`): of two people acting at once on
 * the same unit-year, the second finds no row to update and is told someone else acted (CONFLICT),
 * and nothing of theirs is written.
 */
type Transition = {
  action: Extract<AuditAction, "submit" | "approve" | "return" | "reopen" | "request_reopen">;
  from: ApprovalState[];
  data: (user: SessionUser, now: Date) => Data;
};

const clearReturn = { returnedById: null, returnedAt: null, returnReason: null };
const clearApproval = { approvedById: null, approvedAt: null };
/** A unit-year back in draft is no longer locked: the request to reopen it is answered. */
const clearRequest = { reopenRequestedById: null, reopenRequestedAt: null, reopenRequestReason: null };

/** Editors of the unit's scope (and admins): draft → submitted, with an optional note. */
export function submitApproval(db: Db, input: TApprovalSubmitInput, user: SessionUser) {
  return transition(db, input, user, {
    action: "submit",
    from: ["draft"],
    data: (u, now) => ({
      state: "submitted",
      note: input.note || null,
      submittedById: u.id,
      submittedAt: now,
      ...clearReturn,
      ...clearApproval,
    }),
  });
}

/** Approvers and admins: submitted → approved. */
export function approveApproval(db: Db, input: TApprovalKey, user: SessionUser) {
  return transition(db, input, user, {
    action: "approve",
    from: ["submitted"],
    data: (u, now) => ({ state: "approved", approvedById: u.id, approvedAt: now }),
  });
}

/** Approvers and admins: submitted → draft, with the reason the editor reads. */
export function returnApproval(db: Db, input: TApprovalReasonInput, user: SessionUser) {
  return transition(db, input, user, {
    action: "return",
    from: ["submitted"],
    data: (u, now) => ({
      state: "draft",
      returnedById: u.id,
      returnedAt: now,
      returnReason: input.reason,
      ...clearRequest,
    }),
  });
}

/** Admins: approved → draft, with a reason; the unit-year's records can be changed again. */
export function reopenApproval(db: Db, input: TApprovalReasonInput, user: SessionUser) {
  return transition(db, input, user, {
    action: "reopen",
    from: ["approved"],
    data: (u, now) => ({
      state: "draft",
      returnedById: u.id,
      returnedAt: now,
      returnReason: input.reason,
      ...clearApproval,
      ...clearRequest,
    }),
  });
}

/**
 * Editors of the unit's scope (and admins): ask an admin to reopen a submitted or approved
 * unit-year, with the reason; the state stays, the request shows on the approvals screen until the
 * unit-year is back in draft. A second request replaces the first.
 */
export function requestReopen(db: Db, input: TApprovalReasonInput, user: SessionUser) {
  return transition(db, input, user, {
    action: "request_reopen",
    from: ["submitted", "approved"],
    data: (u, now) => ({ reopenRequestedById: u.id, reopenRequestedAt: now, reopenRequestReason: input.reason }),
  });
}

async function transition(db: Db, key: TApprovalKey, user: SessionUser, t: Transition): Promise<TApprovalItem> {
  const unit = await requireApprovalUnit(db, key.unitCode);
  assertApprovalYear(unit, key.year);
  // Who submits speaks for the unit: the editors who may write its records (decision 021's rule).
  if (t.action === "submit" || t.action === "request_reopen") assertCanWrite(user, placeOfUnit(unit));
  // The year as text: a number parameter would be written with a thousands separator ("2.026").
  const params = { year: String(key.year), unit: unit.title };
  await db.$transaction(async (tx) => {
    // A record write in progress in this unit-year holds its lock: the transition waits for it
    // (a few seconds at most, then "busy": an import may hold it much longer).
    await lockUnitYear(tx, unit.id, key.year);
    const stored = await storedApproval(tx, unit.id, key.year);
    const state = stored?.state ?? "draft";
    if (!t.from.includes(state)) throw wrongState(t.action, state, params);
    const now = new Date();
    const data = t.data(user, now);
    const after = stored ? await update(tx, stored, data) : await insert(tx, unit.id, key.year, data, now);
    if (!after) throw appError("conflict", "approval.conflict", params);
    await writeAudit(tx, {
      user,
      action: t.action,
      entity: "approval",
      entityId: `${unit.code}/${key.year}`,
      before: snapshot(unit, key.year, stored),
      after: snapshot(unit, key.year, after),
    });
  });
  const [item] = await approvalItems(db, [unit], [key.year]);
  if (!item) throw appError("not-found", "approval.unitNotFound", { code: key.unitCode });
  return item;
}

const storedSelect = {
  id: true,
  state: true,
  version: true,
  note: true,
  returnReason: true,
  reopenRequestReason: true,
} as const;

function storedApproval(tx: Tx, unitId: number, year: number): Promise<Stored | null> {
  return tx.approval.findUnique({ where: { unitId_year: { unitId, year } }, select: storedSelect });
}

/** The conditional update; null when the row moved since it was read (someone else acted). */
async function update(tx: Tx, stored: Stored, data: Data): Promise<Stored | null> {
  const { count } = await tx.approval.updateMany({
    where: { id: stored.id, state: stored.state, version: stored.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) return null;
  return tx.approval.findUniqueOrThrow({ where: { id: stored.id }, select: storedSelect });
}

/**
 * The first transition of a unit-year creates its row. Two at once: the unique (unit, year) index
 * would refuse the second insert; ON CONFLICT DO NOTHING makes that an empty answer instead of an
 * error that aborts the transaction, and it is the same "someone else acted" as a lost update.
 */
async function insert(tx: Tx, unitId: number, year: number, data: Data, now: Date): Promise<Stored | null> {
  const inserted = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO approval (unit_id, year, state, note, submitted_by_id, submitted_at, updated_at)
    VALUES (${unitId}, ${year}, ${data.state}::approval_state, ${data.note ?? null},
            ${data.submittedById ?? null}, ${data.submittedAt ?? null}, ${now})
    ON CONFLICT (unit_id, year) DO NOTHING
    RETURNING id`;
  const [row] = inserted;
  if (!row) return null;
  return tx.approval.findUniqueOrThrow({ where: { id: row.id }, select: storedSelect });
}

function snapshot(unit: ApprovalUnit, year: number, s: Stored | null) {
  return {
    unitCode: unit.code,
    unitName: unit.title,
    year,
    state: s?.state ?? "draft",
    note: s?.note ?? null,
    reason: s?.returnReason ?? null,
    reopenRequest: s?.reopenRequestReason ?? null,
  };
}

function wrongState(action: Transition["action"], state: ApprovalState, params: { year: string; unit: string }) {
  if (action === "request_reopen") return appError("conflict", "approval.notLocked", params);
  if (state === "approved") return appError("conflict", "approval.alreadyApproved", params);
  if (action === "submit") return appError("conflict", "approval.alreadySubmitted", params);
  if (action === "reopen") return appError("conflict", "approval.notApproved", params);
  return appError("conflict", "approval.notSubmitted", params);
}
