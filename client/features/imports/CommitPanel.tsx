import { formatNumber } from "@qt/shared/format";
import type { TImportPreview } from "@qt/shared/schemas/imports";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ErrorState } from "../../components/QueryState.tsx";
import { errorMessage } from "../../errors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router.tsx";
import { useTRPC } from "../../trpc.ts";
import { recordsOfBatch } from "./fields.ts";
import { ServerProgressBar } from "./ProgressBar.tsx";
import { useFocusOnMount } from "./useFocusOnMount.ts";
import { useImportChanged } from "./useImportChanged.ts";
import { useServerProgress } from "./useServerProgress.ts";

/** Step 4: all-or-nothing or skip the rows in error, the commit, and what it created. */
export function CommitPanel({ preview, onAgain }: { preview: TImportPreview; onAgain: () => void }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const changed = useImportChanged();
  const [skipErrors, setSkipErrors] = useState(false);
  const commit = useMutation(trpc.imports.commit.mutationOptions({ onSuccess: () => changed(preview.kind) }));
  const n = (v: number) => formatNumber(v, locale);
  const server = useServerProgress(commit.isPending ? `batch=${preview.batchId}` : null);
  const blocked = !skipErrors && preview.errorRows > 0;
  const nothing = preview.ready === 0;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    commit.mutate({ batchId: preview.batchId, skipErrors });
  };
  if (commit.isSuccess) return <CommitResult preview={preview} result={commit.data} onAgain={onAgain} />;
  return (
    <form className="import-commit" aria-label={t("imports.step.commit")} onSubmit={submit}>
      <h3>{t("imports.step.commit")}</h3>
      <fieldset>
        <legend>{t("imports.commit.mode")}</legend>
        <label>
          <input type="radio" name="import-mode" checked={!skipErrors} onChange={() => setSkipErrors(false)} />
          {t("imports.commit.allOrNothing")}
        </label>
        <label>
          <input type="radio" name="import-mode" checked={skipErrors} onChange={() => setSkipErrors(true)} />
          {t("imports.commit.skipErrors")}
        </label>
      </fieldset>
      {nothing ? (
        <p className="form-hint">{t("imports.commit.nothing")}</p>
      ) : (
        blocked && <p className="form-hint">{t("imports.commit.blocked", { count: n(preview.errorRows) })}</p>
      )}
      {commit.isError && <ErrorState message={errorMessage(commit.error)} />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={blocked || nothing || commit.isPending}>
          {t("imports.commit", { count: n(preview.ready) })}
        </button>
      </div>
      {commit.isPending && (
        <ServerProgressBar server={server} counting="imports.writingCount" waiting="imports.writing" />
      )}
    </form>
  );
}

/** What the commit wrote, with the way to its records and to another file; takes the focus. */
function CommitResult(props: {
  preview: TImportPreview;
  result: { created: number; skipped: number };
  onAgain: () => void;
}) {
  const { t, locale } = useI18n();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const { preview, result } = props;
  const n = (v: number) => formatNumber(v, locale);
  return (
    <section className="import-result" aria-label={t("imports.step.commit")}>
      <h3 ref={heading} tabIndex={-1}>
        {t("imports.step.commit")}
      </h3>
      <p role="status">{t("imports.result", { created: n(result.created), skipped: n(result.skipped) })}</p>
      <p className="form-actions">
        {result.created > 0 && (
          <Link className="button" to={recordsOfBatch(preview.kind, preview.batchId)}>
            {t("imports.result.link")}
          </Link>
        )}
        <button type="button" onClick={props.onAgain}>
          {t("imports.again")}
        </button>
      </p>
    </section>
  );
}
