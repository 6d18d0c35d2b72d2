import { MODEL_CATEGORIES } from "@qt/shared/domain";
import { ZModelTypeCreateInput, ZModelTypeUpdateInput } from "@qt/shared/schemas/model-types";
import { type FormEvent, useState } from "react";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { type FieldErrors, readError, zodFieldErrors } from "./errors.ts";
import { describedBy, Field } from "./inputs.tsx";

type TypeRow = { id: number; version: number; code: string; name: string; category: string; description: string };

/** Create or edit a model type (admins): the code is fixed once created, other tools rely on it. */
export function ModelTypeForm(props: {
  type: TypeRow | null;
  save: (input: Record<string, unknown>) => Promise<unknown>;
  onDone: () => void;
}) {
  const { t, label } = useI18n();
  const [v, setV] = useState({
    code: props.type?.code ?? "",
    name: props.type?.name ?? "",
    category: props.type?.category ?? "",
    description: props.type?.description ?? "",
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const { code, ...rest } = v;
    const input = props.type
      ? { id: props.type.id, version: props.type.version, ...rest, category: rest.category || undefined }
      : { ...v, category: v.category || undefined };
    const parsed = (props.type ? ZModelTypeUpdateInput : ZModelTypeCreateInput).safeParse(input);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    try {
      await props.save(input);
      props.onDone();
    } catch (err) {
      const r = readError(err);
      setErrors(r.fields);
      setFormError(r.message);
    }
  }

  const input = (name: "code" | "name" | "description") => (
    <Field id={`mt-${name}`} label={t(`entry.modelType.${name}`)} error={errors[name]}>
      <input
        id={`mt-${name}`}
        value={v[name]}
        disabled={name === "code" && props.type !== null}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={describedBy(`mt-${name}`, errors[name])}
        onChange={(e) => setV({ ...v, [name]: e.target.value })}
      />
    </Field>
  );
  return (
    <form
      className="entry-form"
      onSubmit={submit}
      noValidate
      aria-label={t(props.type ? "entry.form.edit" : "entry.form.new")}
    >
      {formError && (
        <div className="state state-error" role="alert">
          <p>{formError}</p>
        </div>
      )}
      <div className="entry-grid">
        {input("code")}
        {input("name")}
        <Field id="mt-category" label={t("entry.field.category")} error={errors.category}>
          <select
            id="mt-category"
            value={v.category}
            aria-invalid={errors.category ? true : undefined}
            aria-describedby={describedBy("mt-category", errors.category)}
            onChange={(e) => setV({ ...v, category: e.target.value })}
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
        <button type="submit">{t("entry.save")}</button>
        <button type="button" onClick={props.onDone}>
          {t("entry.cancel")}
        </button>
      </div>
    </form>
  );
}
