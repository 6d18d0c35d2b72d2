import type { TMe } from "@qt/shared/schemas/auth";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";

/** Who is logged in, with change password and logout. */
export function AccountMenu({ me }: { me: TMe }) {
  const { t, label } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      // Drop every cached answer: auth.me then fails and the gate shows the login page.
      onSettled: () => queryClient.resetQueries(),
    }),
  );
  const scope = me.role === "editor" && me.districtCode ? me.districtCode : t("auth.scope.province");
  return (
    <nav className="account-menu" aria-label={t("auth.menu.label")}>
      <span className="account-name">
        {me.displayName} · {label("role", me.role)} · {scope}
      </span>
      <Link to="/account">{t("auth.menu.changePassword")}</Link>
      <button type="button" onClick={() => logout.mutate()} disabled={logout.isPending}>
        {t("auth.menu.logout")}
      </button>
    </nav>
  );
}
