import { MODEL_CATEGORIES } from "@qt/shared/domain";
import type { TModelType } from "@qt/shared/schemas/model-types";
import { useState } from "react";
import { type FormSchema, useSchemaForm } from "../../components/useSchemaForm.ts";
import { readError } from "../../errors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { describedBy, Field, SubmitOrCancel } from "./inputs.tsx";

type Text = { code: string; name: string; category: string; description: string };

/**
 * Create or edit a model type (admins): the code is fixed once created, other tools rely on it.
 * `target` is the create or the update procedure with its schema; an update sends no code.
 */
export function ModelTypeForm<TInput>(props: {
  type: TModelType | null;
  target: { schema: FormSchema<TInput>; save: (input: TInput) => Promise<unknown> };
  onDone: () => void;
}) {
  const { t, label } = useI18n();
  const { type } = props;
  const form = useSchemaForm<Text, TInput>({
    schema: props.target.schema,
    defaultValues: {
      code: type?.code ?? "",
      name: type?.name ?? "",
      category: type?.category ?? "",
      description: type?.description ?? "",
    },
    toInput: ({ code, ...rest }) => {
      const category = rest.category || undefined;
      return type ? { id: type.id, version: type.version, ...rest, category } : { code, ...rest, category };
    },
  });
  const { errors } = form.formState;
  const [formError, setFormError] = useState<string | null>(null);
  const submit = form.handleSubmit(async (input) => {
    try {
      await props.target.save(input);
      props.onDone();
    } catch (err) {
      const r = readError(err);
      for (const [name, text] of Object.entries(r.fields)) form.setError(name as keyof Text, { message: text });
      setFormError(r.message);
    }
  });

  const input = (name: "code" | "name" | "description") => (
    <Field id={`mt-${name}`} label={t(`entry.modelType.${name}`)} error={errors[name]?.message}>
      <input
        id={`mt-${name}`}
        disabled={name === "code" && type !== null}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={describedBy(`mt-${name}`, errors[name]?.message)}
        {...form.register(name)}
      />
    </Field>
  );
  return (
    <form
      className="entry-form"
      onSubmit={submit}
      noValidate
      aria-label={t(type ? "entry.form.edit" : "entry.form.new")}
    >
      {formError && (
        <div className="state state-error" role="alert">
          <p>{formError}</p>
        </div>
      )}
      <div className="entry-grid">
        {input("code")}
        {input("name")}
        <Field id="mt-category" label={t("entry.field.category")} error={errors.category?.message}>
          <select
            id="mt-category"
            aria-invalid={errors.category ? true : undefined}
            aria-describedby={describedBy("mt-category", errors.category?.message)}
            {...form.register("category")}
          >
            <option value="">{t("entry.choose")}</option>
            {MODEL_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {label("category", c)}
              </option>
            ))}
          </select>
        </Field>
        {input("description")}
      </div>
      <div className="entry-actions">
        <SubmitOrCancel label={t("entry.save")} onCancel={props.onDone} />
      </div>
    </form>
  );
}
