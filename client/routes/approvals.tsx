import { APPROVAL_STATES, APPROVAL_UNIT_KINDS, type TApprovalItem } from "@qt/shared/schemas/approvals";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { Empty, ErrorState, Loading } from "../components/QueryState.tsx";
import { useUrlState } from "../components/useUrlState.ts";
import { ActionForm } from "../features/approvals/ActionForm.tsx";
import { ALL, type ApprovalFilter, ApprovalFilters } from "../features/approvals/ApprovalFilters.tsx";
import { ApprovalProgress } from "../features/approvals/ApprovalProgress.tsx";
import { ApprovalTable, rowKey } from "../features/approvals/ApprovalTable.tsx";
import { type ApprovalAction, actionsFor } from "../features/approvals/can-act.ts";
import { useCurrentUser } from "../features/auth/current-user.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { Link } from "../router.tsx";
import { useTRPC } from "../trpc.ts";

const THIS_YEAR = new Date().getFullYear();

const oneOf = <T extends string>(list: readonly T[], v: string | null) =>
  list.includes(v as T) ? (v as T) : undefined;

/**
 * The filter kept in the URL, so "communes that have not submitted 2026" is one link. It opens on
 * this year's communes of today: what commune police submit and leaders follow now.
 */
function useApprovalFilter(): {
  filter: ApprovalFilter & { unitCode?: string };
  update: ReturnType<typeof useUrlState>["update"];
  own?: { code: string; name: string };
} {
  const { params, update } = useUrlState();
  const me = useCurrentUser();
  // A commune officer opens on their own commune's years (issue 22), until they ask for every unit.
  if (me.scope.kind === "commune" && params.get("all") !== "1") {
    return { filter: { unitCode: me.scope.code }, update, own: { code: me.scope.code, name: me.scope.name } };
  }
  const year = params.get("year");
  const kind = params.get("kind");
  const filter = {
    year: year === ALL ? undefined : year && /^\d{4}$/.test(year) ? Number(year) : THIS_YEAR,
    kind: kind === ALL ? undefined : (oneOf(APPROVAL_UNIT_KINDS, kind) ?? "commune"),
    formerProvinceCode: /^\d{2}$/.test(params.get("province") ?? "") ? (params.get("province") as string) : undefined,
    districtCode: params.get("district") || undefined,
    state: oneOf(APPROVAL_STATES, params.get("state")),
  };
  return { filter, update };
}

/** Units × years with their approval state, the progress, and the transitions the user may make. */
export default function ApprovalsRoute() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const me = useCurrentUser();
  const { filter, update, own } = useApprovalFilter();
  const requests = useQuery({
    ...trpc.approvals.status.queryOptions({ reopenRequested: true }),
    enabled: me.role === "admin",
  });
  const status = useQuery({ ...trpc.approvals.status.queryOptions(filter), placeholderData: keepPreviousData });
  const options = useQuery({ ...trpc.dashboard.options.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  const districts = (options.data?.districts ?? []).filter(
    (d) => !filter.formerProvinceCode || d.province === filter.formerProvinceCode,
  );
  const [open, setOpen] = useState<{ action: ApprovalAction; item: TApprovalItem } | null>(null);
  const [notice, setNotice] = useState("");
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const actionsOf = useCallback((item: TApprovalItem) => actionsFor(me, item), [me]);
  const onAction = (action: ApprovalAction, item: TApprovalItem) => {
    setNotice("");
    setOpen({ action, item });
  };
  const onDone = (message: string) => {
    const opener = open ? document.getElementById(`${open.action}-${rowKey(open.item)}`) : null;
    setOpen(null);
    setNotice(message);
    // Back where the user was: the announcement after a change, the row's button after a cancel.
    requestAnimationFrame(() => (message ? noticeRef.current : opener)?.focus());
  };
  return (
    <main className="approvals-screen">
      <h2>{t("approvals.heading")}</h2>
      <p className="approvals-intro">{t("approvals.intro")}</p>
      {own ? (
        <p className="approvals-own">
          <strong>{t("approvals.mine", { unit: own.name })}</strong> <Link to="?all=1">{t("approvals.showAll")}</Link>
        </p>
      ) : (
        <ApprovalFilters filter={filter} districts={districts} onChange={update} />
      )}
      {me.role === "admin" && requests.data && requests.data.items.length > 0 && (
        <section className="approvals-requests" aria-labelledby="approvals-requests-h">
          <h3 id="approvals-requests-h">
            {t("approvals.requests.heading", { count: String(requests.data.items.length) })}
          </h3>
          <ApprovalTable items={requests.data.items} actionsOf={actionsOf} onAction={onAction} />
        </section>
      )}
      <p role="status" ref={noticeRef} tabIndex={-1}>
        {notice}
      </p>
      {open && <ActionForm key={`${open.action}-${rowKey(open.item)}`} {...open} onDone={onDone} />}
      {status.isPending ? (
        <Loading />
      ) : status.isError ? (
        <ErrorState message={status.error.message} onRetry={() => status.refetch()} />
      ) : (
        <>
          <ApprovalProgress totals={status.data.totals} kind={filter.kind} year={filter.year} />
          {status.data.items.length === 0 ? (
            <Empty>{t("approvals.table.empty")}</Empty>
          ) : (
            <ApprovalTable items={status.data.items} actionsOf={actionsOf} onAction={onAction} />
          )}
        </>
      )}
    </main>
  );
}
