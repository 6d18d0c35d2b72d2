import { IMPORT_FIELDS, IMPORT_REQUIRED, type ImportField, type TImportPreview } from "@qt/shared/schemas/imports";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ScrollTable } from "../../components/ColumnHeads.tsx";
import { ErrorState } from "../../components/QueryState.tsx";
import { errorMessage } from "../../errors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";
import { fieldLabelKey } from "./fields.ts";
import { ProgressBar } from "./ProgressBar.tsx";
import { useFocusOnMount } from "./useFocusOnMount.ts";

/**
 * Step 2: each column of the file and the field it fills, as the server matched it from the
 * header; a change is checked again on the server (imports.remap) only when applied, since a
 * large file takes seconds to check.
 */
export function MappingEditor(props: {
  preview: TImportPreview;
  /** The mapping the server chose on upload, marked as such. */
  auto: (ImportField | null)[];
  onApplied: (p: TImportPreview) => void;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const { preview } = props;
  const [mapping, setMapping] = useState(() => preview.columns.map((c) => c.field));
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const remap = useMutation(trpc.imports.remap.mutationOptions({ onSuccess: props.onApplied }));
  const fields: readonly ImportField[] = IMPORT_FIELDS[preview.kind];
  const required: readonly ImportField[] = IMPORT_REQUIRED[preview.kind];
  const changed = mapping.some((f, i) => f !== preview.columns[i]?.field);
  const fieldName = (f: ImportField) => `${t(fieldLabelKey(f))}${required.includes(f) ? " *" : ""}`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    remap.mutate({ batchId: preview.batchId, mapping });
  };
  return (
    <form className="import-mapping" aria-label={t("imports.step.mapping")} onSubmit={submit}>
      <h3 ref={heading} tabIndex={-1}>
        {t("imports.step.mapping")}
      </h3>
      <p className="form-hint">{t("imports.mapping.hint")}</p>
      <ScrollTable heads={["imports.mapping.column", "imports.mapping.field"]} className="entry-table">
        {preview.columns.map((c, i) => {
          const label = `${c.letter}: ${c.header}`;
          return (
            <tr key={c.letter}>
              <th scope="row">{label}</th>
              <td>
                <select
                  aria-label={t("imports.mapping.fieldOf", { column: label })}
                  value={mapping[i] ?? ""}
                  onChange={(e) => {
                    const next = [...mapping];
                    next[i] = (e.target.value || null) as ImportField | null;
                    setMapping(next);
                  }}
                >
                  <option value="">{t("imports.mapping.ignore")}</option>
                  {fields.map((f) => (
                    <option key={f} value={f}>
                      {fieldName(f)}
                      {props.auto[i] === f ? ` ${t("imports.mapping.auto")}` : ""}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          );
        })}
      </ScrollTable>
      {changed && <p className="form-hint">{t("imports.mapping.changed")}</p>}
      {remap.isError && <ErrorState message={errorMessage(remap.error)} />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={!changed || remap.isPending}>
          {t("imports.mapping.apply")}
        </button>
      </div>
      {remap.isPending && <ProgressBar text={t("imports.reading")} />}
    </form>
  );
}
