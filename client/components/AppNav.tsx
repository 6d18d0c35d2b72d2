import { useEffect, useState } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { NavLink, useLocation } from "../router.tsx";
import { type AppRoute, NAV_GROUPS } from "../routes/index.ts";

/**
 * The screens a role uses, grouped (dashboards, data entry, administration) so an admin's dozen
 * links stay readable. On a narrow screen the groups fold behind a menu button, so the first
 * screen shows figures rather than links.
 */
export function AppNav({ routes }: { routes: AppRoute[] }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  // Following a link closes the menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation by design
  useEffect(() => setOpen(false), [pathname]);
  const groups = NAV_GROUPS.map((g) => ({ g, items: routes.filter((r) => r.navKey && r.group === g) })).filter(
    (x) => x.items.length > 0,
  );
  return (
    <nav className={open ? "app-nav open" : "app-nav"} aria-label={t("nav.label")}>
      <button
        type="button"
        className="app-nav-toggle"
        aria-expanded={open}
        aria-controls="app-nav-groups"
        onClick={() => setOpen((v) => !v)}
      >
        {open ? t("layout.menu.close") : t("layout.menu")}
      </button>
      <div className="app-nav-groups" id="app-nav-groups">
        {groups.map(({ g, items }) => (
          // One group alone needs no heading: a viewer sees only the dashboards.
          <div className="app-nav-group" key={g}>
            {groups.length > 1 && <span className="app-nav-group-label">{t(`layout.nav.${g}`)}</span>}
            {items.map((r) => (
              <NavLink key={r.path} to={r.path} end={r.path === "/"}>
                {r.navKey ? t(r.navKey) : null}
              </NavLink>
            ))}
          </div>
        ))}
      </div>
    </nav>
  );
}
