import { changeLines, exportSentence, formatMoment, type HistoryEntry, recordTitle } from "@qt/shared/history";
import type { TAuditRow } from "@qt/shared/schemas/audit";
import { isValue } from "@qt/shared/vocabulary";
import { useQuery } from "@tanstack/react-query";
import { Empty, ErrorState, Loading } from "../../components/QueryState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";

/** An audit entry as the client receives it. */
type HistoryRow = HistoryEntry & Pick<TAuditRow, "id" | "at" | "username">;

/**
 * Who changed a record, when, and what (audit.history). Reusable by any screen: give it the
 * entity name written to the audit trail ("site", "user", …) and the record's id. Fields, values
 * and records are written out by shared/src/history.ts, as in the audit log.
 */
export function HistoryPanel({ entity, entityId }: { entity: string; entityId: string | number }) {
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
        <HistoryTable rows={[...history.data].reverse()} />
      )}
    </section>
  );
}

/** The entries in the order given (newest first, by convention); `showRecord` adds which record. */
export function HistoryTable({ rows, showRecord = false }: { rows: HistoryRow[]; showRecord?: boolean }) {
  const { t, label, locale } = useI18n();
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
        {rows.map((r) => {
          const sentence = exportSentence(r, locale);
          return (
            <tr key={r.id}>
              <td>{formatMoment(r.at, locale)}</td>
              <td>{r.username || t("auth.history.system")}</td>
              <td>{isValue("auditAction", r.action) ? label("auditAction", r.action) : r.action}</td>
              {showRecord && <td>{recordTitle(r, locale)}</td>}
              <td>
                {sentence ?? (
                  <ul>
                    {changeLines(r, locale).map((c) => (
                      // An entry with no "before" (a creation, a sign-in): "— →" on every line says nothing.
                      <li key={c.field}>
                        {c.label}: {r.before === null || r.before === undefined ? c.after : `${c.before} → ${c.after}`}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
