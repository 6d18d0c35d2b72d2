import { FILTER_PARAMS } from "@qt/shared/first-screen";
import type { TDashboardFilter } from "@qt/shared/schemas/dashboard";
import { useContext, useEffect, useRef } from "react";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link, useLocation } from "../../router.tsx";
import { CurrentUserContext } from "./current-user.tsx";

/**
 * A commune officer lands on their commune (issue 22): opened with no filter in the URL, the
 * dashboard is filtered to it, once; a "Toàn tỉnh" link or the filter bar widens it, and the URL
 * keeps the choice. Returns the filter to show (the first render already asks for the commune's
 * figures, not the province's). Others: the URL's filter as it is.
 */
export function useCommuneLanding(
  filter: TDashboardFilter,
  setFilter: (patch: Partial<TDashboardFilter>) => void,
  search: string,
): TDashboardFilter {
  const me = useContext(CurrentUserContext);
  const home = me?.scope.kind === "commune" ? me.scope.code : undefined;
  const landing = useRef(home && !search ? home : undefined);
  const applied = useRef(false);
  useEffect(() => {
    if (landing.current && !applied.current) setFilter({ communeCode: landing.current });
    applied.current = true;
  }, [setFilter]);
  return landing.current && !applied.current ? { ...filter, communeCode: landing.current } : filter;
}

/** The address's search without the commune filter: the same view over the whole province. */
function widened(search: string): string {
  const params = new URLSearchParams(search);
  params.delete(FILTER_PARAMS.communeCode);
  const rest = params.toString();
  return rest ? `?${rest}` : "";
}

/**
 * A commune officer's first screen starts from their commune (issue 22): named, with its records
 * and its approvals one tap away, each list opened on the commune. Others see nothing here.
 */
export function CommuneHome({ filter }: { filter: TDashboardFilter }) {
  const { t } = useI18n();
  const location = useLocation();
  const me = useContext(CurrentUserContext);
  if (me?.scope.kind !== "commune") return null;
  const unit = me.scope.name;
  const mine = `communeCode=${me.scope.code}`;
  return (
    // First even where a phone's layout reorders the overview's children (styles.css, main.overview).
    <section className="commune-home" aria-labelledby="commune-home-h" style={{ order: -1 }}>
      <h2 id="commune-home-h">{t("home.commune.heading", { unit })}</h2>
      <p>{t("home.commune.intro", { unit })}</p>
      {filter.communeCode === me.scope.code && (
        <p className="commune-home-scope">
          {t("home.commune.figures", { unit })}{" "}
          <Link to={{ search: widened(location.search) }}>{t("home.commune.widen")}</Link>
        </p>
      )}
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
