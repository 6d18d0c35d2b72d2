import { policeName } from "@qt/shared/province";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { errorKey, errorMessage } from "../../errors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { injectedProvince } from "../../province.ts";
import { useTRPC } from "../../trpc.ts";
import { LabelledInput } from "./LabelledInput.tsx";

export function LoginForm() {
  const { t, locale } = useI18n();
  const province = injectedProvince();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  // The account has a second factor: the server asked for the code (auth.codeRequired).
  const [needCode, setNeedCode] = useState(false);
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      // A new identity: every cached answer belonged to nobody, so start afresh.
      onSuccess: () => queryClient.resetQueries(),
      onError: (err) => {
        if (errorKey(err) === "auth.codeRequired") setNeedCode(true);
      },
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ username, password, ...(needCode && code ? { code } : {}) });
  };
  return (
    <form className="auth-form" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("auth.login.heading")}</h2>
      <p>{t("auth.login.intro", { police: province ? policeName(province, locale) : t("auth.login.policeAny") })}</p>
      <LabelledInput
        id={`${id}-u`}
        label={t("auth.login.username")}
        name="username"
        autoComplete="username"
        value={username}
        onValue={setUsername}
      />
      <LabelledInput
        id={`${id}-p`}
        label={t("auth.login.password")}
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onValue={setPassword}
      />
      {needCode && (
        <>
          <label htmlFor={`${id}-c`}>{t("auth.login.code")}</label>
          <input
            id={`${id}-c`}
            name="code"
            autoComplete="one-time-code"
            required
            // biome-ignore lint/a11y/noAutofocus: the step that just appeared is the one to type in.
            autoFocus
            aria-describedby={`${id}-ch`}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <p id={`${id}-ch`} className="hint">
            {t("auth.login.codeHint")}
          </p>
        </>
      )}
      {login.isError && !(needCode && errorKey(login.error) === "auth.codeRequired") && (
        <p className="form-error" role="alert">
          {errorMessage(login.error)}
        </p>
      )}
      <button type="submit" className="primary" disabled={login.isPending}>
        {login.isPending ? t("auth.login.submitting") : t("auth.login.submit")}
      </button>
    </form>
  );
}
