import { message } from "@qt/shared/messages/index";
import { IMPORT_KINDS, type ImportKind, type TImportPreview, ZImportPreview } from "@qt/shared/schemas/imports";
import { type FormEvent, useContext, useEffect, useRef, useState } from "react";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { templateUrl } from "./fields.ts";
import { ProgressBar, ServerProgressBar } from "./ProgressBar.tsx";
import { UploadError, UploaderContext, type UploadProgress } from "./upload.ts";
import { useServerProgress } from "./useServerProgress.ts";

/** Step 1: the kind, its template, the file; the upload with its progress; the server's first preview. */
export function UploadForm({ onPreview, focus }: { onPreview: (p: TImportPreview) => void; focus: boolean }) {
  const { t, locale } = useI18n();
  const upload = useContext(UploaderContext);
  const [kind, setKind] = useState<ImportKind>("sites");
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progressId, setProgressId] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);
  // Back from a preview ("another file"): the keyboard continues here, not at the top of the page.
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setError(t("imports.file.none"));
    setError(null);
    setProgress({ loaded: 0, total: file.size });
    const id = randomId();
    setProgressId(id);
    try {
      const body = await upload({ kind, progressId: id, file, locale, onProgress: setProgress });
      onPreview(ZImportPreview.parse(body));
    } catch (err) {
      setError(err instanceof UploadError ? err.message : message("network.badResponse", {}, locale));
    } finally {
      setProgress(null);
    }
  };

  const sent = progress && progress.total > 0 ? progress.loaded / progress.total : 0;
  const reading = progress !== null && sent >= 1;
  const server = useServerProgress(reading ? `upload=${progressId}` : null);
  return (
    <form className="import-upload" aria-label={t("imports.step.file")} onSubmit={submit}>
      <h3 ref={heading} tabIndex={-1}>
        {t("imports.step.file")}
      </h3>
      <fieldset className="import-kinds">
        <legend>{t("imports.kind")}</legend>
        {IMPORT_KINDS.map((k) => (
          <label key={k}>
            <input type="radio" name="import-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            {t(`imports.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      <p>
        <a className="button secondary" href={templateUrl(kind, locale)} download>
          {t("imports.template", { kind: t(`imports.kind.${kind}`) })}
        </a>
      </p>
      <label className="import-file">
        {t("imports.file")}
        <input
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={progress !== null}>
          {t("imports.upload")}
        </button>
      </div>
      {progress &&
        (sent < 1 ? (
          <ProgressBar value={sent} text={t("imports.uploading", { percent: Math.floor(sent * 100) })} />
        ) : (
          <ServerProgressBar server={server} counting="imports.checking" waiting="imports.reading" />
        ))}
    </form>
  );
}

/**
 * 24 random hex digits naming the upload for its progress; getRandomValues, since randomUUID exists
 * only in secure contexts and the app is often served over plain HTTP on an office network.
 */
const randomId = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, "0")).join("");
