import { formatDate } from "@qt/shared/format";
import type { TApprovalSummary } from "@qt/shared/schemas/approvals";
import type { TDashboardFilter } from "@qt/shared/schemas/dashboard";
import { formerUnitName } from "@qt/shared/unit-names";
import { useQuery } from "@tanstack/react-query";
import type { I18n } from "../../i18n/I18nProvider.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";

/** Names of units not approved shown before "và N đơn vị khác": a line, not a list. */
const NAMES_SHOWN = 3;

/**
 * "Số liệu đã phê duyệt: 9/10 huyện; chưa phê duyệt: Huyện Cồn Cỏ (cũ)." — the approval status of
 * the figures a screen, slide or print shows, in words (the counts are the server's one function).
 * Empty when the period has no unit-year to approve.
 */
export function approvalSentence(s: TApprovalSummary, { t, locale }: Pick<I18n, "t" | "locale">): string {
  const kinds = [
    { count: s.districts, key: "approvals.line.districts", name: (n: string) => formerUnitName(n, locale) },
    { count: s.communes, key: "approvals.line.communes", name: (n: string) => n },
  ] as const;
  const present = kinds.filter((k) => k.count.total > 0);
  if (present.length === 0) return "";
  const counts = present.map((k) => t(k.key, { approved: k.count.approved, total: k.count.total })).join(", ");
  const pending = present.flatMap((k) => k.count.pending.map((u) => k.name(u.name)));
  const only = s.approvedOnly ? ` ${t("approvals.line.onlyApproved")}` : "";
  if (pending.length === 0) {
    const date = s.lastApprovedAt ? formatDate(s.lastApprovedAt) : "";
    return t(date ? "approvals.line.allDated" : "approvals.line.all", { counts, date }) + only;
  }
  const names =
    pending.length > NAMES_SHOWN
      ? t("approvals.line.more", {
          names: pending.slice(0, NAMES_SHOWN).join(", "),
          count: pending.length - NAMES_SHOWN,
        })
      : pending.join(", ");
  return t("approvals.line.some", { counts, pending: names }) + only;
}

/** The sentence for a dashboard filter, on screen, on a slide and in print. */
export function ApprovalLine({ filter, large = false }: { filter: TDashboardFilter; large?: boolean }) {
  const i18n = useI18n();
  const trpc = useTRPC();
  const status = useQuery(trpc.dashboard.approval.queryOptions(filter));
  if (!status.data) return null;
  const text = approvalSentence(status.data, i18n);
  if (!text) return null;
  const cls = ["approval-line", status.data.complete && "approval-complete", large && "approval-line-large"];
  return (
    <p className={cls.filter(Boolean).join(" ")} role="note">
      {text}
    </p>
  );
}
