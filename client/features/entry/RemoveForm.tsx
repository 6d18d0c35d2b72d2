import { ZRemoveInput } from "@qt/shared/schemas/common";
import { type FormEvent, useState } from "react";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { readError, zodFieldErrors } from "./errors.ts";
import { describedBy, Field } from "./inputs.tsx";

/** Soft delete needs a reason, kept in the audit trail; the version guards against a concurrent edit. */
export function RemoveForm(props: {
  id: number;
  version: number;
  remove: (input: { id: number; version: number; reason: string }) => Promise<unknown>;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = ZRemoveInput.safeParse({ id: props.id, version: props.version, reason });
    if (!parsed.success) {
      setError(zodFieldErrors(parsed.error).reason);
      return;
    }
    try {
      await props.remove(parsed.data);
      props.onDone();
    } catch (err) {
      const r = readError(err);
      setError(r.fields.reason ?? r.message);
    }
  }
  return (
    <form className="entry-remove" onSubmit={submit} noValidate aria-label={t("entry.remove.title")}>
      <Field id={`reason-${props.id}`} label={t("entry.remove.reason")} error={error}>
        <input
          id={`reason-${props.id}`}
          value={reason}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(`reason-${props.id}`, error)}
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
      <button type="submit">{t("entry.remove.confirm")}</button>
      <button type="button" onClick={props.onDone}>
        {t("entry.cancel")}
      </button>
    </form>
  );
}
