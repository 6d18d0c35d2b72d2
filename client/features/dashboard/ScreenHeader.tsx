import { formatDate } from "@qt/shared/format";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/** Screen title, "as of" date and the print / present actions every dashboard screen offers. */
export function ScreenHeader({
  title,
  asOf,
  conferenceSearch,
  children,
}: {
  title: string;
  asOf?: string;
  /** Search string for /conference; omitted when the screen has no slides. */
  conferenceSearch?: string;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <header className="screen-header">
      <div>
        <h2>{title}</h2>
        {asOf && <p className="as-of">{t("dashboard.asOf", { date: formatDate(asOf) })}</p>}
        {children}
      </div>
      <div className="screen-actions no-print">
        {conferenceSearch !== undefined && (
          <Link className="button" to={{ pathname: "/conference", search: conferenceSearch }}>
            {t("dashboard.conference.open")}
          </Link>
        )}
        <button type="button" onClick={() => window.print()}>
          {t("dashboard.print")}
        </button>
      </div>
    </header>
  );
}
