import { formatNumber } from "@qt/shared/format";
import { ZModelTypeCreateInput, ZModelTypeUpdateInput } from "@qt/shared/schemas/model-types";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ColumnHeads } from "../components/ColumnHeads.tsx";
import { ErrorState, Loading } from "../components/QueryState.tsx";
import { ModelTypeForm } from "../features/entry/ModelTypeForm.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useTRPC } from "../trpc.ts";

/** Admins: the model-type catalogue (new types, renames, category). */
export default function RecordsModelTypesRoute() {
  const { t, label, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.modelTypes.list.queryOptions());
  const [editing, setEditing] = useState<number | "new" | null>(null);
  // Types name the dashboard's model-type figures too.
  const onSuccess = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.modelTypes.pathFilter()),
      queryClient.invalidateQueries(trpc.dashboard.pathFilter()),
    ]);
  const create = useMutation(trpc.modelTypes.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.modelTypes.update.mutationOptions({ onSuccess }));
  const editingType = list.data?.items.find((m) => m.id === editing) ?? null;
  return (
    <main className="entry-screen">
      <h2>{t("entry.modelTypes.title")}</h2>
      <p>
        <button type="button" onClick={() => setEditing("new")}>
          {t("entry.add")}
        </button>
      </p>
      {editing === "new" && (
        <ModelTypeForm
          type={null}
          target={{ schema: ZModelTypeCreateInput, save: create.mutateAsync }}
          onDone={() => setEditing(null)}
        />
      )}
      {editingType && (
        <ModelTypeForm
          key={editingType.id}
          type={editingType}
          target={{ schema: ZModelTypeUpdateInput, save: update.mutateAsync }}
          onDone={() => setEditing(null)}
        />
      )}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState message={list.error.message} onRetry={() => list.refetch()} />
      ) : (
        <table className="entry-table">
          <ColumnHeads
            keys={[
              "entry.modelType.code",
              "entry.modelType.name",
              "entry.field.category",
              "entry.modelType.sites",
              "entry.actions",
            ]}
          />
          <tbody>
            {list.data.items.map((m) => (
              <tr key={m.id}>
                <td>{m.code}</td>
                <td>{m.name}</td>
                <td>{label("category", m.category)}</td>
                <td>{formatNumber(m.siteCount, locale)}</td>
                <td>
                  <button type="button" onClick={() => setEditing(m.id)}>
                    {t("entry.edit")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
