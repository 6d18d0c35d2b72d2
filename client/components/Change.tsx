import { changeLabels } from "@qt/shared/period";
import { useI18n } from "../i18n/I18nProvider.tsx";

/** A figure against the same period a year earlier: the earlier figure and the year it is of. */
export type Earlier = { previous: number; year: string };

/**
 * "+12 (+8,5%)", "−3 (−2,0%)", "+4 (—)" when the earlier value is 0 (decision 039): beside a card's
 * figure or in a table's cell, with the earlier figure in words for a screen reader and on hover.
 */
export function Change({ current, earlier }: { current: number; earlier: Earlier }) {
  const { t, locale } = useI18n();
  const c = changeLabels(current, earlier.previous, locale);
  const said = t("compare.change", {
    diff: c.diff,
    percent: c.percent,
    year: earlier.year,
    previous: new Intl.NumberFormat(locale === "en" ? "en-GB" : "vi-VN").format(earlier.previous),
  });
  return (
    <span className={`change change-${c.direction}`} title={said}>
      <span aria-hidden="true">
        {c.diff} ({c.percent})
      </span>
      <span className="visually-hidden">{said}</span>
    </span>
  );
}

/** The year an earlier period is named by ("cùng kỳ 2021"): the year of its last day. */
export const earlierYear = (previous: { to: string } | undefined) => previous?.to.slice(0, 4) ?? "";
