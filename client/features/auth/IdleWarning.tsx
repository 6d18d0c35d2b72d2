import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";

/**
 * The session ends on the server after SESSION_IDLE_MINUTES without a request (issue 29). A
 * minute before (a quarter of the time when shorter), a dialog says so; "Tiếp tục làm việc" makes
 * a request, which extends it. At the end, auth.me is asked again: it answers 401 and the gate
 * shows the sign-in at the same address, where the user lands again after signing in.
 */
export function IdleWarning({ idleMinutes }: { idleMinutes: number }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const lastRequest = useRef(Date.now());
  const [left, setLeft] = useState<number | null>(null);
  const idleMs = idleMinutes * 60_000;
  // The server writes the last activity at most this often (sessions.ts): count from the earliest.
  const lagMs = Math.min(60_000, idleMs / 10);
  const warnMs = Math.min(60_000, idleMs / 4);
  useEffect(() => {
    const seen = () => {
      lastRequest.current = Date.now();
    };
    const offQ = queryClient.getQueryCache().subscribe((e) => {
      if (e.type === "updated" && e.action.type === "success") seen();
    });
    const offM = queryClient.getMutationCache().subscribe((e) => {
      if (e.type === "updated" && e.action.type === "success") seen();
    });
    const tick = setInterval(() => {
      const remaining = lastRequest.current + idleMs - lagMs - Date.now();
      if (remaining <= 0) {
        setLeft(null);
        void queryClient.invalidateQueries(trpc.auth.me.queryFilter());
      } else setLeft(remaining <= warnMs ? Math.ceil(remaining / 1000) : null);
    }, 1000);
    return () => {
      offQ();
      offM();
      clearInterval(tick);
    };
  }, [queryClient, trpc, idleMs, lagMs, warnMs]);
  if (left === null) return null;
  return (
    <div className="idle-warning" role="alertdialog" aria-modal="true" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("auth.idle.heading")}</h2>
      <p>{t("auth.idle.body", { seconds: String(left) })}</p>
      <button
        type="button"
        className="primary"
        // biome-ignore lint/a11y/noAutofocus: the dialog's one action, under a deadline.
        autoFocus
        onClick={() => void queryClient.refetchQueries(trpc.auth.me.queryFilter())}
      >
        {t("auth.idle.continue")}
      </button>
    </div>
  );
}
