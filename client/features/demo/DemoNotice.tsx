import { formatNumber } from "@qt/shared/format";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useLocation } from "../../router.tsx";
import { useTRPC } from "../../trpc.ts";
import { RemoveDemo } from "./RemoveDemo.tsx";

const WIDE = "(min-width: 40rem)";

/**
 * For admins, on every screen until closed: the database holds demo records, what they are, and
 * how to remove them. Closing is remembered on the server for this admin (any device). Viewers and
 * editors are not shown it: they see the "Có số liệu minh họa" badges on the figures.
 */
export function DemoNotice() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const titleId = useId();
  const [removed, setRemoved] = useState<string | null>(null);
  // On a phone the notice opens folded to its title line, so the screen's own figures stay in the
  // first view; a tap unfolds it. Wider screens show it whole.
  const [wide] = useState(() => typeof window.matchMedia !== "function" || window.matchMedia(WIDE).matches);
  // Not over the slides: an admin presenting sees the slides' own badge instead.
  const presenting = useLocation().pathname.startsWith("/conference");
  const status = useQuery(trpc.demo.status.queryOptions());
  const dismiss = useMutation(
    trpc.demo.dismissNotice.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.demo.status.queryFilter()),
    }),
  );
  const s = status.data;
  if (removed) {
    return (
      <section className="demo-notice no-print">
        <p role="status">{removed}</p>
        <button type="button" onClick={() => setRemoved(null)}>
          {t("demo.notice.close")}
        </button>
      </section>
    );
  }
  if (presenting || !s || s.noticeDismissed || s.records.sites + s.records.installations + s.records.awards === 0)
    return null;
  return (
    <section className="demo-notice no-print" aria-labelledby={titleId}>
      <details open={wide}>
        <summary>
          <h3 id={titleId} className="demo-notice-title">
            {t("demo.notice.title")}
          </h3>
        </summary>
        <p>
          {t("demo.notice.body", {
            total: formatNumber(s.inFigures.records),
            sites: formatNumber(s.inFigures.sites),
            installations: formatNumber(s.inFigures.installations),
            awards: formatNumber(s.inFigures.awards),
          })}
        </p>
        <RemoveDemo status={s} onRemoved={setRemoved} />
        <button type="button" onClick={() => dismiss.mutate()} disabled={dismiss.isPending}>
          {t("demo.notice.dismiss")}
        </button>
      </details>
    </section>
  );
}

/** On the accounts screen: the same removal, reachable after the notice was closed. */
export function DemoPanel() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [removed, setRemoved] = useState<string | null>(null);
  const status = useQuery(trpc.demo.status.queryOptions());
  const s = status.data;
  if (!s) return null;
  const any = s.records.sites + s.records.installations + s.records.awards + s.records.modelTypes > 0;
  return (
    <section className="demo-panel" aria-label={t("demo.panel.heading")}>
      <h3>{t("demo.panel.heading")}</h3>
      {removed && <p role="status">{removed}</p>}
      {any ? <RemoveDemo status={s} onRemoved={setRemoved} /> : <p>{t("demo.panel.none")}</p>}
    </section>
  );
}
