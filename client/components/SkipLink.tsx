import type { MouseEvent } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";

/** What a screen's content is: its <main>, or a slide on the conference screen. */
const TARGET = ".conference-slide, main";

/**
 * "Bỏ qua đến nội dung": the first Tab stop of every screen, shown when focused, so a keyboard user
 * does not Tab through the header, language, menu and account links (12 stops) on every page. The
 * screens' <main> is focused directly rather than by id, so no screen has to carry one.
 */
export function SkipLink() {
  const { t } = useI18n();
  const skip = (e: MouseEvent<HTMLAnchorElement>) => {
    const target = document.querySelector<HTMLElement>(TARGET);
    if (!target) return;
    e.preventDefault();
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus();
    target.scrollIntoView?.({ block: "start" });
  };
  return (
    <a className="skip-link" href="#content" onClick={skip}>
      {t("layout.skipToContent")}
    </a>
  );
}
