import { formatDate, type Locale } from "@qt/shared/format";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ColumnHeads } from "../../components/ColumnHeads.tsx";
import { ErrorState, Loading } from "../../components/QueryState.tsx";
import { errorMessage } from "../../errors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";

const formatDateTime = (iso: string, locale: Locale) =>
  `${new Date(iso).toLocaleTimeString(locale === "en" ? "en-GB" : "vi-VN", { hour: "2-digit", minute: "2-digit" })} ${formatDate(iso, locale)}`;

/** "Firefox · Windows" from a user agent: enough to tell one's own browsers apart (the whole string on hover). */
export function browserOf(userAgent: string): string {
  const browsers: [RegExp, string][] = [
    [/Edg\//, "Edge"],
    [/OPR\//, "Opera"],
    [/CocCoc|coc_coc/i, "Cốc Cốc"],
    [/Firefox\//, "Firefox"],
    [/Chrom(e|ium)\//, "Chrome"],
    [/Safari\//, "Safari"],
  ];
  const systems: [RegExp, string][] = [
    [/Android/, "Android"],
    [/iPhone|iPad/, "iOS"],
    [/Windows/, "Windows"],
    [/Mac OS X/, "macOS"],
    [/Linux/, "Linux"],
  ];
  const pick = (list: [RegExp, string][]) => list.find(([re]) => re.test(userAgent))?.[1];
  const parts = [pick(browsers), pick(systems)].filter(Boolean);
  return parts.length > 0 ? parts.join(" · ") : userAgent.slice(0, 40);
}

/** One's own open sessions, each with an "end" button (auth.sessions, auth.endSession). */
export function SessionsPanel() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [notice, setNotice] = useState("");
  const sessions = useQuery(trpc.auth.sessions.queryOptions());
  const end = useMutation(
    trpc.auth.endSession.mutationOptions({
      onSuccess: () => {
        setNotice(t("auth.sessions.ended"));
        void queryClient.invalidateQueries(trpc.auth.sessions.queryFilter());
      },
    }),
  );
  return (
    <section className="account-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("auth.sessions.heading")}</h2>
      {notice && <p role="status">{notice}</p>}
      {end.isError && (
        <p className="form-error" role="alert">
          {errorMessage(end.error)}
        </p>
      )}
      {sessions.isPending ? (
        <Loading />
      ) : sessions.isError ? (
        <ErrorState message={errorMessage(sessions.error)} onRetry={() => sessions.refetch()} />
      ) : (
        <table className="sessions-table" aria-label={t("auth.sessions.tableLabel")}>
          <ColumnHeads
            keys={["auth.sessions.started", "auth.sessions.lastSeen", "auth.sessions.where", "auth.users.actions"]}
          />
          <tbody>
            {sessions.data.map((s) => (
              <tr key={s.id}>
                <td>{formatDateTime(s.createdAt, locale)}</td>
                <td>{formatDateTime(s.lastSeenAt, locale)}</td>
                <td title={s.userAgent}>
                  {s.ip} · {browserOf(s.userAgent)}
                </td>
                <td>
                  {s.current ? (
                    t("auth.sessions.current")
                  ) : (
                    <button
                      type="button"
                      onClick={() => end.mutate({ id: s.id })}
                      disabled={end.isPending}
                      aria-label={`${t("auth.sessions.end")} ${formatDateTime(s.createdAt, locale)}`}
                    >
                      {t("auth.sessions.end")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
