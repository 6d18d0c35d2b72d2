import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { errorMessage } from "../../errors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";

export function ChangePasswordForm() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const id = useId();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: () => {
        setCurrent("");
        setNext("");
        setConfirm("");
      },
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMismatch(next !== confirm);
    if (next !== confirm) return;
    change.mutate({ currentPassword: current, newPassword: next });
  };
  const field = (key: string, label: string, value: string, set: (v: string) => void, auto: string) => (
    <>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type="password"
        autoComplete={auto}
        required
        value={value}
        onChange={(e) => set(e.target.value)}
      />
    </>
  );
  return (
    <form className="auth-form" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("auth.account.heading")}</h2>
      {field("c", t("auth.account.current"), current, setCurrent, "current-password")}
      {field("n", t("auth.account.new"), next, setNext, "new-password")}
      {field("r", t("auth.account.confirm"), confirm, setConfirm, "new-password")}
      <p className="hint">{t("auth.account.hint")}</p>
      {(mismatch || change.isError) && (
        <p className="form-error" role="alert">
          {mismatch ? t("auth.account.mismatch") : errorMessage(change.error)}
        </p>
      )}
      {change.isSuccess && !mismatch && <p role="status">{t("auth.account.done")}</p>}
      <button type="submit" className="primary" disabled={change.isPending}>
        {t("auth.account.submit")}
      </button>
    </form>
  );
}
