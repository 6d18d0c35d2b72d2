import { AUDIT_ENTITIES } from "@qt/shared/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Pager } from "../components/Pager.tsx";
import { Empty, ErrorState, Loading } from "../components/QueryState.tsx";
import { HistoryTable } from "../features/audit/HistoryPanel.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useTRPC } from "../trpc.ts";

const PAGE_SIZE = 50;

/** Every change of the whole system, newest first (administrators; audit.list). */
export default function AuditRoute() {
  const { t, label } = useI18n();
  const trpc = useTRPC();
  const id = useId();
  const [page, setPage] = useState(1);
  const [entity, setEntity] = useState("");
  const log = useQuery({
    ...trpc.audit.list.queryOptions({ page, pageSize: PAGE_SIZE, entity: entity || undefined }),
    placeholderData: keepPreviousData,
  });
  return (
    <main>
      <h2>{t("auth.audit.heading")}</h2>
      <label htmlFor={id}>{t("auth.audit.entity")}</label>{" "}
      <select
        id={id}
        value={entity}
        onChange={(e) => {
          setEntity(e.target.value);
          setPage(1);
        }}
      >
        <option value="">{t("auth.audit.allEntities")}</option>
        {AUDIT_ENTITIES.map((e) => (
          <option key={e} value={e}>
            {label("entity", e)}
          </option>
        ))}
      </select>
      {log.isPending ? (
        <Loading />
      ) : log.isError ? (
        <ErrorState message={log.error.message} onRetry={() => log.refetch()} />
      ) : log.data.total === 0 ? (
        <Empty />
      ) : (
        <>
          <p>{t("auth.audit.total", { count: log.data.total })}</p>
          <HistoryTable rows={log.data.rows} showRecord />
          <Pager page={page} pageSize={PAGE_SIZE} total={log.data.total} onPage={setPage} />
        </>
      )}
    </main>
  );
}
