import { approvalSentence } from "@qt/shared/approval-sentence";
import { APPROVAL_FIELDS, pick } from "@qt/shared/first-screen";
import type { TDashboardFilter } from "@qt/shared/schemas/dashboard";
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";

/**
 * "Số liệu đã phê duyệt: 9/10 huyện; chưa phê duyệt: Huyện Cồn Cỏ (cũ)." under the title of every
 * dashboard screen and slide, and in their print: the same sentence the Word/PDF report writes.
 */
export function ApprovalLine({ filter, large = false }: { filter: TDashboardFilter; large?: boolean }) {
  const { locale } = useI18n();
  const trpc = useTRPC();
  // The same input as firstScreenQueries, so the overview's line comes with the page.
  const status = useQuery(trpc.dashboard.approval.queryOptions(pick(filter, APPROVAL_FIELDS)));
  if (!status.data) return null;
  const cls = ["approval-line", status.data.complete && "approval-complete", large && "approval-line-large"];
  return (
    <p className={cls.filter(Boolean).join(" ")} role="note">
      {approvalSentence(status.data, locale)}
    </p>
  );
}
