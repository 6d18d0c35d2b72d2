import { LOCALE_HEADER } from "@qt/shared/format";
import type { TTargetImportIssue } from "@qt/shared/schemas/targets";
import { type FormEvent, useId, useState } from "react";
import { ColumnHeads } from "../../components/ColumnHeads.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { CLIENT_HEADER } from "../../trpc.ts";
import { refusalMessage } from "../imports/upload.ts";

/**
 * Targets from the Excel template (decision 056): download the template, upload it filled in. A
 * file with a row in error writes nothing: every refused row is listed, in the user's language.
 */
export function TargetImport({ onDone }: { onDone: (count: number) => void }) {
  const { t, locale } = useI18n();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<TTargetImportIssue[]>([]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setIssues([]);
    try {
      const form = new FormData();
      form.append("file", file);
      const res = await fetch("/api/targets/import", {
        method: "POST",
        body: form,
        headers: { ...CLIENT_HEADER, [LOCALE_HEADER]: locale },
      });
      const body = await res.json().catch(() => null);
      if (res.ok) onDone((body as { written: unknown[] }).written.length);
      else {
        setError(refusalMessage(body, res.status, locale));
        setIssues((body as { issues?: TTargetImportIssue[] } | null)?.issues ?? []);
      }
    } catch {
      setError(refusalMessage(null, 0, locale));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="target-import" aria-label={t("targets.import.heading")} onSubmit={submit}>
      <h3>{t("targets.import.heading")}</h3>
      <p>
        <a href={`/api/targets/template.xlsx?lang=${locale}`} download>
          {t("targets.import.template")}
        </a>
      </p>
      <label htmlFor={id}>{t("targets.import.file")}</label>
      <input
        id={id}
        type="file"
        accept=".xlsx,.csv"
        onChange={(e) => {
          setFile(e.target.files?.[0] ?? null);
          setError(null);
          setIssues([]);
        }}
      />
      <button type="submit" className="primary" disabled={!file || busy}>
        {t("targets.import.send")}
      </button>
      <FormAlert message={error} />
      {issues.length > 0 && (
        <table className="target-issues">
          <caption>{t("targets.import.issues")}</caption>
          <ColumnHeads keys={["targets.import.row", "targets.import.column", "targets.import.problem"]} />
          <tbody>
            {issues.map((i) => (
              <tr key={`${i.row}-${i.column}`}>
                <td>{i.row}</td>
                <td>{i.column ?? "—"}</td>
                <td>{i.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </form>
  );
}
