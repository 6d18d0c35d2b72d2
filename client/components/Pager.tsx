import { useI18n } from "../i18n/I18nProvider.tsx";

/** Previous / next page buttons with "page x of y". */
export function Pager({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (p: number) => void;
}) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="pager no-print" aria-label={t("dashboard.pager.label")}>
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t("dashboard.pager.previous")}
      </button>
      <span>{t("dashboard.pager.page", { page, pages })}</span>
      <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t("dashboard.pager.next")}
      </button>
    </nav>
  );
}
