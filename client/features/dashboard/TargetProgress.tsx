import { formatNumber, formatPercent } from "@qt/shared/format";
import type { TTargetProgress } from "@qt/shared/schemas/targets";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/** How far each of the year's targets is met (decision 048): one labelled bar per target. */
export function TargetProgress({ targets, year }: { targets: TTargetProgress[]; year: number }) {
  const { t, locale, modelType } = useI18n();
  if (targets.length === 0) return null;
  return (
    <section className="targets" aria-label={t("targets.heading", { year })}>
      <h3>{t("targets.heading", { year })}</h3>
      <ul>
        {targets.map((g) => {
          const name = g.modelTypeCode
            ? `${t(`targets.measure.${g.measure}`)}: ${modelType({ code: g.modelTypeCode, name: g.modelTypeCode })}`
            : t(`targets.measure.${g.measure}`);
          const text = t("targets.progress", {
            actual: formatNumber(g.actual, locale),
            target: formatNumber(g.target, locale),
            rate: formatPercent(g.actual, g.target, locale),
          });
          return (
            <li key={`${g.measure}-${g.modelTypeCode ?? ""}`}>
              <span>{name}</span>{" "}
              <meter min={0} max={Math.max(g.target, 1)} value={Math.min(g.actual, g.target)} aria-label={name}>
                {text}
              </meter>{" "}
              <strong>{text}</strong>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
