import { formatDate } from "@qt/shared/format";
import type { TRecordLock } from "@qt/shared/schemas/common";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { FormAlert } from "../../components/FormAlert.tsx";
import { errorMessage } from "../../errors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";

/**
 * A locked record's actions (issue 22): a badge saying why (the server's lock, decision 025), "Sửa"
 * and "Xóa" shown disabled and described by it, and for whoever could change it otherwise, a
 * request to an admin to reopen the unit-year (approvals.requestReopen, recorded and audited).
 */
export function LockedActions(props: { lock: TRecordLock; canAsk: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const { lock } = props;
  const params = { year: String(lock.year), unit: lock.unitName, date: formatDate(lock.since.slice(0, 10)) };
  const why = t(lock.state === "approved" ? "entry.lock.approved" : "entry.lock.submitted", params);
  const [asking, setAsking] = useState(false);
  return (
    <>
      <p className="lock-why" id={`${id}-why`}>
        <strong className="lock-badge">{t("entry.lock.badge")}</strong>: {why}
      </p>
      {props.canAsk && (
        <>
          <button type="button" disabled aria-describedby={`${id}-why`}>
            {t("entry.edit")}
          </button>
          <button type="button" disabled aria-describedby={`${id}-why`}>
            {t("entry.remove")}
          </button>
          <button type="button" aria-expanded={asking} onClick={() => setAsking(!asking)}>
            {t("entry.lock.request")}
          </button>
          {asking && <ReopenRequest lock={lock} onClose={() => setAsking(false)} />}
        </>
      )}
    </>
  );
}

function ReopenRequest(props: { lock: TRecordLock; onClose: () => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [reason, setReason] = useState("");
  const params = { year: String(props.lock.year), unit: props.lock.unitName };
  const ask = useMutation(
    trpc.approvals.requestReopen.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.approvals.status.pathFilter()),
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    ask.mutate({ unitCode: props.lock.unitCode, year: props.lock.year, reason });
  };
  if (ask.isSuccess) return <p role="status">{t("entry.lock.sent", params)}</p>;
  return (
    <form className="reopen-request" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <p id={`${id}-h`}>
        <strong>{t("entry.lock.requestHeading", params)}</strong>
      </p>
      <label htmlFor={`${id}-reason`}>{t("entry.lock.reason")}</label>
      <textarea id={`${id}-reason`} required value={reason} onChange={(e) => setReason(e.target.value)} />
      <FormAlert message={ask.isError ? errorMessage(ask.error) : null} />
      <button type="submit" disabled={ask.isPending}>
        {t("entry.lock.send")}
      </button>
      <button type="button" onClick={props.onClose}>
        {t("entry.lock.cancel")}
      </button>
    </form>
  );
}
