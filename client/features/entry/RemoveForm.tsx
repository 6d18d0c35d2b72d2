import { ZRemoveInput } from "@qt/shared/schemas/common";
import { useSchemaForm } from "../../components/useSchemaForm.ts";
import { readError } from "../../errors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { describedBy, Field, SubmitOrCancel } from "./inputs.tsx";

/** Soft delete needs a reason, kept in the audit trail; the version guards against a concurrent edit. */
export function RemoveForm(props: {
  id: number;
  version: number;
  remove: (input: { id: number; version: number; reason: string }) => Promise<unknown>;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const form = useSchemaForm({
    schema: ZRemoveInput,
    defaultValues: { reason: "" },
    toInput: ({ reason }) => ({ id: props.id, version: props.version, reason }),
  });
  const error = form.formState.errors.reason?.message;
  const submit = form.handleSubmit(async (input) => {
    try {
      await props.remove(input);
      props.onDone();
    } catch (err) {
      const r = readError(err);
      form.setError("reason", { type: "server", message: r.fields.reason ?? r.message });
    }
  });
  const id = `reason-${props.id}`;
  return (
    <form className="entry-remove" onSubmit={submit} noValidate aria-label={t("entry.remove.title")}>
      <Field id={id} label={t("entry.remove.reason")} error={error}>
        <input
          id={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, error)}
          {...form.register("reason")}
        />
      </Field>
      <SubmitOrCancel label={t("entry.remove.confirm")} danger onCancel={props.onDone} />
    </form>
  );
}
