import { z } from "zod";
import { APPROVAL_STATES, APPROVAL_UNIT_KINDS } from "../domain.ts";
import { keyed } from "../messages/index.ts";
import { ZFormerProvinceCode } from "./dashboard.ts";

/**
 * Approval of figures by unit and year (issue 13, docs/decisions/025). A unit-year is one former
 * district for one year of 2007–2025 (the history, records of the units before 01/07/2025), or one
 * commune of today for one year from 2025 (records of the units from 01/07/2025). A unit-year without
 * any approval row is a draft.
 */
export { APPROVAL_STATES, type ApprovalState } from "../domain.ts";
export const ZApprovalState = z.enum(APPROVAL_STATES, {
  error: () => keyed("v.approvalState"),
});

/** "district": a former district (history up to 30/06/2025); "commune": a commune of today. */
export { APPROVAL_UNIT_KINDS, type ApprovalUnitKind } from "../domain.ts";
export const ZApprovalUnitKind = z.enum(APPROVAL_UNIT_KINDS, {
  error: () => keyed("v.approvalUnitKind"),
});

/** The first year of the history that is approved by former district, and the last one. */
export const HISTORY_YEARS = { from: 2007, to: 2025 } as const;
/** The first year approved by commune of today (the communes exist from 01/07/2025). */
export const COMMUNE_FIRST_YEAR = 2025;

/**
 * A unit of approval: a former district's 3-digit GSO code (e.g. "464" Huyện Gio Linh) or a commune
 * of today's 5-digit code. The two never clash (district codes have 3 digits, communes 5).
 */
export const ZApprovalUnitCode = z
  .string({ error: keyed("v.approvalUnitRequired") })
  .regex(/^(\d{3}|\d{5})$/, keyed("v.approvalUnitCode"));

export const ZApprovalYear = z
  .number({ error: keyed("v.badYear") })
  .int(keyed("v.badYear"))
  .min(HISTORY_YEARS.from, keyed("v.approvalYearFrom"))
  .max(2100, keyed("v.badYear"));

const ZReason = z
  .string({ error: keyed("v.reasonRequired") })
  .trim()
  .min(1, keyed("v.reasonRequired"))
  .max(1000, keyed("v.reasonTooLong"));

export const ZApprovalKey = z.strictObject({ unitCode: ZApprovalUnitCode, year: ZApprovalYear });
export type TApprovalKey = z.infer<typeof ZApprovalKey>;

export const ZApprovalSubmitInput = ZApprovalKey.extend({
  note: z.string().trim().max(1000, keyed("v.noteTooLong")).optional(),
});
export type TApprovalSubmitInput = z.infer<typeof ZApprovalSubmitInput>;

/** return and reopen: the reason is required. */
export const ZApprovalReasonInput = ZApprovalKey.extend({ reason: ZReason });
export type TApprovalReasonInput = z.infer<typeof ZApprovalReasonInput>;

export const ZApprovalStatusInput = z
  .strictObject({
    year: ZApprovalYear.optional(),
    formerProvinceCode: ZFormerProvinceCode.optional(),
    state: ZApprovalState.optional(),
    kind: ZApprovalUnitKind.optional(),
    /** Only the unit-years of this former district (a district, or the communes of today on its land). */
    districtCode: z
      .string()
      .regex(/^\d{3}$/, keyed("v.districtCodeBad"))
      .optional(),
    /** Only this unit's years (a commune officer's own commune). */
    unitCode: ZApprovalUnitCode.optional(),
    /** Only the unit-years whose editors asked an admin to reopen them. */
    reopenRequested: z.boolean().optional(),
  })
  .optional();
export type TApprovalStatusInput = z.input<typeof ZApprovalStatusInput>;

const ZActor = z.object({ username: z.string(), displayName: z.string() }).nullable();

export const ZApprovalUnit = z.object({
  code: z.string(),
  /** The unit's own name ("Gio Linh" district is "Huyện Gio Linh"); a district is a former one. */
  name: z.string(),
  kind: ZApprovalUnitKind,
  /** The former district the unit is, or lies on (for a commune of today). */
  districtCode: z.string(),
  districtName: z.string(),
  /** The old province (list until 30/06/2025) whose land the unit lies on. */
  formerProvinceCode: z.string(),
});
export type TApprovalUnit = z.infer<typeof ZApprovalUnit>;

export const ZApprovalItem = z.object({
  unit: ZApprovalUnit,
  year: z.number(),
  state: ZApprovalState,
  /** Live records (sites, camera installations, awards) of the unit-year. */
  records: z.number(),
  submittedBy: ZActor,
  submittedAt: z.string().nullable(),
  approvedBy: ZActor,
  approvedAt: z.string().nullable(),
  /** The editor's note on submitting. */
  note: z.string().nullable(),
  /** The last return (approver's reason) or reopening (admin's reason), kept while in draft. */
  returnedBy: ZActor,
  returnedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  /** What the unit-year holds, for the approver's confirmation: live sites, installations (their cameras), awards. */
  figures: z.object({ sites: z.number(), installations: z.number(), cameras: z.number(), awards: z.number() }),
  /** An editor asked an admin to reopen the locked unit-year (approvals.requestReopen), until it leaves the lock. */
  reopenRequest: z.object({ by: ZActor, at: z.string(), reason: z.string() }).nullable(),
});
export type TApprovalItem = z.infer<typeof ZApprovalItem>;

export const ZApprovalTotals = z.object({ draft: z.number(), submitted: z.number(), approved: z.number() });

/** Totals count every unit-year of the other filters, whatever `state` asks (52/78 needs both). */
export const ZApprovalStatus = z.object({ items: z.array(ZApprovalItem), totals: ZApprovalTotals });
export type TApprovalStatus = z.infer<typeof ZApprovalStatus>;

/** Of one kind of unit under a figure's filter: how many are approved for every year shown. */
const ZApprovalUnitCount = z.object({
  approved: z.number(),
  total: z.number(),
  /** The units not (yet) approved for every year of the period, in code order. */
  pending: z.array(z.object({ code: z.string(), name: z.string() })),
});

/**
 * The approval status of the data a figure shows (dashboard.approval, the reports): its territory,
 * districts and years. "Số liệu đã phê duyệt: 9/10 huyện; chưa phê duyệt: Huyện Cồn Cỏ".
 * `districts` cover the period's years 2007–2025, `communes` its years from 2025; a kind without
 * any year in the period has total 0. A unit counts as approved when every year of it is.
 */
export const ZApprovalSummary = z.object({
  districts: ZApprovalUnitCount,
  communes: ZApprovalUnitCount,
  unitYears: ZApprovalTotals,
  /** Every unit-year of the period is approved. */
  complete: z.boolean(),
  /** The latest approval among the period's approved unit-years (ISO), for "phê duyệt ngày …". */
  lastApprovedAt: z.string().nullable(),
  /** The figures count approved unit-years only (the filter's approvedOnly). */
  approvedOnly: z.boolean(),
});
export type TApprovalSummary = z.infer<typeof ZApprovalSummary>;
