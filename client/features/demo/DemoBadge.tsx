import { formatNumber } from "@qt/shared/format";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/** The largest demo count of a screen's figures (the figures overlap, so they are not added). */
export const demoRecords = (...figures: ({ demo: { records: number } } | undefined)[]) =>
  Math.max(0, ...figures.map((f) => f?.demo.records ?? 0));

/**
 * "Có số liệu minh họa": shown, on screen and in print, wherever demo records count in the figures
 * (docs/decisions/023). Nothing when they hold real records only.
 */
export function DemoBadge({ records, large = false }: { records: number; large?: boolean }) {
  const { t } = useI18n();
  if (records <= 0) return null;
  return (
    <p className={large ? "demo-badge demo-badge-large" : "demo-badge"} role="note" aria-label={t("demo.badge")}>
      <strong>{t("demo.badge")}</strong>{" "}
      <span className="demo-badge-detail">{t("demo.badge.detail", { count: formatNumber(records) })}</span>
    </p>
  );
}
