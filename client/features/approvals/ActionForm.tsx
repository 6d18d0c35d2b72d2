import { formatNumber } from "@qt/shared/format";
import type { TApprovalItem } from "@qt/shared/schemas/approvals";
import { todayIso } from "@qt/shared/schemas/common";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { readError } from "../../errors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router.tsx";
import { useTRPC } from "../../trpc.ts";
import { type ApprovalAction, unitLabel } from "./can-act.ts";
import { recordsHref } from "./records-link.ts";

type Props = {
  action: ApprovalAction;
  item: TApprovalItem;
  /** Closes the form: with the sentence to announce after a success, "" on cancel. */
  onDone: (message: string) => void;
};

/**
 * One transition of one unit-year: submit (optional note), approve (a confirmation), return or
 * reopen (a required reason). A refusal (wrong state, someone acted first) is shown in the form,
 * and the table is read again so it shows the state the server holds.
 */
export function ActionForm({ action, item, onDone }: Props) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [text, setText] = useState("");
  const [missing, setMissing] = useState(false);
  const first = useRef<HTMLTextAreaElement & HTMLButtonElement>(null);
  const vars = { unit: unitLabel(item.unit, locale), year: item.year };
  const key = { unitCode: item.unit.code, year: item.year };
  // Approval changes the status line of every figure and, with "approved only", the figures.
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.approvals.pathFilter()),
      queryClient.invalidateQueries(trpc.dashboard.pathFilter()),
      queryClient.invalidateQueries(trpc.reports.pathFilter()),
    ]);
  const options = {
    onSuccess: () => {
      void refresh();
      onDone(t(`approvals.done.${action}`, vars));
    },
    onError: () => void queryClient.invalidateQueries(trpc.approvals.pathFilter()),
  };
  const submit = useMutation(trpc.approvals.submit.mutationOptions(options));
  const approve = useMutation(trpc.approvals.approve.mutationOptions(options));
  const back = useMutation(trpc.approvals.return.mutationOptions(options));
  const reopen = useMutation(trpc.approvals.reopen.mutationOptions(options));
  const mutation = { submit, approve, return: back, reopen }[action];
  // Keyboard users land in the form they opened.
  useEffect(() => first.current?.focus(), []);
  const needsReason = action === "return" || action === "reopen";
  const send = (e: FormEvent) => {
    e.preventDefault();
    if (needsReason && !text.trim()) return setMissing(true);
    setMissing(false);
    if (action === "submit") submit.mutate({ ...key, note: text.trim() || undefined });
    else if (action === "approve") approve.mutate(key);
    else if (action === "return") back.mutate({ ...key, reason: text });
    else reopen.mutate({ ...key, reason: text });
  };
  const heading = t(`approvals.form.${action}`, vars);
  const error = missing
    ? t("approvals.form.reasonRequired")
    : mutation.isError
      ? readError(mutation.error).message
      : "";
  return (
    <form
      className="approval-form"
      aria-label={heading}
      onSubmit={send}
      noValidate
      // Escape closes the form, as it would a dialog; focus goes back to the row's button.
      onKeyDown={(e) => e.key === "Escape" && onDone("")}
    >
      <h3 className="approval-form-head">{heading}</h3>
      {action === "submit" && <p className="approval-form-head">{t("approvals.form.submitHint", vars)}</p>}
      {action === "approve" && (
        <>
          <p className="approval-form-head">{t("approvals.form.approveHint")}</p>
          {/* What is approved, and the one case that shuts a commune out of its own year (issue 22). */}
          <p className="approval-figures">
            {t("approvals.confirm.figures", {
              sites: formatNumber(item.figures.sites),
              installations: formatNumber(item.figures.installations),
              cameras: formatNumber(item.figures.cameras),
              awards: formatNumber(item.figures.awards),
            })}{" "}
            <Link to={recordsHref(item)}>{t("approvals.records.link", { count: formatNumber(item.records) })}</Link>
          </p>
          {item.year >= Number(todayIso().slice(0, 4)) && (
            <p className="approval-warning" role="note">
              <span aria-hidden="true">⚠ </span>
              {t("approvals.confirm.unfinished", vars)}
            </p>
          )}
        </>
      )}
      {action !== "approve" && (
        <>
          <label htmlFor={`${id}-text`} className={needsReason ? "required" : undefined}>
            {needsReason ? t("approvals.form.reason") : t("approvals.form.note")}
          </label>
          <textarea
            id={`${id}-text`}
            ref={first}
            className="approval-text"
            rows={3}
            maxLength={1000}
            required={needsReason}
            aria-invalid={missing || undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </>
      )}
      {error && (
        <p id={`${id}-error`} className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button
          type="submit"
          className="primary"
          ref={action === "approve" ? first : undefined}
          disabled={mutation.isPending}
        >
          {t(`approvals.action.${action}`)}
        </button>
        <button type="button" onClick={() => onDone("")}>
          {t("approvals.action.cancel")}
        </button>
      </div>
    </form>
  );
}
