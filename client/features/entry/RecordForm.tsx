import type { ModelCategory } from "@qt/shared/domain";
import { todayIso } from "@qt/shared/schemas/common";
import { requiredFields } from "@qt/shared/schemas/required";
import { choices } from "@qt/shared/vocabulary";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import { DateField } from "../../components/DateField.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { type FormSchema, useSchemaForm } from "../../components/useSchemaForm.ts";
import { readError } from "../../errors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";
import { AreaPicker, areaPickerDay, describedBy, Field, NumberInput } from "./inputs.tsx";
import { type LinkedSiteFields, linkedSite, type SiteChoice, SitePicker } from "./SitePicker.tsx";
import { type EntryRow, type FieldSpec, type FormConfig, labelKey, toInput, toValues, type Values } from "./spec.ts";
import type { Saved } from "./types.ts";

/** Where the form sends its input: the create or the update procedure, with that procedure's schema. */
export type SaveTarget<TInput> = { schema: FormSchema<TInput>; save: (input: TInput) => Promise<Saved> };

/**
 * Create/edit form of a record, driven by its field specs and the shared schemas: field-level
 * messages from the schema before sending and from the server after; unsaved-changes guard; on
 * CONFLICT the changes of the colleague are shown and the user's edit can be re-applied.
 */
export function RecordForm<Row extends EntryRow & LinkedSiteFields, TInput>(props: {
  config: FormConfig<Row>;
  record: Row | null;
  target: SaveTarget<TInput>;
  /** A district editor's new records start in their district. */
  defaultDistrict?: string;
  /** A commune officer's new records start in their commune (issue 22). */
  defaultArea?: string;
  loadCurrent: (id: number) => Promise<Row>;
  onDone: (saved: Saved | null) => void;
}) {
  const { t, locale, modelType } = useI18n();
  const trpc = useTRPC();
  const { config } = props;
  const [base, setBase] = useState(() => {
    const initial = toValues(config.fields, props.record);
    if (!props.record && props.defaultDistrict) initial.districtCode = props.defaultDistrict;
    if (!props.record && props.defaultArea) initial.areaCode = props.defaultArea;
    return { record: props.record, initial };
  });
  const types = useQuery({
    ...trpc.modelTypes.list.queryOptions(undefined, { staleTime: 300_000 }),
    enabled: config.fields.some((f) => f.kind === "modelType"),
  });
  const form = useSchemaForm<Values, TInput>({
    schema: props.target.schema,
    defaultValues: base.initial,
    // Runs at submit, when `category` (below) is that of the model type chosen by then.
    toInput: (v) => {
      const rec = base.record;
      return toInput(config, v, category, rec ? { initial: base.initial, id: rec.id, version: rec.version } : null);
    },
  });
  const values = form.watch();
  const { errors, isSubmitting } = form.formState;
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Row | null>(null);
  const [confirmLeave, setConfirmLeave] = useState(false);
  /** Names of the sites the form has shown, by id: the linked one, then each one picked. */
  const [sites, setSites] = useState<Record<string, SiteChoice>>(() => siteNames({}, props.record));
  const siteFields = config.fields.filter((f) => f.kind === "site").map((f) => f.name);
  const dirty = Object.keys(values).some((k) => (values[k] ?? "") !== (base.initial[k] ?? ""));
  const category: ModelCategory | undefined = types.data?.items.find(
    (m) => String(m.id) === values.modelTypeId,
  )?.category;

  useEffect(() => {
    if (!dirty) return;
    // The browser's own "leave site?" prompt when closing or reloading with unsaved input.
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const set = (name: string, v: string) => form.setValue(name, v);
  const message = (name: string) => errors[name]?.message;

  const submit = form.handleSubmit(async (input) => {
    try {
      props.onDone(await props.target.save(input));
    } catch (err) {
      const { code, message, fields } = readError(err);
      const rec = base.record;
      if (code === "CONFLICT" && rec) setConflict(await props.loadCurrent(rec.id).catch(() => null));
      else for (const [name, text] of Object.entries(fields)) form.setError(name, { type: "server", message: text });
      setFormError(message);
    }
  });

  /** Takes the colleague's version as the new base and puts the user's own changes back on top. */
  function reapply(current: Row) {
    const theirs = toValues(config.fields, current);
    const mine = Object.fromEntries(Object.entries(values).filter(([k, v]) => v !== (base.initial[k] ?? "")));
    setBase({ record: current, initial: theirs });
    setSites((old) => siteNames(old, current));
    form.reset({ ...theirs, ...mine });
    setConflict(null);
    setFormError(null);
  }

  const theirChanges = conflict
    ? Object.entries(toValues(config.fields, conflict)).filter(([k, v]) => v !== (base.initial[k] ?? ""))
    : [];
  const conflictSites = siteNames(sites, conflict);
  /** A value as the conflict list shows it: a site by its name rather than its id. */
  const shown = (k: string, v: string) => (siteFields.some((n) => n === k) ? (conflictSites[v]?.name ?? v) : v) || "—";

  const required = requiredFields(props.target.schema);
  const renderField = (f: FieldSpec<Row>) => {
    if (f.show && !f.show(category)) return null;
    const id = f.name;
    const value = values[f.name] ?? "";
    const error = message(f.name);
    const common = {
      id,
      "aria-required": required.has(f.name) || undefined,
      "aria-invalid": error ? true : undefined,
      "aria-describedby": describedBy(id, error),
    } as const;
    if (f.kind === "site")
      return (
        <SitePicker
          key={f.name}
          id={id}
          label={t(labelKey(f.name))}
          areaCode={values.areaCode ?? ""}
          value={value ? (sites[value] ?? null) : null}
          prefer={f.prefer}
          error={error}
          onChange={(site) => {
            if (site) setSites((old) => ({ ...old, [site.id]: site }));
            set(f.name, site ? String(site.id) : "");
          }}
        />
      );
    let control: ReactNode;
    if (f.kind === "number")
      control = <NumberInput id={id} value={value} error={error} onChange={(v) => set(f.name, v)} />;
    else if (f.kind === "textarea")
      control = <textarea {...common} value={value} onChange={(e) => set(f.name, e.target.value)} />;
    else if (f.kind === "select" || f.kind === "modelType") {
      const options =
        f.kind === "modelType"
          ? (types.data?.items ?? []).map((m) => ({ value: String(m.id), label: modelType(m) }))
          : f.vocabulary
            ? choices(f.vocabulary, locale)
            : [];
      control = (
        <select {...common} value={value} onChange={(e) => set(f.name, e.target.value)}>
          <option value="">{t("entry.choose")}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
    } else if (f.kind === "date")
      // Typed in the product's language with a calendar beside it, and a one-tap "today" (issue 22).
      control = (
        <span className="date-with-today">
          <DateField {...common} max={todayIso()} value={value} onChange={(v) => set(f.name, v)} />
          <button type="button" onClick={() => set(f.name, todayIso())}>
            {t("entry.date.today")}
          </button>
        </span>
      );
    else
      control = (
        <input
          {...common}
          inputMode={f.kind === "year" ? "numeric" : undefined}
          value={value}
          onChange={(e) => set(f.name, e.target.value)}
        />
      );
    return (
      <Field key={f.name} id={id} label={t(labelKey(f.name))} error={error} required={required.has(f.name)}>
        {control}
      </Field>
    );
  };

  const dateText = config.dateField
    ? values[config.dateField] || null
    : config.yearField
      ? areaPickerDay(values[config.yearField] ?? "")
      : null;
  return (
    <form
      className="entry-form"
      onSubmit={(e) => {
        setFormError(null);
        void submit(e);
      }}
      noValidate
      aria-label={t(props.record ? "entry.form.edit" : "entry.form.new")}
    >
      <h3>{t(props.record ? "entry.form.edit" : "entry.form.new")}</h3>
      {conflict && (
        <section className="entry-conflict" aria-label={t("entry.conflict.title")}>
          <h4>{t("entry.conflict.title")}</h4>
          <ul>
            {theirChanges.map(([k, v]) => (
              <li key={k}>
                {t("entry.conflict.change", {
                  field: t(labelKey(k)),
                  before: shown(k, base.initial[k] ?? ""),
                  after: shown(k, v),
                })}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => reapply(conflict)}>
            {t("entry.conflict.reapply")}
          </button>
        </section>
      )}
      <p className="muted">{t("entry.requiredNote")}</p>
      <div className="entry-grid">
        {config.fields.filter((f) => f.kind === "modelType").map(renderField)}
        <AreaPicker
          districtCode={values.districtCode ?? ""}
          areaCode={values.areaCode ?? ""}
          on={dateText}
          allowNone={config.areaOptional}
          required={required.has("areaCode")}
          errors={{ districtCode: message("districtCode"), areaCode: message("areaCode") }}
          onChange={(v) => {
            // A linked site lies in the record's area: another area unlinks it.
            if (v.areaCode !== values.areaCode) for (const n of siteFields) set(n, "");
            set("districtCode", v.districtCode);
            set("areaCode", v.areaCode);
          }}
        />
        {config.fields.filter((f) => f.kind !== "modelType").map(renderField)}
      </div>
      {confirmLeave ? (
        <div className="entry-actions" role="alertdialog" aria-label={t("entry.unsaved")}>
          <p>{t("entry.unsaved")}</p>
          <button type="button" onClick={() => props.onDone(null)}>
            {t("entry.unsaved.discard")}
          </button>
          <button type="button" onClick={() => setConfirmLeave(false)}>
            {t("entry.unsaved.keep")}
          </button>
        </div>
      ) : (
        <div className="entry-actions">
          {/* The refusal by the button that caused it, focused (issue 22): a lock, a conflict, a scope. */}
          <FormAlert message={formError} />
          <button type="submit" className="primary" disabled={isSubmitting || !!conflict}>
            {t("entry.save")}
          </button>
          <button type="button" onClick={() => (dirty ? setConfirmLeave(true) : props.onDone(null))}>
            {t("entry.cancel")}
          </button>
        </div>
      )}
    </form>
  );
}

function siteNames(known: Record<string, SiteChoice>, record: LinkedSiteFields | null): Record<string, SiteChoice> {
  const site = linkedSite(record);
  return site ? { ...known, [site.id]: site } : known;
}
