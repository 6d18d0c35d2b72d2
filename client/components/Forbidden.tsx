import { useI18n } from "../i18n/I18nProvider.tsx";
import { Link } from "../router.tsx";

/** A screen the user's role may not use, or an address that is no screen: said, not left blank. */
export function Forbidden({ notFound = false }: { notFound?: boolean }) {
  const { t } = useI18n();
  return (
    <main>
      <section className="forbidden" role="alert">
        <h2>{notFound ? t("layout.notFound.title") : t("layout.forbidden.title")}</h2>
        {!notFound && <p>{t("layout.forbidden.body")}</p>}
        <p>
          <Link to="/">{t("layout.forbidden.home")}</Link>
        </p>
      </section>
    </main>
  );
}
