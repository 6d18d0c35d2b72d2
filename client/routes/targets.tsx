import { formatNumber } from "@qt/shared/format";
import type { TTargetRow, TTargetSetInput } from "@qt/shared/schemas/targets";
import { formerUnitName } from "@qt/shared/unit-names";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Empty, ErrorState, Loading } from "../components/QueryState.tsx";
import { errorMessage } from "../errors.ts";
import { emptyTarget, type TargetDraft, TargetForm } from "../features/targets/TargetForm.tsx";
import { TargetImport } from "../features/targets/TargetImport.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useTRPC } from "../trpc.ts";

type Panel = { kind: "add" } | { kind: "edit"; target: TTargetRow } | { kind: "import" } | null;

const draftOf = (r: TTargetRow): TargetDraft => ({
  measure: r.measure,
  value: String(r.value),
  unitCode: r.unitCode ?? "",
  modelTypeCode: r.modelTypeCode ?? "",
});
const keyOf = (r: TTargetRow) => ({
  year: r.year,
  measure: r.measure,
  ...(r.unitCode ? { unitCode: r.unitCode } : {}),
  ...(r.modelTypeCode ? { modelTypeCode: r.modelTypeCode } : {}),
});

/** The year's targets (chỉ tiêu, decisions 048 and 056): list, add, edit, remove, import (administrators). */
export default function TargetsRoute() {
  const { t, locale, modelType } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const yearId = useId();
  const [year, setYear] = useState(new Date().getFullYear());
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState("");
  const list = useQuery(trpc.targets.list.queryOptions({ year }));
  const options = useQuery(trpc.dashboard.options.queryOptions());
  const changed = (text: string) => {
    setPanel(null);
    setNotice(text);
    void queryClient.invalidateQueries(trpc.targets.pathFilter());
    void queryClient.invalidateQueries(trpc.dashboard.summary.pathFilter());
  };
  const save = useMutation(trpc.targets.set.mutationOptions({ onSuccess: () => changed(t("targets.screen.saved")) }));
  const remove = useMutation(
    trpc.targets.remove.mutationOptions({ onSuccess: () => changed(t("targets.screen.removed")) }),
  );
  const typeName = (code: string) => {
    const m = options.data?.modelTypes.find((x) => x.code === code);
    return m ? modelType(m) : code;
  };
  const open = (p: Panel) => {
    setNotice("");
    save.reset();
    remove.reset();
    setPanel(p);
  };
  const years = Array.from({ length: 8 }, (_, i) => new Date().getFullYear() - 3 + i);
  return (
    <main className="targets-screen">
      <h2>{t("targets.screen.heading")}</h2>
      <div className="targets-toolbar">
        <label htmlFor={yearId}>{t("targets.screen.year")}</label>
        <select id={yearId} value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <button type="button" className="primary" onClick={() => open({ kind: "add" })}>
          {t("targets.screen.add")}
        </button>
        <button type="button" onClick={() => open({ kind: "import" })}>
          {t("targets.import.heading")}
        </button>
      </div>
      {notice && (
        <p role="status" className="form-notice">
          {notice}
        </p>
      )}
      {remove.error && (
        <p role="alert" className="form-error">
          {errorMessage(remove.error)}
        </p>
      )}
      {(panel?.kind === "add" || panel?.kind === "edit") && options.data && (
        <TargetForm
          key={panel.kind === "edit" ? JSON.stringify(keyOf(panel.target)) : "add"}
          year={year}
          initial={panel.kind === "edit" ? draftOf(panel.target) : emptyTarget()}
          editing={panel.kind === "edit"}
          options={options.data}
          busy={save.isPending}
          error={save.error ? errorMessage(save.error) : null}
          onSave={(input: TTargetSetInput) => save.mutate(input)}
          onCancel={() => setPanel(null)}
        />
      )}
      {panel?.kind === "import" && <TargetImport onDone={(count) => changed(t("targets.import.done", { count }))} />}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState message={list.error.message} onRetry={() => list.refetch()} />
      ) : list.data.length === 0 ? (
        <Empty>{t("targets.screen.empty", { year })}</Empty>
      ) : (
        <div className="table-scroll">
          <table className="targets-table">
            <caption>{t("targets.screen.list", { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("targets.screen.measure")}</th>
                <th scope="col">{t("targets.screen.unit")}</th>
                <th scope="col" className="num">
                  {t("targets.screen.value")}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t("targets.screen.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((r) => {
                const name = `${t(`targets.measure.${r.measure}`)}${r.modelTypeCode ? `: ${typeName(r.modelTypeCode)}` : ""}`;
                const unit = r.unitCode
                  ? r.unitName
                    ? formerOrToday(r.unitName, r.unitCode, options.data?.districts ?? [], locale)
                    : r.unitCode
                  : t("targets.screen.unit.province");
                return (
                  <tr key={JSON.stringify(keyOf(r))}>
                    <td>{name}</td>
                    <td>{unit}</td>
                    <td className="num">{formatNumber(r.value, locale)}</td>
                    <td className="row-actions">
                      <button
                        type="button"
                        onClick={() => open({ kind: "edit", target: r })}
                        aria-label={`${t("targets.screen.edit")}: ${name}, ${unit}`}
                      >
                        {t("targets.screen.edit")}
                      </button>{" "}
                      <button
                        type="button"
                        className="danger"
                        aria-label={`${t("targets.screen.remove")}: ${name}, ${unit}`}
                        onClick={() => {
                          if (window.confirm(t("targets.screen.removeConfirm", { name, unit }))) {
                            open(null);
                            remove.mutate(keyOf(r));
                          }
                        }}
                      >
                        {t("targets.screen.remove")}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}

/** A former district is named "Huyện … (cũ)"; a commune of today by its own name. */
function formerOrToday(name: string, code: string, districts: { code: string }[], locale: "vi" | "en") {
  return districts.some((d) => d.code === code) ? formerUnitName(name, locale) : name;
}
