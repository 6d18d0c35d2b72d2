import { formatNumber } from "@qt/shared/format";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { fractionOf, type ServerProgress } from "./useServerProgress.ts";

/**
 * A labelled progress bar: with `value` (0–1) while the bytes go out, without it (indeterminate)
 * while the server reads, checks or writes the rows and cannot say how far it is.
 */
export function ProgressBar({ value, text }: { value?: number; text: string }) {
  const { t } = useI18n();
  return (
    <div className="import-progress" role="status" aria-live="polite">
      <progress aria-label={t("imports.progress")} max={1} value={value} />
      <span>{text}</span>
    </div>
  );
}

/** The server's progress (useServerProgress): the rows done of the total once it knows it, else `waiting`. */
export function ServerProgressBar(props: {
  server: ServerProgress | null;
  counting: "imports.checking" | "imports.writingCount";
  waiting: "imports.reading" | "imports.writing";
}) {
  const { t, locale } = useI18n();
  const { server } = props;
  const n = (v: number) => formatNumber(v, locale);
  const text = server?.total
    ? t(props.counting, { processed: n(server.processed), total: n(server.total) })
    : t(props.waiting);
  return <ProgressBar value={fractionOf(server)} text={text} />;
}
