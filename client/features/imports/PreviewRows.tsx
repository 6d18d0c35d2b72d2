import { formatNumber } from "@qt/shared/format";
import { ROW_STATES, type RowState, type TImportPreview } from "@qt/shared/schemas/imports";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { ScrollTable } from "../../components/ColumnHeads.tsx";
import { Pager } from "../../components/Pager.tsx";
import { Empty, ErrorState, Loading } from "../../components/QueryState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";
import { AcceptSuggestion } from "./AcceptSuggestion.tsx";
import { errorsUrl } from "./fields.ts";

const PAGE_SIZE = 20;
const FILTER_KEY = {
  ready: "imports.filter.ready",
  duplicate: "imports.filter.duplicate",
  error: "imports.filter.error",
} as const;

/**
 * Step 3: the file's rows by state (all, ready, duplicates, errors), each with its sheet row number
 * and issues; a suggested name is accepted in place with one click.
 */
export function PreviewRows({
  preview,
  onAccepted,
}: {
  preview: TImportPreview;
  onAccepted: (p: TImportPreview) => void;
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const [state, setState] = useState<RowState | undefined>(preview.errorRows > 0 ? "error" : undefined);
  const [page, setPage] = useState(1);
  const rows = useQuery(trpc.imports.rows.queryOptions({ batchId: preview.batchId, state, page, pageSize: PAGE_SIZE }));
  // The messages come written in the language of the request: another language asks again.
  const asked = useRef(locale);
  useEffect(() => {
    if (asked.current === locale) return;
    asked.current = locale;
    void rows.refetch();
  }, [locale, rows]);
  const counts: Record<RowState, number> = {
    ready: preview.ready,
    duplicate: preview.duplicates,
    error: preview.errorRows,
  };
  const choose = (s: RowState | undefined) => {
    setState(s);
    setPage(1);
  };
  const n = (count: number) => ({ count: formatNumber(count, locale) });
  const statusWord = (s: RowState) => t(`imports.status.${s}`);

  return (
    <section className="import-preview" aria-label={t("imports.step.preview")}>
      <h3>{t("imports.step.preview")}</h3>
      <p>{t("imports.file.summary", { file: preview.fileName, total: formatNumber(preview.total, locale) })}</p>
      {preview.yearOnly > 0 && <p className="form-hint">{t("imports.yearOnly.count", n(preview.yearOnly))}</p>}
      <fieldset className="import-filters">
        <legend>{t("imports.filter.label")}</legend>
        <button type="button" aria-pressed={state === undefined} onClick={() => choose(undefined)}>
          {t("imports.filter.all", n(preview.total))}
        </button>
        {ROW_STATES.map((s) => (
          <button key={s} type="button" aria-pressed={state === s} onClick={() => choose(s)} className={`state-${s}`}>
            {t(FILTER_KEY[s], n(counts[s]))}
          </button>
        ))}
      </fieldset>
      {preview.errorRows > 0 && (
        <p>
          <a className="button secondary" href={errorsUrl(preview.batchId, locale)} download>
            {t("imports.errors.download")}
          </a>
        </p>
      )}
      {rows.isPending ? (
        <Loading />
      ) : rows.isError ? (
        <ErrorState message={rows.error.message} onRetry={() => rows.refetch()} />
      ) : rows.data.items.length === 0 ? (
        <Empty>{t("imports.rows.none")}</Empty>
      ) : (
        <>
          <ScrollTable
            heads={["imports.row", "imports.status", "imports.detail", "imports.problems"]}
            className="entry-table import-rows"
            label={t("imports.rows.label")}
          >
            {rows.data.items.map((r) => (
              <tr key={r.row} className={`row-${r.state}`}>
                <th scope="row" data-label={t("imports.row")}>
                  {r.row}
                </th>
                <td data-label={t("imports.status")}>{statusWord(r.state)}</td>
                <td className="import-cells" data-label={t("imports.detail")}>
                  {r.cells.filter(Boolean).join(" · ")}
                </td>
                <td data-label={t("imports.problems")}>
                  <ul className="import-issues">
                    {r.issues.map((i) => (
                      <li key={`${i.column}-${i.key}-${i.message}`}>
                        {i.column ? `${t("imports.column")} ${i.column}: ` : ""}
                        {i.message} <AcceptSuggestion batchId={preview.batchId} issue={i} onAccepted={onAccepted} />
                      </li>
                    ))}
                    {r.yearOnly && <li>{t("imports.yearOnly")}</li>}
                  </ul>
                </td>
              </tr>
            ))}
          </ScrollTable>
          <Pager page={page} pageSize={PAGE_SIZE} total={rows.data.total} onPage={setPage} className="entry-pages" />
        </>
      )}
    </section>
  );
}
