import { formatDate } from "@qt/shared/format";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";

/**
 * For admins, on every screen: an audit-chain break the daily check found (issue 29, decision
 * 034), until this admin closes it. Closing is audited.
 */
export function AuditAlertBanner() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const alerts = useQuery(trpc.audit.alerts.queryOptions());
  const close = useMutation(
    trpc.audit.acknowledgeAlert.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.audit.alerts.queryFilter()),
    }),
  );
  if (!alerts.data?.length) return null;
  return (
    <section className="audit-alert no-print" role="alert">
      {alerts.data.map((a) => (
        <div key={a.id}>
          <strong>{t("auth.alert.title")}</strong>{" "}
          {t("auth.alert.body", {
            id: a.brokenAt,
            reason: t(a.reason === "link" ? "auth.alert.link" : "auth.alert.content"),
            at: formatDate(a.at, locale),
          })}{" "}
          <button type="button" onClick={() => close.mutate({ id: a.id })} disabled={close.isPending}>
            {t("auth.alert.close")}
          </button>
        </div>
      ))}
    </section>
  );
}
