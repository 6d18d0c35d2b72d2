import type { TAnonymised } from "@qt/shared/schemas/personal-data";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { errorMessage } from "../../errors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";

/**
 * A person asks to be forgotten (Decree 13/2023, issue 29): an admin replaces their name on every
 * award record with one pseudonym (personalData.anonymise). The name is typed as the records
 * write it; a confirmation says it cannot be undone; the answer says how many records changed.
 */
export function AnonymisePanel() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [name, setName] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<(TAnonymised & { name: string }) | null>(null);
  const anonymise = useMutation(
    trpc.personalData.anonymise.mutationOptions({
      onSuccess: (r, input) => {
        setConfirming(false);
        setName("");
        setDone({ ...r, name: input.name.trim() });
        void queryClient.invalidateQueries(trpc.awards.pathFilter());
      },
    }),
  );
  const ask = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    setConfirming(true);
  };
  return (
    <section className="account-panel anonymise-panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t("auth.personal.heading")}</h3>
      <p>{t("auth.personal.intro")}</p>
      {done && (
        <p role="status">
          {done.records === 0
            ? t("auth.personal.none", { name: done.name })
            : t("auth.personal.done", { records: String(done.records), pseudonym: done.pseudonym })}
        </p>
      )}
      <form onSubmit={ask} aria-labelledby={`${id}-h`}>
        <label htmlFor={`${id}-n`}>{t("auth.personal.name")}</label>
        <input
          id={`${id}-n`}
          name="name"
          required
          maxLength={200}
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setConfirming(false);
          }}
        />
        {!confirming && <button type="submit">{t("auth.personal.submit")}</button>}
      </form>
      {confirming && (
        <div role="alertdialog" aria-modal="false" aria-labelledby={`${id}-c`} className="demo-confirm">
          <p id={`${id}-c`}>{t("auth.personal.confirm", { name: name.trim() })}</p>
          {anonymise.isError && <p role="alert">{errorMessage(anonymise.error)}</p>}
          <button
            type="button"
            className="danger"
            onClick={() => anonymise.mutate({ name })}
            disabled={anonymise.isPending}
          >
            {t("auth.personal.confirmButton")}
          </button>{" "}
          <button type="button" onClick={() => setConfirming(false)}>
            {t("auth.users.cancel")}
          </button>
        </div>
      )}
    </section>
  );
}
