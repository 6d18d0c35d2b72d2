import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { plainMessage } from "../errors.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";

/** The loading, error and empty states every screen and chart shows the same way. */
export function Loading() {
  const { t } = useI18n();
  return (
    <p className="state" role="status" aria-live="polite">
      {t("state.loading")}
    </p>
  );
}

/** `message`: a failed query's or schema's text; shown in the chosen language, never a raw browser string. */
export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const { t, locale } = useI18n();
  return (
    <div className="state state-error" role="alert">
      <p>{t("state.error", { message: plainMessage(message, locale) })}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t("state.retry")}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  return <p className="state state-empty">{children ?? t("state.empty")}</p>;
}

/** A query's data as `children` draws it, or its loading state, or its error with a retry. */
export function QueryView<D>({
  q,
  children,
}: {
  q: UseQueryResult<D, { message: string }>;
  children: (data: D) => ReactNode;
}) {
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState message={q.error.message} onRetry={() => q.refetch()} />;
  return children(q.data);
}
