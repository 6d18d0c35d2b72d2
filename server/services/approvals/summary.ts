import type { ApprovalUnitKind, TApprovalSummary } from "@qt/shared/schemas/approvals";
import type { Db } from "../../db.ts";
import type { Filter } from "../dashboard/filter.ts";
import { type ApprovalUnit, approvalUnits, approvalYears } from "./approval-units.ts";

/**
 * The approval status of the data a figure shows (decision 025): the unit-years its filter
 * covers — the former districts of its territory or districts for its years 2007–2025, the
 * communes of today on their land for its years from 2025 — and which of them are approved. A
 * period without years is every year a unit has. One function for every screen, slide and report.
 */
export async function approvalSummary(db: Db, f: Filter): Promise<TApprovalSummary> {
  const districtIds = new Set(f.districts.map((d) => d.id));
  const all = await approvalUnits(db);
  // One commune of today: the commune's own years, and the former district whose land it lies on
  // (its old areas' figures were approved there, years before 01/07/2025 only).
  const commune = f.commune ? all.find((u) => u.kind === "commune" && u.id === f.commune?.id) : undefined;
  const inFilter = (u: ApprovalUnit) =>
    commune
      ? u.kind === "commune"
        ? u.id === commune.id
        : u.id === commune.districtId && (districtIds.size === 0 || districtIds.has(u.id))
      : districtIds.size > 0
        ? districtIds.has(u.districtId)
        : !f.territory || u.formerProvinceCode === f.territory.code;
  const units = all.filter(inFilter);
  const yearsOf = (kind: ApprovalUnitKind) => {
    const own = approvalYears(kind);
    return { from: Math.max(own.from, f.fromYear ?? own.from), to: Math.min(own.to, f.toYear ?? own.to) };
  };
  const span = { district: yearsOf("district"), commune: yearsOf("commune") };
  const counted = units.filter((u) => span[u.kind].from <= span[u.kind].to);
  const rows = counted.length
    ? await db.approval.findMany({
        where: {
          OR: (["district", "commune"] as const).map((kind) => ({
            unitId: { in: counted.filter((u) => u.kind === kind).map((u) => u.id) },
            year: { gte: span[kind].from, lte: span[kind].to },
          })),
        },
        select: { unitId: true, year: true, state: true, approvedAt: true },
      })
    : [];
  const unitYears = { draft: 0, submitted: 0, approved: 0 };
  let lastApprovedAt: Date | null = null;
  const approvedYears = new Map<number, number>();
  for (const r of rows) {
    unitYears[r.state]++;
    if (r.state !== "approved") continue;
    approvedYears.set(r.unitId, (approvedYears.get(r.unitId) ?? 0) + 1);
    if (r.approvedAt && (!lastApprovedAt || r.approvedAt > lastApprovedAt)) lastApprovedAt = r.approvedAt;
  }
  const total = counted.reduce((s, u) => s + span[u.kind].to - span[u.kind].from + 1, 0);
  unitYears.draft = total - unitYears.submitted - unitYears.approved;
  const count = (kind: ApprovalUnitKind) => {
    const own = counted.filter((u) => u.kind === kind);
    const years = span[kind].to - span[kind].from + 1;
    const pending = own.filter((u) => (approvedYears.get(u.id) ?? 0) < years);
    return {
      approved: own.length - pending.length,
      total: own.length,
      pending: pending.map((u) => ({ code: u.code, name: u.name })),
    };
  };
  return {
    districts: count("district"),
    communes: count("commune"),
    unitYears,
    complete: total > 0 && unitYears.approved === total,
    lastApprovedAt: lastApprovedAt?.toISOString() ?? null,
    approvedOnly: f.approvedOnly,
  };
}
