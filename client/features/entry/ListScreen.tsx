import { formatNumber } from "@qt/shared/format";
import { type UseQueryOptions, useQuery } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useContext, useState } from "react";
import { Empty, ErrorState, Loading } from "../../components/QueryState.tsx";
import type { MessageKey } from "../../i18n/dictionary.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";
import { HistoryPanel } from "../audit/HistoryPanel.tsx";
import { CurrentUserContext } from "../auth/current-user.tsx";
import { useEntityApi } from "./api.ts";
import { RecordForm, type Saved } from "./RecordForm.tsx";
import { RemoveForm } from "./RemoveForm.tsx";
import type { EntityConfig } from "./spec.ts";
import { useListState } from "./useListState.ts";

export type Row = { id: number; version: number; deletedAt: string | null } & Record<string, unknown>;
export type Column = { label: MessageKey; sort?: string; render: (row: Row) => ReactNode };
export type ExtraFilter = { name: string; label: MessageKey; options: { value: string; label: string }[] };

/** The entity names the services write to the audit trail. */
const AUDIT_ENTITY = { sites: "site", cameras: "camera_installation", awards: "award" } as const;

const BASE_KEYS = [
  "page",
  "pageSize",
  "search",
  "sort",
  "dir",
  "districtCode",
  "areaCode",
  "fromYear",
  "toYear",
  "demo",
  "includeDeleted",
  "edit",
] as const;

/** A record list with URL state, and the create/edit/remove/restore/history actions of its rows. */
export function ListScreen(props: {
  title: MessageKey;
  config: EntityConfig;
  columns: Column[];
  filters?: ExtraFilter[];
  queryOptions: (input: Record<string, unknown>) => UseQueryOptions<{ items: Row[]; total: number }, Error>;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const api = useEntityApi(props.config.entity);
  const { state, input, update } = useListState([...BASE_KEYS, ...(props.filters ?? []).map((f) => f.name)]);
  const list = useQuery(props.queryOptions(input));
  const tree = useQuery(trpc.units.tree.queryOptions(undefined, { staleTime: Infinity }));
  const [notice, setNotice] = useState<string[]>([]);
  const [removing, setRemoving] = useState<Row | null>(null);
  const [historyId, setHistoryId] = useState<number | null>(null);
  // Controls follow the role (the server enforces it anyway): viewers read, admins also restore.
  const me = useContext(CurrentUserContext);
  const canWrite = me !== null && me.role !== "viewer";
  const isAdmin = me?.role === "admin";
  const [actionError, setActionError] = useState<string | null>(null);
  const [search, setSearch] = useState(state.search ?? "");

  const editing = state.edit;
  const editId = editing && editing !== "new" ? Number(editing) : null;
  const current = useQuery({
    queryKey: ["entry", props.config.entity, "edit", editId],
    queryFn: () => api.get(editId as number),
    enabled: editId !== null,
    staleTime: 0,
    gcTime: 0,
  });

  const page = Number(state.page || 1);
  const pageSize = Number(state.pageSize || 20);
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / pageSize)) : 1;

  const done = (saved: Saved | null) => {
    update({ edit: "" }, false);
    if (saved) setNotice([t("entry.saved"), ...saved.warnings.map((w) => w.message)]);
  };

  const sortBy = (key: string) => {
    const dir = state.sort === key && state.dir !== "asc" ? "asc" : "desc";
    update({ sort: key, dir });
  };

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    update({ search });
  };

  const districts = tree.data ?? [];
  const areas = districts.find((d) => d.code === state.districtCode)?.areas ?? [];

  return (
    <main className="entry-screen">
      <h2>{t(props.title)}</h2>
      {canWrite && (
        <p>
          <button type="button" onClick={() => update({ edit: "new" }, false)}>
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
          config={props.config}
          record={null}
          defaultDistrict={me?.districtCode ?? undefined}
          save={api.create}
          loadCurrent={api.get}
          onDone={done}
        />
      )}
      {editId !== null &&
        (current.data ? (
          <RecordForm
            key={`${editId}`}
            config={props.config}
            record={current.data}
            save={api.update}
            loadCurrent={api.get}
            onDone={done}
          />
        ) : current.isError ? (
          <ErrorState message={current.error.message} />
        ) : (
          <Loading />
        ))}

      <form className="entry-filters" aria-label={t("entry.search")} onSubmit={onSearch}>
        <label>
          {t("entry.search")}
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <button type="submit">{t("entry.search.go")}</button>
        <label>
          {t("entry.field.districtCode")}
          <select value={state.districtCode} onChange={(e) => update({ districtCode: e.target.value, areaCode: "" })}>
            <option value="">{t("entry.all")}</option>
            {districts.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("entry.field.areaCode")}
          <select value={state.areaCode} onChange={(e) => update({ areaCode: e.target.value })}>
            <option value="">{t("entry.all")}</option>
            {areas.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        {(props.filters ?? []).map((f) => (
          <label key={f.name}>
            {t(f.label)}
            <select value={state[f.name]} onChange={(e) => update({ [f.name]: e.target.value })}>
              <option value="">{t("entry.all")}</option>
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label>
          {t("entry.fromYear")}
          <input
            inputMode="numeric"
            size={5}
            value={state.fromYear}
            onChange={(e) => update({ fromYear: e.target.value })}
          />
        </label>
        <label>
          {t("entry.toYear")}
          <input
            inputMode="numeric"
            size={5}
            value={state.toYear}
            onChange={(e) => update({ toYear: e.target.value })}
          />
        </label>
        <label>
          {t("entry.demo")}
          <select value={state.demo} onChange={(e) => update({ demo: e.target.value })}>
            <option value="">{t("entry.all")}</option>
            <option value="real">{t("entry.demo.real")}</option>
            <option value="demo">{t("entry.demo.demo")}</option>
          </select>
        </label>
        {isAdmin && (
          <label>
            <input
              type="checkbox"
              checked={state.includeDeleted === "1"}
              onChange={(e) => update({ includeDeleted: e.target.checked ? "1" : "" })}
            />
            {t("entry.includeDeleted")}
          </label>
        )}
      </form>

      {list.isPending ? (
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
            <table className="entry-table">
              <thead>
                <tr>
                  {props.columns.map((c) => (
                    <th
                      key={c.label}
                      aria-sort={
                        c.sort && state.sort === c.sort ? (state.dir === "asc" ? "ascending" : "descending") : undefined
                      }
                    >
                      {c.sort ? (
                        <button type="button" onClick={() => sortBy(c.sort as string)}>
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
                  <tr key={row.id} className={row.deletedAt ? "deleted" : undefined}>
                    {props.columns.map((c) => (
                      <td key={c.label}>{c.render(row)}</td>
                    ))}
                    <td>
                      {row.deletedAt
                        ? isAdmin && (
                            <button
                              type="button"
                              onClick={() => api.restore(row.id).catch((e: Error) => setActionError(e.message))}
                            >
                              {t("entry.restore")}
                            </button>
                          )
                        : canWrite && (
                            <>
                              <button type="button" onClick={() => update({ edit: String(row.id) }, false)}>
                                {t("entry.edit")}
                              </button>
                              <button type="button" onClick={() => setRemoving(row)}>
                                {t("entry.remove")}
                              </button>
                            </>
                          )}
                      <button type="button" onClick={() => setHistoryId(historyId === row.id ? null : row.id)}>
                        {t("entry.history")}
                      </button>
                      {removing?.id === row.id && (
                        <RemoveForm
                          id={row.id}
                          version={row.version}
                          remove={api.remove}
                          onDone={() => setRemoving(null)}
                        />
                      )}
                      {historyId === row.id && (
                        <HistoryPanel entity={AUDIT_ENTITY[props.config.entity]} entityId={row.id} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <nav className="entry-pages" aria-label={t("entry.pages")}>
            <button type="button" disabled={page <= 1} onClick={() => update({ page: String(page - 1) }, false)}>
              {t("entry.prev")}
            </button>
            <span>{t("entry.page", { page, pages })}</span>
            <button type="button" disabled={page >= pages} onClick={() => update({ page: String(page + 1) }, false)}>
              {t("entry.next")}
            </button>
          </nav>
        </>
      )}
    </main>
  );
}
