import { formatDate } from "@qt/shared/format";
import type { TAuditRow } from "@qt/shared/schemas/audit";
import { useQuery } from "@tanstack/react-query";
import { Empty, ErrorState, Loading } from "../../components/QueryState.tsx";
import { type MessageKey, vi } from "../../i18n/dictionary.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";
import { changedFields, showValue } from "./changes.ts";

type FieldLabel = (field: string) => string;

/**
 * Who changed a record, when, and what (audit.history). Reusable by any screen: give it the
 * entity name written to the audit trail ("site", "user", …), the record's id and, for fields
 * other than an account's, a function naming them from the screen's own messages.
 */
export function HistoryPanel({
  entity,
  entityId,
  fieldLabel,
}: {
  entity: string;
  entityId: string | number;
  fieldLabel?: FieldLabel;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const history = useQuery(trpc.audit.history.queryOptions({ entity, entityId: String(entityId) }));
  return (
    <section className="history-panel" aria-label={t("auth.history.heading")}>
      <h3>{t("auth.history.heading")}</h3>
      {history.isPending ? (
        <Loading />
      ) : history.isError ? (
        <ErrorState message={history.error.message} onRetry={() => history.refetch()} />
      ) : history.data.length === 0 ? (
        <Empty>{t("auth.history.empty")}</Empty>
      ) : (
        <HistoryTable rows={[...history.data].reverse()} fieldLabel={fieldLabel} />
      )}
    </section>
  );
}

const time = (iso: string) =>
  `${formatDate(new Date(new Date(iso).getTime() + 7 * 3600_000))} ${new Date(iso).toLocaleTimeString("vi-VN", {
    timeZone: "Asia/Ho_Chi_Minh",
    hour: "2-digit",
    minute: "2-digit",
  })}`;

/** An audit entry as the client receives it (JSON drops an absent before/after). */
type Row = Omit<TAuditRow, "before" | "after"> & { before?: unknown; after?: unknown };

/** The entries in the order given (newest first, by convention); `showRecord` adds which record. */
export function HistoryTable({
  rows,
  fieldLabel,
  showRecord = false,
}: {
  rows: Row[];
  fieldLabel?: FieldLabel;
  showRecord?: boolean;
}) {
  const { t } = useI18n();
  const label = (field: string) => {
    const own = `auth.field.${field}`;
    return fieldLabel?.(field) ?? (own in vi ? t(own as MessageKey) : field);
  };
  return (
    <table className="history-table">
      <thead>
        <tr>
          <th scope="col">{t("auth.history.at")}</th>
          <th scope="col">{t("auth.history.by")}</th>
          <th scope="col">{t("auth.history.action")}</th>
          {showRecord && <th scope="col">{t("auth.history.record")}</th>}
          <th scope="col">{t("auth.history.changes")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>{time(r.at)}</td>
            <td>{r.username || t("auth.history.system")}</td>
            <td>{actionLabel(t, r.action)}</td>
            {showRecord && <td>{`${r.entity} #${r.entityId}`}</td>}
            <td>
              <ul>
                {changedFields(r.before, r.after).map((c) => (
                  <li key={c.field}>
                    {label(c.field)}: {showValue(c.before)} → {showValue(c.after)}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function actionLabel(t: (k: MessageKey) => string, action: string): string {
  const key = `auth.action.${action}`;
  return key in ACTION_KEYS ? t(key as MessageKey) : action;
}
const ACTION_KEYS: Record<string, true> = Object.fromEntries(
  [
    "create",
    "update",
    "remove",
    "restore",
    "login",
    "login_alert",
    "logout",
    "export",
    "disable",
    "reset_password",
    "change_password",
  ].map((a) => [`auth.action.${a}`, true]),
);
