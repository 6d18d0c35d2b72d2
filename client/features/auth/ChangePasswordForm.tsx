import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { errorMessage } from "../../errors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";
import { LabelledInput } from "./LabelledInput.tsx";
import { PasswordRules } from "./PasswordRules.tsx";

/** `heading`: the first sign-in's own title and hint, instead of the account screen's. */
export function ChangePasswordForm(props: { heading?: string } = {}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
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
        // auth.me now says the password is the user's own: the gate lets the app in.
        void queryClient.invalidateQueries(trpc.auth.me.queryFilter());
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
    <LabelledInput
      id={`${id}-${key}`}
      label={label}
      type="password"
      autoComplete={auto}
      aria-describedby={key === "c" ? undefined : `${id}-rules`}
      value={value}
      onValue={set}
    />
  );
  return (
    <form className="auth-form" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{props.heading ?? t("auth.account.heading")}</h2>
      {field("c", t("auth.account.current"), current, setCurrent, "current-password")}
      {field("n", t("auth.account.new"), next, setNext, "new-password")}
      {field("r", t("auth.account.confirm"), confirm, setConfirm, "new-password")}
      <PasswordRules id={`${id}-rules`} password={next} confirm={confirm} />
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
