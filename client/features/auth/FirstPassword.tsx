import type { TMe } from "@qt/shared/schemas/auth";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";
import { ChangePasswordForm } from "./ChangePasswordForm.tsx";

/**
 * The first screen of an account whose password an admin chose (new, or reset): change it, or
 * sign out. The server refuses every other call until then (auth.mustChangePassword).
 */
export function FirstPassword({ me }: { me: TMe }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({ onSettled: () => queryClient.invalidateQueries(trpc.auth.me.queryFilter()) }),
  );
  return (
    <main className="auth-page">
      <p>{t("auth.first.intro", { name: me.displayName })}</p>
      <ChangePasswordForm heading={t("auth.first.heading")} />
      <p>
        <button type="button" onClick={() => logout.mutate()} disabled={logout.isPending}>
          {t("auth.first.logout")}
        </button>
      </p>
    </main>
  );
}
