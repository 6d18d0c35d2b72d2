import type { ApprovalUnitKind, TApprovalStatus } from "@qt/shared/schemas/approvals";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/**
 * Progress at a glance: "Năm 2026 · Đã phê duyệt 52/78 xã, phường, đặc khu" with a bar, and how
 * many wait for approval or were not submitted. The totals ignore the state filter (server side).
 */
export function ApprovalProgress({
  totals,
  kind,
  year,
}: {
  totals: TApprovalStatus["totals"];
  kind?: ApprovalUnitKind;
  year?: number;
}) {
  const { t } = useI18n();
  const total = totals.draft + totals.submitted + totals.approved;
  if (total === 0) return null;
  const headline = t(kind ? `approvals.progress.${kind}` : "approvals.progress.unitYears", {
    approved: totals.approved,
    total,
  });
  return (
    <section className="approval-progress" aria-label={t("approvals.progress.label")}>
      <p className="approval-progress-headline">
        {year !== undefined && <span>{t("approvals.progress.year", { year })} · </span>}
        <strong>{headline}</strong>
      </p>
      <progress max={total} value={totals.approved} aria-label={headline} />
      <p className="approval-progress-detail">
        {t("approvals.progress.detail", { submitted: totals.submitted, draft: totals.draft })}
      </p>
    </section>
  );
}
