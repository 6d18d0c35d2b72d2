import { formatNumber } from "@qt/shared/format";
import type { MessageKey } from "@qt/shared/messages/index";
import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useContext, useEffect, useRef, useState } from "react";
import { Pager } from "../../components/Pager.tsx";
import { Empty, ErrorState, Loading } from "../../components/QueryState.tsx";
import { useUrlState } from "../../components/useUrlState.ts";
import { errorMessage } from "../../errors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";
import { HistoryPanel } from "../audit/HistoryPanel.tsx";
import { canWriteIn, defaultDistrictOf } from "../auth/can-write.ts";
import { CurrentUserContext } from "../auth/current-user.tsx";
import { EditRecord } from "./EditRecord.tsx";
import { type ExtraFilter, ListFilters } from "./ListFilters.tsx";
import { LockedActions } from "./LockedActions.tsx";
import { listInput } from "./list-input.ts";
import { ReceivedSource, sourceOf, useReceivedSources } from "./ReceivedSource.tsx";
import { RecordForm } from "./RecordForm.tsx";
import { RemoveForm } from "./RemoveForm.tsx";
import type { LinkedSiteFields } from "./SitePicker.tsx";
import type { EntityConfig, EntityName, EntryRow } from "./spec.ts";
import type { RecordClient, RecordProcs, Saved } from "./types.ts";

export type Column<Row> = { label: MessageKey; sort?: string; render: (row: Row) => ReactNode };

/** The warning of a likely duplicate, per kind (the server's `warnings[].code` "duplicate"). */
const DUPLICATE: Record<EntityName, MessageKey> = {
  sites: "record.duplicateSite",
  cameras: "record.duplicateCamera",
  awards: "record.duplicateAward",
};

/** The entity names the services write to the audit trail. */
const AUDIT_ENTITY = { sites: "site", cameras: "camera_installation", awards: "award" } as const;

/**
 * A record list with URL state, and the create/edit/remove/restore/history actions of its rows.
 * `procs` is the kind's tRPC proxy (`trpc.sites`, …): the row, list input and create/update inputs
 * are the router's types, and every query key is tRPC's, so invalidating by path reaches them all.
 */
export function ListScreen<Row extends EntryRow & LinkedSiteFields, ListIn, CreateIn, UpdateIn>(props: {
  title: MessageKey;
  procs: RecordProcs<Row, ListIn, CreateIn, UpdateIn>;
  client: RecordClient<Row>;
  config: EntityConfig<Row, CreateIn, UpdateIn, ListIn>;
  columns: Column<Row>[];
  filters?: ExtraFilter[];
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { procs, config } = props;
  const { params, update } = useUrlState();
  const state = (key: string) => params.get(key) ?? "";
  const filterNames = (props.filters ?? []).map((f) => f.name);
  // The URL is typed by hand too: the kind's list schema checks it and types the list's input.
  const parsed = config.listSchema.safeParse(listInput(params, filterNames));
  const list = useQuery(procs.list.queryOptions(parsed.success ? parsed.data : skipToken));
  const received = useReceivedSources(list.data?.items ?? []);
  const [notice, setNotice] = useState<string[]>([]);
  const [removing, setRemoving] = useState<number | null>(null);
  const [historyId, setHistoryId] = useState<number | null>(null);
  // Controls follow the role and the district scope (the server enforces both anyway): viewers and
  // approvers read, a district editor changes their district's records, admins also restore.
  const me = useContext(CurrentUserContext);
  const canWrite = me?.role === "editor" || me?.role === "admin";
  const isAdmin = me?.role === "admin";
  const [actionError, setActionError] = useState<string | null>(null);
  // A commune officer's lists open on their commune (issue 22); the filter can widen them after.
  const homed = useRef(false);
  useEffect(() => {
    if (homed.current) return;
    homed.current = true;
    if (me?.scope.kind === "commune" && !params.has("communeCode")) {
      update({ communeCode: me.scope.code }, { replace: true, keepPage: true });
    }
  }, [me, params, update]);

  // Each change reaches this kind's lists and records and the dashboard's figures on their next load.
  const onSuccess = () =>
    Promise.all([
      queryClient.invalidateQueries(procs.pathFilter()),
      queryClient.invalidateQueries(trpc.dashboard.pathFilter()),
    ]);
  const create = useMutation(procs.create.mutationOptions({ onSuccess }));
  const save = useMutation(procs.update.mutationOptions({ onSuccess }));
  const remove = useMutation(procs.remove.mutationOptions({ onSuccess }));
  const restore = useMutation(
    procs.restore.mutationOptions({ onSuccess, onError: (e) => setActionError(errorMessage(e)) }),
  );
  const loadCurrent = (id: number) =>
    queryClient.fetchQuery({
      queryKey: procs.get.queryKey({ id }),
      queryFn: () => props.client.get.query({ id }),
      staleTime: 0,
    });

  const editing = state("edit");
  const editId = editing && editing !== "new" ? Number(editing) : null;
  const page = Number(state("page") || 1);
  const pageSize = Number(state("pageSize") || 20);

  const done = (saved: Saved | null) => {
    update({ edit: "" }, { keepPage: true });
    if (saved?.unchanged) setNotice([t("entry.unchanged")]);
    else if (saved)
      setNotice([
        t("entry.saved"),
        ...saved.warnings.map((w) => (w.code === "duplicate" ? t(DUPLICATE[config.entity]) : w.message)),
      ]);
  };

  const sortBy = (key: string) => {
    const dir = state("sort") === key && state("dir") !== "asc" ? "asc" : "desc";
    update({ sort: key, dir });
  };

  return (
    <main className="entry-screen">
      <h2>{t(props.title)}</h2>
      {canWrite && (
        <p>
          <button type="button" className="primary" onClick={() => update({ edit: "new" }, { keepPage: true })}>
            {t("entry.add")}
          </button>
        </p>
      )}
      {notice.length > 0 && (
        <div className="entry-notice" role="status">
          {notice.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </div>
      )}
      {actionError && <ErrorState message={actionError} />}
      {editing === "new" && (
        <RecordForm
          config={config}
          record={null}
          target={{ schema: config.createSchema, save: create.mutateAsync }}
          defaultDistrict={me ? defaultDistrictOf(me) : undefined}
          defaultArea={me?.scope.kind === "commune" ? me.scope.code : undefined}
          loadCurrent={loadCurrent}
          onDone={done}
        />
      )}
      {editId !== null && (
        <EditRecord key={editId} procs={procs} client={props.client} id={editId}>
          {(record) => (
            <RecordForm
              config={config}
              record={record}
              target={{ schema: config.updateSchema, save: save.mutateAsync }}
              loadCurrent={loadCurrent}
              onDone={done}
            />
          )}
        </EditRecord>
      )}

      <ListFilters filters={props.filters ?? []} isAdmin={isAdmin} />

      {!parsed.success ? (
        // A URL typed or kept by hand that the list cannot take: the schema's message, as the server would say it.
        <ErrorState message={parsed.error.issues[0]?.message ?? ""} />
      ) : list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState message={list.error.message} onRetry={() => list.refetch()} />
      ) : (
        <>
          <p className="entry-count" aria-live="polite">
            {t("entry.count", { count: formatNumber(list.data.total) })}
          </p>
          {list.data.items.length === 0 ? (
            <Empty>{t("entry.empty")}</Empty>
          ) : (
            <div className="table-scroll">
              <table className="entry-table">
                <thead>
                  <tr>
                    {props.columns.map((c) => (
                      <th
                        key={c.label}
                        aria-sort={
                          c.sort && state("sort") === c.sort
                            ? state("dir") === "asc"
                              ? "ascending"
                              : "descending"
                            : undefined
                        }
                      >
                        {c.sort ? (
                          <button type="button" onClick={() => sortBy(c.sort ?? "")}>
                            {t(c.label)}
                          </button>
                        ) : (
                          t(c.label)
                        )}
                      </th>
                    ))}
                    <th>{t("entry.actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((row) => (
                    <tr key={row.id} className={row.deletedAt ? "deleted" : row.lock ? "locked" : undefined}>
                      {props.columns.map((c) => (
                        <td key={c.label} data-label={t(c.label)}>
                          {c.render(row)}
                        </td>
                      ))}
                      <td className="row-actions-cell">
                        {row.deletedAt ? (
                          isAdmin && (
                            <button type="button" onClick={() => restore.mutate({ id: row.id })}>
                              {t("entry.restore")}
                            </button>
                          )
                        ) : sourceOf(row) ? (
                          // Received from a province (decision 052): locked here, the province corrects and sends again.
                          <ReceivedSource
                            source={sourceOf(row) as NonNullable<ReturnType<typeof sourceOf>>}
                            sources={received}
                          />
                        ) : row.lock ? (
                          <LockedActions lock={row.lock} canAsk={canWriteIn(me, row)} />
                        ) : (
                          canWriteIn(me, row) && (
                            <>
                              <button
                                type="button"
                                onClick={() => update({ edit: String(row.id) }, { keepPage: true })}
                              >
                                {t("entry.edit")}
                              </button>
                              <button type="button" onClick={() => setRemoving(row.id)}>
                                {t("entry.remove")}
                              </button>
                            </>
                          )
                        )}
                        <button type="button" onClick={() => setHistoryId(historyId === row.id ? null : row.id)}>
                          {t("entry.history")}
                        </button>
                        {removing === row.id && (
                          <RemoveForm
                            id={row.id}
                            version={row.version}
                            remove={remove.mutateAsync}
                            onDone={() => setRemoving(null)}
                          />
                        )}
                        {historyId === row.id && (
                          <HistoryPanel entity={AUDIT_ENTITY[config.entity]} entityId={row.id} />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager
            page={page}
            pageSize={pageSize}
            total={list.data.total}
            onPage={(p) => update({ page: p }, { keepPage: true })}
            showSingle
            className="entry-pages"
          />
        </>
      )}
    </main>
  );
}
