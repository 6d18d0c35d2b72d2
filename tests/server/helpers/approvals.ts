import type { ApprovalState } from "@qt/shared/schemas/approvals";
import type { Db } from "../../../server/db.ts";

/** Communes of today and a former district the approval tests use (GSO codes). */
export const XA_GIO_LINH = "19495";
export const XA_BEN_HAI = "19501";
export const GIO_LINH = "466";
/** Thị trấn Gio Linh: the old area (until 30/06/2025) whose code Xã Gio Linh took over. */
export const TT_GIO_LINH = "19495";

/** The id of a unit of approval: a former district (3 digits) or a commune of today (5 digits). */
export async function unitId(db: Db, code: string): Promise<number> {
  const catalog = code.length === 3 ? "three_level" : "two_level";
  const unit = await db.adminUnit.findUniqueOrThrow({
    where: { catalog_code: { catalog, code } },
    select: { id: true },
  });
  return unit.id;
}

/**
 * Puts a unit-year in a state directly, as set-up (the transitions themselves are what the tests
 * call): `at` is the day it was submitted or approved.
 */
export async function setApproval(db: Db, code: string, year: number, state: ApprovalState, at = new Date()) {
  const key = { unitId: await unitId(db, code), year };
  const data = {
    state,
    submittedAt: state === "draft" ? null : at,
    approvedAt: state === "approved" ? at : null,
  };
  await db.approval.upsert({ where: { unitId_year: key }, create: { ...key, ...data }, update: data });
}

/** The stored state of a unit-year ("draft" without a row) and its version. */
export async function approvalOf(db: Db, code: string, year: number) {
  const row = await db.approval.findUnique({
    where: { unitId_year: { unitId: await unitId(db, code), year } },
    select: { state: true, version: true, returnReason: true },
  });
  return row ?? { state: "draft" as const, version: 0, returnReason: null };
}
