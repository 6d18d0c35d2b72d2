import { formatNumber } from "@qt/shared/format";
import { messageOf } from "@qt/shared/messages/index";
import { type ImportKind, ZImportUndoInput } from "@qt/shared/schemas/imports";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { errorMessage } from "../../errors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";
import { useImportChanged } from "./useImportChanged.ts";

type Batch = { batchId: number; kind: ImportKind; fileName: string };

/** Undo of one import: a reason is required; the answer says what was removed and what was kept and why. */
export function UndoForm({ batch, onClose }: { batch: Batch; onClose: () => void }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const changed = useImportChanged();
  const [reason, setReason] = useState("");
  const [invalid, setInvalid] = useState<string | null>(null);
  const undo = useMutation(trpc.imports.undo.mutationOptions({ onSuccess: () => changed(batch.kind) }));
  const title = t("imports.undo.label", { file: batch.fileName });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // The procedure's own schema: the same message the server would give, before anything is sent.
    const parsed = ZImportUndoInput.safeParse({ batchId: batch.batchId, reason });
    if (!parsed.success) return setInvalid(messageOf(parsed.error.issues[0]?.message ?? "", locale));
    setInvalid(null);
    undo.mutate(parsed.data);
  };
  if (undo.isSuccess) {
    const { removed, kept } = undo.data;
    return (
      <div className="import-undo" role="status">
        <p>{t("imports.undo.done", { removed: formatNumber(removed, locale) })}</p>
        {kept.length > 0 && (
          <>
            <p>{t("imports.undo.kept", { count: formatNumber(kept.length, locale) })}</p>
            <ul>
              {kept.map((k) => (
                <li key={k.id}>{t("imports.undo.keptItem", { id: k.id, reason: k.message })}</li>
              ))}
            </ul>
          </>
        )}
        <button type="button" onClick={onClose}>
          {t("imports.undo.close")}
        </button>
      </div>
    );
  }
  const error = invalid ?? (undo.isError ? errorMessage(undo.error) : null);
  return (
    <form className="import-undo" aria-label={title} onSubmit={submit}>
      <p className="form-hint">{t("imports.undo.hint")}</p>
      <label>
        {t("imports.undo.reason")}
        <input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={error !== null}
          aria-describedby={error ? `undo-error-${batch.batchId}` : undefined}
          // biome-ignore lint/a11y/noAutofocus: the form opens on the user's click; the reason is what they type next
          autoFocus
        />
      </label>
      {error && (
        <p className="form-error" role="alert" id={`undo-error-${batch.batchId}`}>
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="danger" disabled={undo.isPending}>
          {t("imports.undo.confirm")}
        </button>
        <button type="button" onClick={onClose}>
          {t("imports.undo.cancel")}
        </button>
      </div>
    </form>
  );
}
