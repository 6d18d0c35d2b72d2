import type { ImportField, TImportPreview } from "@qt/shared/schemas/imports";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { CommitPanel } from "../features/imports/CommitPanel.tsx";
import { ImportHistory } from "../features/imports/ImportHistory.tsx";
import { MappingEditor } from "../features/imports/MappingEditor.tsx";
import { PreviewRows } from "../features/imports/PreviewRows.tsx";
import { UploadForm } from "../features/imports/UploadForm.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useTRPC } from "../trpc.ts";
// The screen's own styles load with its chunk.
import "../features/imports/imports.css";

/**
 * Import from Excel/CSV (issue 12): the file, the column mapping, the preview of every row, the
 * commit; below, the history of imports with undo. Nothing is written before the commit.
 */
export default function ImportsRoute() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [preview, setPreview] = useState<TImportPreview | null>(null);
  const [auto, setAuto] = useState<(ImportField | null)[]>([]);
  const [returned, setReturned] = useState(false);
  const uploaded = (p: TImportPreview) => {
    setPreview(p);
    setAuto(p.columns.map((c) => c.field));
  };
  const another = () => {
    setPreview(null);
    setReturned(true);
  };
  const remapped = (p: TImportPreview) => {
    setPreview(p);
    // The rows of the batch were checked again (a new mapping, an accepted name): their pages load anew.
    void queryClient.invalidateQueries(trpc.imports.rows.pathFilter());
  };
  return (
    <main className="imports-screen">
      <h2>{t("imports.heading")}</h2>
      <p>{t("imports.intro")}</p>
      {preview === null ? (
        <UploadForm onPreview={uploaded} focus={returned} />
      ) : (
        <div className="import-steps" key={preview.batchId}>
          <p className="form-actions">
            <button type="button" onClick={another}>
              {t("imports.other")}
            </button>
          </p>
          <MappingEditor preview={preview} auto={auto} onApplied={remapped} />
          <PreviewRows preview={preview} onAccepted={remapped} />
          <CommitPanel preview={preview} onAgain={another} />
        </div>
      )}
      <ImportHistory />
    </main>
  );
}
