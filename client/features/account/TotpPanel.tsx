import type { TTotpBegin } from "@qt/shared/schemas/auth";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { errorMessage } from "../../errors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";
import { QrCode } from "./QrCode.tsx";

/**
 * Enrolment of the second factor on the account screen (issue 29): a QR code of a new secret, a
 * current code from the app confirms it, then the ten recovery codes are shown this once.
 */
export function TotpPanel({ enabled, required = false }: { enabled: boolean; required?: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [begun, setBegun] = useState<TTotpBegin | null>(null);
  const [code, setCode] = useState("");
  const [codes, setCodes] = useState<string[] | null>(null);
  const [turnedOn, setTurnedOn] = useState(false);
  const begin = useMutation(trpc.auth.totp.begin.mutationOptions({ onSuccess: setBegun }));
  const confirm = useMutation(trpc.auth.totp.confirm.mutationOptions({ onSuccess: (r) => setCodes(r.recoveryCodes) }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate({ code });
  };
  // The codes first, until the user says they are written down; then the panel says it is on (at
  // once, not only when me has been fetched again) and me changes.
  const finish = () => {
    setCodes(null);
    setBegun(null);
    setTurnedOn(true);
    void queryClient.invalidateQueries(trpc.auth.me.queryFilter());
  };
  return (
    <section className="totp-panel account-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("auth.totp.heading")}</h2>
      {codes ? (
        <>
          <h3>{t("auth.totp.codesHeading")}</h3>
          <p role="status">{t("auth.totp.codesIntro")}</p>
          <ol className="recovery-codes">
            {codes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ol>
          <button type="button" className="primary" onClick={finish}>
            {t("auth.totp.codesDone")}
          </button>
        </>
      ) : enabled || turnedOn ? (
        <p>{t("auth.totp.on")}</p>
      ) : begun ? (
        <form onSubmit={submit} aria-labelledby={`${id}-h`}>
          <p>{t("auth.totp.scan")}</p>
          <QrCode text={begun.uri} label={t("auth.totp.qrLabel")} />
          <p>
            {/* In groups of four, as authenticator apps accept it typed; one word per group on a phone. */}
            <code className="totp-secret">{begun.secret.match(/.{1,4}/g)?.join(" ")}</code>
          </p>
          <label htmlFor={`${id}-c`}>{t("auth.totp.code")}</label>
          <input
            id={`${id}-c`}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            required
            value={code}
            onChange={(e) => setCode(e.target.value.trim())}
          />
          {confirm.isError && (
            <p className="form-error" role="alert">
              {errorMessage(confirm.error)}
            </p>
          )}
          <button type="submit" className="primary" disabled={confirm.isPending}>
            {t("auth.totp.confirm")}
          </button>
        </form>
      ) : (
        <>
          <p>{required ? t("auth.totp.required") : t("auth.totp.off")}</p>
          {begin.isError && (
            <p className="form-error" role="alert">
              {errorMessage(begin.error)}
            </p>
          )}
          <button type="button" onClick={() => begin.mutate()} disabled={begin.isPending}>
            {t("auth.totp.begin")}
          </button>
        </>
      )}
    </section>
  );
}
