import type { Db } from "../../server/db.ts";
import type { ApprovalState } from "../../server/generated/prisma/client.ts";

/** The 2023 review conference's history was checked before it (31/01/2023). */
const HISTORY_SUBMITTED = new Date("2023-01-16T02:00:00Z");
const HISTORY_APPROVED = new Date("2023-01-20T02:00:00Z");
const RETURN_REASON = "Minh họa: đề nghị bổ sung số liệu camera và đối chiếu với sổ theo dõi của xã.";

/**
 * The states of a commune of today's year, by its place in code order (deterministic, decision
 * 023): 2025 is a closed year, mostly approved or submitted; 2026 is the year in progress, mostly
 * draft (the communes the entry tests and the README's example use, Xã Gio Linh among them, can
 * still be written), with some submitted, returned and approved, so the status screen and every
 * figure's approval line show something real.
 */
function communeState(i: number, year: number): { state: ApprovalState; returned: boolean } | null {
  if (year === 2025) {
    if (i % 3 === 0) return { state: "approved", returned: false };
    if (i % 3 === 1) return { state: "submitted", returned: false };
    return i % 2 === 0 ? { state: "draft", returned: true } : null;
  }
  // Approved in both years: these communes count as approved for 2025–2026 as a whole.
  if (i % 12 === 0) return { state: "approved", returned: false };
  if (i % 6 === 0) return { state: "submitted", returned: false };
  if (i % 6 === 3) return { state: "draft", returned: true };
  return null;
}

/**
 * Demo approvals (decision 025): the 2007–2022 history of the ten former districts of old Quảng
 * Trị approved (so the review conference's figures read "đã phê duyệt"), and a mix of states for
 * 2025 and 2026 of today's communes. Marked `is_demo`, removed with the demo records. Approved by
 * the `admin` account when it exists (it is created after the first seed: `ensureAdmin` then
 * signs the demo approvals left without an approver). A unit-year that already has a row (a real
 * approval) is left alone.
 */
export async function loadDemoApprovals(db: Db): Promise<void> {
  const admin = await db.user.findUnique({ where: { username: "admin" }, select: { id: true } });
  const approver = admin?.id ?? null;
  const districts = await db.adminUnit.findMany({
    where: { level: "district", catalog: "three_level", parent: { code: "45", catalog: "three_level" } },
    select: { id: true },
    orderBy: { code: "asc" },
  });
  // Quảng Trị's communes of today (the national install holds every province's: decision 050).
  const communes = await db.adminUnit.findMany({
    where: { level: "commune", catalog: "two_level", parent: { code: "44", catalog: "two_level" } },
    select: { id: true },
    orderBy: { code: "asc" },
  });
  const history = districts.flatMap((d) =>
    Array.from({ length: 2022 - 2007 + 1 }, (_, k) => ({
      unitId: d.id,
      year: 2007 + k,
      state: "approved" as const,
      submittedAt: HISTORY_SUBMITTED,
      approvedAt: HISTORY_APPROVED,
      approvedById: approver,
      isDemo: true,
    })),
  );
  const today = communes.flatMap((c, i) =>
    [2025, 2026].flatMap((year) => {
      const s = communeState(i, year);
      if (!s) return [];
      const at = new Date(`${year === 2025 ? "2026-01-15" : "2026-07-10"}T02:00:00Z`);
      const approved = s.state === "approved";
      return [
        {
          unitId: c.id,
          year,
          state: s.state,
          submittedAt: s.state === "draft" ? null : at,
          approvedAt: approved ? new Date(at.getTime() + 5 * 86_400_000) : null,
          approvedById: approved ? approver : null,
          returnedAt: s.returned ? at : null,
          returnedById: s.returned ? approver : null,
          returnReason: s.returned ? RETURN_REASON : null,
          isDemo: true,
        },
      ];
    }),
  );
  await db.approval.createMany({ data: [...history, ...today], skipDuplicates: true });
}
