import type { CoverageCount } from "@qt/shared/coverage";
import { formatNumber, formatPercent } from "@qt/shared/format";
import type { TDashboardSummary } from "@qt/shared/schemas/dashboard";
import { Card } from "../../components/Card.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/**
 * "Phủ camera an ninh": the period's one headline (decision 027), named by its list ("theo 78 xã,
 * phường, đặc khu hiện nay"), and the other list's figure only when the period spans 01/07/2025.
 * The overview, a district, the cameras screen and the slides all show this card.
 */
export function CoverageCard({ coverage }: { coverage: TDashboardSummary["cameraCoverage"] }) {
  const { t, label, locale } = useI18n();
  const num = (v: number) => formatNumber(v, locale);
  const figures = (c: CoverageCount) => ({
    covered: num(c.covered),
    total: num(c.total),
    percent: formatPercent(c.covered, c.total, locale),
    list: label("unitList", c.list),
  });
  const { headline, secondary } = coverage;
  return (
    <Card
      label={t("card.coverage")}
      value={t("card.coverageValue", figures(headline))}
      detail={[
        t("card.coverageList", figures(headline)),
        ...(secondary ? [t("card.coverageSecondary", figures(secondary))] : []),
      ]}
    />
  );
}
