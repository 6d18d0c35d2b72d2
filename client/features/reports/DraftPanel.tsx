import { messageOf } from "@qt/shared/messages/index";
import { ZReportDraftCreateInput } from "@qt/shared/schemas/report-drafts";
import { NARRATIVE_SECTIONS, type TNarrative } from "@qt/shared/schemas/reports";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";
import { type DraftState, draftDirty, newDraft, openedDraft } from "./formState.ts";

type Props = {
  scope: { fromYear: number; toYear: number; districtCodes: string[] };
  /** The heading fields of the builder, saved with the draft. */
  heading: { supervisingBody: string; issuingBody: string; signerTitle: string; signerName: string };
  value: DraftState;
  onChange: (next: DraftState) => void;
  /** A draft was opened: the builder takes its heading fields. */
  onOpened: (heading: Props["heading"]) => void;
  /** Admins and province editors; everyone else reads. */
  canSave: boolean;
};

/**
 * The written parts of the report (Đánh giá chung … Đề xuất, kiến nghị): named drafts of the chosen
 * scope and period, opened, edited and saved under the version they were opened at.
 */
export function DraftPanel({ scope, heading, value, onChange, onOpened, canSave }: Props) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pickId = useId();
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const list = useQuery(trpc.reports.drafts.list.queryOptions(scope));
  const done = (text: string) => {
    setMessage({ error: false, text });
    return queryClient.invalidateQueries(trpc.reports.drafts.list.pathFilter());
  };
  const failed = (err: { message: string }) => setMessage({ error: true, text: err.message });
  const create = useMutation(trpc.reports.drafts.create.mutationOptions());
  const update = useMutation(trpc.reports.drafts.update.mutationOptions());
  const remove = useMutation(trpc.reports.drafts.remove.mutationOptions());
  const busy = create.isPending || update.isPending || remove.isPending;

  const open = async (id: number) => {
    setMessage(null);
    if (!id) return onChange(newDraft());
    try {
      const d = await queryClient.fetchQuery({ ...trpc.reports.drafts.get.queryOptions({ id }), staleTime: 0 });
      onChange(openedDraft(d));
      onOpened(d);
    } catch (err) {
      failed(err as Error);
    }
  };
  const save = async (asNew: boolean) => {
    const input = { ...scope, ...heading, name: value.name, narrative: value.narrative };
    // The procedure's own schema: a wrong field is explained before anything is sent.
    const parsed = ZReportDraftCreateInput.safeParse(input);
    if (!parsed.success) return failed({ message: messageOf(parsed.error.issues[0]?.message ?? "", locale) });
    try {
      const saved =
        value.saved && !asNew
          ? await update.mutateAsync({ ...input, id: value.saved.id, version: value.saved.version })
          : await create.mutateAsync(input);
      onChange(openedDraft(saved));
      await done(t("reports.draft.saved", { version: saved.version }));
    } catch (err) {
      failed(err as Error);
    }
  };
  const drop = async () => {
    const saved = value.saved;
    if (!saved || !window.confirm(t("reports.draft.confirmRemove", { name: saved.name }))) return;
    try {
      await remove.mutateAsync({ id: saved.id, version: saved.version });
      onChange(newDraft());
      await done(t("reports.draft.removed"));
    } catch (err) {
      failed(err as Error);
    }
  };
  const setText = (key: keyof TNarrative, text: string) =>
    onChange({ ...value, narrative: { ...value.narrative, [key]: text } });

  return (
    <fieldset className="report-draft">
      <legend>{t("reports.draft.legend")}</legend>
      <label htmlFor={pickId}>{t("reports.draft.pick")}</label>
      <select id={pickId} value={value.saved?.id ?? 0} onChange={(e) => open(Number(e.target.value))}>
        <option value={0}>{t("reports.draft.none")}</option>
        {list.data?.items.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </select>
      <label>
        {t("reports.draft.name")}
        <input
          type="text"
          value={value.name}
          readOnly={!canSave}
          onChange={(e) => onChange({ ...value, name: e.target.value })}
        />
      </label>
      {NARRATIVE_SECTIONS.map((key) => (
        <label key={key}>
          {t(`reports.narrative.${key}`)}
          <textarea
            rows={4}
            value={value.narrative[key]}
            readOnly={!canSave}
            onChange={(e) => setText(key, e.target.value)}
          />
        </label>
      ))}
      {canSave ? (
        <div className="report-draft-actions">
          <button type="button" disabled={busy} onClick={() => save(false)}>
            {t("reports.draft.save")}
          </button>
          {value.saved && (
            <>
              <button type="button" className="secondary" disabled={busy} onClick={() => save(true)}>
                {t("reports.draft.saveAsNew")}
              </button>
              <button type="button" className="secondary" disabled={busy} onClick={drop}>
                {t("reports.draft.remove")}
              </button>
            </>
          )}
        </div>
      ) : (
        <p>{t("reports.draft.readOnly")}</p>
      )}
      {draftDirty(value) && <p className="form-hint">{t("reports.draft.unsaved")}</p>}
      {message && (
        <p role={message.error ? "alert" : "status"} className={message.error ? "form-error" : undefined}>
          {message.text}
        </p>
      )}
    </fieldset>
  );
}
