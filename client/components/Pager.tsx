import { useI18n } from "../i18n/I18nProvider.tsx";

/**
 * Previous / next page buttons with "page x of y": the one pager of the dashboard tables, the
 * audit log and the record lists. The dashboard hides it when everything fits on one page; the
 * record lists keep it, so the count of pages stays where the user looks for it.
 */
export function Pager(props: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (p: number) => void;
  showSingle?: boolean;
  className?: string;
}) {
  const { t } = useI18n();
  const { page, onPage } = props;
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  if (pages <= 1 && !props.showSingle) return null;
  return (
    <nav className={props.className ?? "pager no-print"} aria-label={t("dashboard.pager.label")}>
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
