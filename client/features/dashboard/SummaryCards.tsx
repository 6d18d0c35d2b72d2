import { formatDate, formatMoneyExact, formatMoneyShort, formatNumber } from "@qt/shared/format";
import type { TDashboardSummary } from "@qt/shared/schemas/dashboard";
import { Card } from "../../components/Card.tsx";
import { earlierYear } from "../../components/Change.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { CoverageCard } from "./CoverageCard.tsx";

/** Headline figures of the movement, in the user's locale (vi-VN numbers by default). */
export function SummaryCards({ summary, large }: { summary: TDashboardSummary; large?: boolean }) {
  const { t, locale } = useI18n();
  const num = (v: number) => formatNumber(v, locale);
  const religion = (r: string) => summary.byReligion.find((x) => x.religion === r)?.sites ?? 0;
  const clans = summary.byModelType.find((m) => m.code === "clan-security")?.sites ?? 0;
  const religiousSites = summary.byReligion.reduce((s, r) => s + r.sites, 0);
  // With compare on: each figure against the same days a year earlier (decision 039).
  const p = summary.previous;
  const year = earlierYear(p);
  const vs = (current: number, previous: (q: NonNullable<typeof p>) => number) =>
    p ? { current, earlier: { previous: previous(p), year } } : undefined;
  return (
    <section aria-label={t("dashboard.heading")}>
      <p className="as-of">{t("dashboard.asOf", { date: formatDate(summary.asOf, locale) })}</p>
      <div className={large ? "cards cards-large" : "cards"}>
        <Card
          label={t("card.modelTypes")}
          value={num(summary.modelTypeCount)}
          change={vs(summary.modelTypeCount, (q) => q.modelTypeCount)}
        />
        <Card
          label={t("card.sites")}
          value={num(summary.siteCount)}
          change={vs(summary.siteCount, (q) => q.siteCount)}
        />
        <Card
          label={t("card.areasWithModels")}
          value={num(summary.areasWithModels)}
          change={vs(summary.areasWithModels, (q) => q.areasWithModels)}
        />
        <CoverageCard
          coverage={summary.cameraCoverage}
          communeCode={summary.filter.communeCode}
          previous={p ? { coverage: p.cameraCoverage, year } : undefined}
        />
        <Card
          label={t("card.cameras")}
          value={num(summary.cameras.cameras)}
          change={vs(summary.cameras.cameras, (q) => q.cameras.cameras)}
          detail={t("card.camerasDetail", {
            recorders: num(summary.cameras.recorders),
            memoryCards: num(summary.cameras.memoryCards),
          })}
        />
        <Card
          label={t("card.cost")}
          value={formatMoneyShort(summary.cameras.costVnd, locale)}
          title={formatMoneyExact(summary.cameras.costVnd, locale)}
          detail={formatMoneyExact(summary.cameras.costVnd, locale)}
          change={vs(summary.cameras.costVnd, (q) => q.cameras.costVnd)}
        />
        <Card
          label={t("card.clans")}
          value={num(clans)}
          change={vs(clans, (q) => q.byModelType.find((m) => m.code === "clan-security")?.sites ?? 0)}
        />
        <Card
          label={t("card.religious")}
          value={num(religiousSites)}
          change={vs(religiousSites, (q) => q.byReligion.reduce((s, r) => s + r.sites, 0))}
          detail={t("card.religiousDetail", {
            buddhism: num(religion("buddhism")),
            catholicism: num(religion("catholicism")),
          })}
        />
      </div>
    </section>
  );
}
