import type { TDashboardOptions } from "@qt/shared/schemas/dashboard";
import { TARGET_MEASURES, type TargetMeasure, type TTargetSetInput } from "@qt/shared/schemas/targets";
import { formerUnitName } from "@qt/shared/unit-names";
import { type FormEvent, useId, useState } from "react";
import { FormAlert } from "../../components/FormAlert.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";

export type TargetDraft = { measure: TargetMeasure; value: string; unitCode: string; modelTypeCode: string };
export const emptyTarget = (): TargetDraft => ({
  measure: "coveredCommunes",
  value: "",
  unitCode: "",
  modelTypeCode: "",
});

/**
 * One target of the year: measure, value, and optionally the unit (a former district or a commune
 * of today) and, for sites, the model type. Editing an existing target keeps its key: only the
 * value changes (another key is another target).
 */
export function TargetForm(props: {
  year: number;
  initial: TargetDraft;
  editing: boolean;
  options: TDashboardOptions;
  busy: boolean;
  error: string | null;
  onSave: (input: TTargetSetInput) => void;
  onCancel: () => void;
}) {
  const { t, locale, modelType } = useI18n();
  const id = useId();
  const [d, setD] = useState(props.initial);
  const set = (patch: Partial<TargetDraft>) => setD((x) => ({ ...x, ...patch }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // The server's schema says what is wrong with a value (negative, fractional, …) in the user's language.
    const value = d.value.trim() === "" ? Number.NaN : Number(d.value.replace(/\./g, "").replace(",", "."));
    props.onSave({
      year: props.year,
      measure: d.measure,
      value,
      ...(d.unitCode ? { unitCode: d.unitCode } : {}),
      ...(d.measure === "sites" && d.modelTypeCode ? { modelTypeCode: d.modelTypeCode } : {}),
    });
  };
  const locked = props.editing;
  return (
    <form
      className="target-form"
      aria-label={t(locked ? "targets.screen.editTitle" : "targets.screen.addTitle")}
      onSubmit={submit}
    >
      <h3>{t(locked ? "targets.screen.editTitle" : "targets.screen.addTitle")}</h3>
      <label htmlFor={`${id}-m`}>{t("targets.screen.measure")}</label>
      <select
        id={`${id}-m`}
        value={d.measure}
        disabled={locked}
        onChange={(e) => set({ measure: e.target.value as TargetMeasure })}
      >
        {TARGET_MEASURES.map((m) => (
          <option key={m} value={m}>
            {t(`targets.measure.${m}`)}
          </option>
        ))}
      </select>
      {d.measure === "sites" && (
        <>
          <label htmlFor={`${id}-t`}>{t("targets.screen.modelType")}</label>
          <select
            id={`${id}-t`}
            value={d.modelTypeCode}
            disabled={locked}
            onChange={(e) => set({ modelTypeCode: e.target.value })}
          >
            <option value="">{t("targets.screen.modelType.all")}</option>
            {props.options.modelTypes.map((m) => (
              <option key={m.code} value={m.code}>
                {modelType(m)}
              </option>
            ))}
          </select>
        </>
      )}
      <label htmlFor={`${id}-u`}>{t("targets.screen.unit")}</label>
      <select id={`${id}-u`} value={d.unitCode} disabled={locked} onChange={(e) => set({ unitCode: e.target.value })}>
        <option value="">{t("targets.screen.unit.province")}</option>
        <optgroup label={t("targets.screen.unit.communes")}>
          {props.options.communes.map((c) => (
            <option key={`c${c.code}`} value={c.code}>
              {c.name}
            </option>
          ))}
        </optgroup>
        <optgroup label={t("targets.screen.unit.districts")}>
          {props.options.districts.map((c) => (
            <option key={`d${c.code}`} value={c.code}>
              {formerUnitName(c.name, locale)}
            </option>
          ))}
        </optgroup>
      </select>
      <label htmlFor={`${id}-v`}>{t("targets.screen.value")}</label>
      <input
        id={`${id}-v`}
        inputMode="numeric"
        value={d.value}
        onChange={(e) => set({ value: e.target.value })}
        required
      />
      <FormAlert message={props.error} />
      <div className="form-buttons">
        <button type="submit" className="primary" disabled={props.busy}>
          {t("targets.screen.save")}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t("targets.screen.cancel")}
        </button>
      </div>
    </form>
  );
}
