import { useI18n } from "../../i18n/I18nProvider.tsx";

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
