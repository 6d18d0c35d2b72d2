import type { Locale } from "@qt/shared/format";
import type { TApprovalItem } from "@qt/shared/schemas/approvals";
import type { TMe } from "@qt/shared/schemas/auth";
import { currentCommuneName, formerUnitName } from "@qt/shared/unit-names";

export const APPROVAL_ACTIONS = ["submit", "approve", "return", "reopen"] as const;
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];

/** A unit of approval: a commune of today, or a former district (the history). */
type Unit = TApprovalItem["unit"];

/** Whether an editor's scope covers the unit: the whole province, their former district, or their commune. */
function editsUnit(me: Pick<TMe, "role" | "scope">, unit: Unit): boolean {
  if (me.role !== "editor") return false;
  if (me.scope.kind === "province") return true;
  return unit.kind === me.scope.kind && unit.code === me.scope.code;
}

/**
 * The actions the user is offered on one unit-year: the same rule as the server's, so a button is
 * not offered that the server would refuse (it still refuses, e.g. when someone acted first).
 * Editors of the scope submit a draft; approvers and admins approve or return what was submitted;
 * admins reopen what was approved.
 */
export function actionsFor(me: Pick<TMe, "role" | "scope">, item: Pick<TApprovalItem, "unit" | "state">) {
  const out: ApprovalAction[] = [];
  const approves = me.role === "approver" || me.role === "admin";
  if (item.state === "draft" && (editsUnit(me, item.unit) || me.role === "admin")) out.push("submit");
  if (item.state === "submitted" && approves) out.push("approve", "return");
  if (item.state === "approved" && me.role === "admin") out.push("reopen");
  return out;
}

/** "Xã Gio Linh (huyện Gio Linh cũ)" or "Huyện Gio Linh (cũ)": a unit as screens name it (decision 018). */
export function unitLabel(unit: Unit, locale: Locale): string {
  return unit.kind === "commune"
    ? currentCommuneName(unit.name, unit.districtName, locale)
    : formerUnitName(unit.name, locale);
}
