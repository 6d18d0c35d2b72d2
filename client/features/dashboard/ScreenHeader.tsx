import { formatDate } from "@qt/shared/format";
import { policeHeading } from "@qt/shared/province";
import type { TDashboardFilter } from "@qt/shared/schemas/dashboard";
import type { ReactNode } from "react";
import { printWhenDrawn } from "../../components/WhenNear.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useProvince } from "../../province.ts";
import { Link } from "../../router.tsx";
import { ApprovalLine } from "../approvals/ApprovalLine.tsx";
import { DemoBadge } from "../demo/DemoBadge.tsx";
import { useScope } from "./scope.ts";

/**
 * Screen title, what the figures cover, their approval status, "as of" date and the print / present actions every dashboard
 * screen offers. A print starts with the agency's heading and the scope line, so a printed page says
 * whose figures it shows.
 */
export function ScreenHeader({
  title,
  scope,
  asOf,
  conferenceSearch,
  demo = 0,
  children,
}: {
  title: string;
  /** The filter the screen's figures are drawn for. */
  scope: TDashboardFilter;
  asOf?: string;
  /** Search string for /conference; omitted when the screen has no slides. */
  conferenceSearch?: string;
  /** Demo records counting in the screen's figures: the "Có số liệu minh họa" badge when any. */
  demo?: number;
  children?: ReactNode;
}) {
  const { t, locale } = useI18n();
  const { line } = useScope(scope);
  const province = useProvince();
  return (
    // The agency's name without the reports' schemas: zod must stay out of the first screen's bundle.
    <header className="screen-header">
      <div className="print-heading print-only">
        <p>{province ? policeHeading(province) : ""}</p>
        <p>{t("layout.print.office")}</p>
      </div>
      <div>
        <h2>{title}</h2>
        <p className="scope-line">{line}</p>
        <DemoBadge records={demo} />
        <ApprovalLine filter={scope} />
        {asOf && <p className="as-of">{t("dashboard.asOf", { date: formatDate(asOf, locale) })}</p>}
        {children}
      </div>
      <div className="screen-actions no-print">
        {conferenceSearch !== undefined && (
          <Link className="button" to={{ pathname: "/conference", search: conferenceSearch }}>
            {t("dashboard.conference.open")}
          </Link>
        )}
        <button type="button" onClick={() => printWhenDrawn()}>
          {t("dashboard.print")}
        </button>
      </div>
    </header>
  );
}
