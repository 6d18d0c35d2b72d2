import { formatNumber } from "@qt/shared/format";
import { formatMoment } from "@qt/shared/history";
import type { MessageKey } from "@qt/shared/messages/index";
import type { TImportBatchSummary } from "@qt/shared/schemas/imports";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ScrollTable } from "../../components/ColumnHeads.tsx";
import { Pager } from "../../components/Pager.tsx";
import { Empty, QueryView } from "../../components/QueryState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router.tsx";
import { useTRPC } from "../../trpc.ts";
import { recordsOfBatch } from "./fields.ts";
import { UndoForm } from "./UndoForm.tsx";

const PAGE_SIZE = 10;

/** The history table's column headings, in order. */
const HEADS: MessageKey[] = [
  "imports.history.when",
  "imports.history.who",
  "imports.history.kind",
  "imports.history.file",
  "imports.history.rows",
  "imports.history.created",
  "imports.history.state",
  "entry.actions",
];

/** Who imported what and when, how many rows and records, links to the records, and undo. */
export function ImportHistory() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const [undoing, setUndoing] = useState<number | null>(null);
  const list = useQuery(trpc.imports.list.queryOptions({ page, pageSize: PAGE_SIZE }));
  const n = (v: number) => formatNumber(v, locale);
  const state = (b: TImportBatchSummary) =>
    b.status === "undone" && b.undoReason
      ? `${t("imports.state.undone")}: ${b.undoReason}`
      : t(`imports.state.${b.status}`);

  return (
    <section className="import-history" aria-labelledby="import-history-heading">
      <h3 id="import-history-heading">{t("imports.history")}</h3>
      <QueryView q={list}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t("imports.history.empty")}</Empty>
          ) : (
            <>
              <ScrollTable heads={HEADS} className="entry-table" label={t("imports.history.label")}>
                {data.items.map((b) => (
                  <tr key={b.batchId}>
                    <td data-label={t("imports.history.when")}>{formatMoment(b.committedAt ?? b.createdAt, locale)}</td>
                    <td data-label={t("imports.history.who")}>{b.userName}</td>
                    <td data-label={t("imports.history.kind")}>{t(`imports.kind.${b.kind}`)}</td>
                    <th scope="row" data-label={t("imports.history.file")}>
                      {b.fileName}
                    </th>
                    <td data-label={t("imports.history.rows")}>{n(b.total)}</td>
                    <td data-label={t("imports.history.created")}>{n(b.created)}</td>
                    <td data-label={t("imports.history.state")}>{state(b)}</td>
                    <td>
                      {/* The records still there: an undo removes those nobody edited since. */}
                      {b.created - b.removed > 0 && (
                        <Link to={recordsOfBatch(b.kind, b.batchId)}>
                          {t("imports.history.open", { count: n(b.created - b.removed) })}
                        </Link>
                      )}
                      {b.status === "committed" && undoing !== b.batchId && (
                        <button
                          type="button"
                          aria-label={t("imports.undo.label", { file: b.fileName })}
                          onClick={() => setUndoing(b.batchId)}
                        >
                          {t("imports.undo")}
                        </button>
                      )}
                      {undoing === b.batchId && <UndoForm batch={b} onClose={() => setUndoing(null)} />}
                    </td>
                  </tr>
                ))}
              </ScrollTable>
              <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} className="entry-pages" />
            </>
          )
        }
      </QueryView>
    </section>
  );
}
