import { useContext } from "react";
import { Link } from "react-router";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { CurrentUserContext } from "./current-user.tsx";

/**
 * A commune officer's first screen starts from their commune (issue 22): named, with its records
 * and its approvals one tap away, each list opened on the commune. Others see nothing here.
 */
export function CommuneHome() {
  const { t } = useI18n();
  const me = useContext(CurrentUserContext);
  if (me?.scope.kind !== "commune") return null;
  const unit = me.scope.name;
  const mine = `communeCode=${me.scope.code}`;
  return (
    // First even where a phone's layout reorders the overview's children (styles.css, main.overview).
    <section className="commune-home" aria-labelledby="commune-home-h" style={{ order: -1 }}>
      <h2 id="commune-home-h">{t("home.commune.heading", { unit })}</h2>
      <p>{t("home.commune.intro", { unit })}</p>
      <ul className="commune-home-links">
        <li>
          <Link to={`/records/cameras?${mine}&edit=new`}>{t("home.commune.add")}</Link>
        </li>
        <li>
          <Link to={`/records/cameras?${mine}`}>{t("home.commune.cameras")}</Link>
        </li>
        <li>
          <Link to={`/records/sites?${mine}`}>{t("home.commune.sites")}</Link>
        </li>
        <li>
          <Link to={`/records/awards?${mine}`}>{t("home.commune.awards")}</Link>
        </li>
        <li>
          <Link to="/approvals">{t("home.commune.approvals")}</Link>
        </li>
      </ul>
    </section>
  );
}
