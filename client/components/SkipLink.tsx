import { useI18n } from "../i18n/I18nProvider.tsx";

/** The id of what the skip link jumps to: the screens' area under the header and navigation. */
export const CONTENT_ID = "content";

/**
 * "Bỏ qua đến nội dung": the first Tab stop of every screen, shown when focused, so a keyboard user
 * does not Tab through the header, language, menu and account links (12 stops) on every page.
 */
export function SkipLink() {
  const { t } = useI18n();
  return (
    <a className="skip-link" href={`#${CONTENT_ID}`}>
      {t("layout.skipToContent")}
    </a>
  );
}
