import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";

/**
 * Sign out: ends the session on the server, then drops every cached answer, so auth.me fails and
 * the gate shows the login page. The one way out, from the menu and from the screens that come
 * before the app (first password, forced second-factor enrolment).
 */
export function LogoutButton() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const logout = useMutation(trpc.auth.logout.mutationOptions({ onSettled: () => queryClient.resetQueries() }));
  return (
    <button type="button" onClick={() => logout.mutate()} disabled={logout.isPending}>
      {t("auth.menu.logout")}
    </button>
  );
}
