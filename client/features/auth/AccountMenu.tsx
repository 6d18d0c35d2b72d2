import type { TMe } from "@qt/shared/schemas/auth";
import { scopeName } from "@qt/shared/scope-name";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router.tsx";
import { LogoutButton } from "./LogoutButton.tsx";

/** Who is logged in, with change password and logout. */
export function AccountMenu({ me }: { me: TMe }) {
  const { t, label, locale } = useI18n();
  // The role once (an admin named "Quản trị viên" is not "Quản trị viên · Quản trị viên"), and an
  // editor's scope by name: "Huyện Gio Linh (cũ)", "Xã Gio Linh (huyện Gio Linh cũ)", "Toàn tỉnh".
  const role = label("role", me.role);
  const parts = [me.displayName];
  if (me.displayName !== role) parts.push(role);
  if (me.role === "editor") parts.push(scopeName(me.scope, locale) ?? t("auth.scope.province"));
  return (
    <nav className="account-menu" aria-label={t("auth.menu.label")}>
      <span className="account-name">{parts.join(" · ")}</span>
      <Link to="/account">{t("auth.menu.changePassword")}</Link>
      <LogoutButton />
    </nav>
  );
}
