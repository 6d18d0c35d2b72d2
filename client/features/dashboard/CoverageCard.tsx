import type { CoverageCount } from "@qt/shared/coverage";
import { formatNumber, formatPercent } from "@qt/shared/format";
import type { TDashboardSummary } from "@qt/shared/schemas/dashboard";
import { useQuery } from "@tanstack/react-query";
import { Card } from "../../components/Card.tsx";
import type { Earlier } from "../../components/Change.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";

/**
 * "Phủ camera an ninh": the period's one headline (decision 027), named by its list ("theo 78 xã,
 * phường, đặc khu hiện nay"), and the other list's figure only when the period spans 01/07/2025.
 * The overview, a district, the cameras screen and the slides all show this card. Filtered to one
 * commune of today, the headline is over that commune alone: "theo Xã Gio Linh", not "theo 1 xã, …".
 */
export function CoverageCard({
  coverage,
  communeCode,
  previous,
}: {
  coverage: TDashboardSummary["cameraCoverage"];
  communeCode?: string | null;
  /** With compare on: the earlier period's coverage and year; the change is over the headline's list. */
  previous?: { coverage: TDashboardSummary["cameraCoverage"]; year: string };
}) {
  const { t, label, locale } = useI18n();
  const trpc = useTRPC();
  const options = useQuery({
    ...trpc.dashboard.options.queryOptions(),
    staleTime: Number.POSITIVE_INFINITY,
    enabled: Boolean(communeCode),
  });
  const num = (v: number) => formatNumber(v, locale);
  const figures = (c: CoverageCount) => ({
    covered: num(c.covered),
    total: num(c.total),
    percent: formatPercent(c.covered, c.total, locale),
    list: label("unitList", c.list),
  });
  const { headline, secondary } = coverage;
  const commune =
    communeCode && headline.list === "two_level" && headline.total === 1
      ? options.data?.communes.find((c) => c.code === communeCode)
      : undefined;
  // Covered communes of the same list a year earlier (none when the earlier period had no such list).
  const earlier = previous
    ? [previous.coverage.headline, previous.coverage.secondary].find((c) => c?.list === headline.list)
    : undefined;
  const change: { current: number; earlier: Earlier } | undefined =
    previous && earlier
      ? { current: headline.covered, earlier: { previous: earlier.covered, year: previous.year } }
      : undefined;
  return (
    <Card
      label={t("card.coverage")}
      value={t("card.coverageValue", figures(headline))}
      change={change}
      detail={[
        commune ? t("card.coverageOne", { name: commune.name }) : t("card.coverageList", figures(headline)),
        ...(secondary ? [t("card.coverageSecondary", figures(secondary))] : []),
      ]}
    />
  );
}
