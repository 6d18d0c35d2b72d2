import type { TMe } from "@qt/shared/schemas/auth";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { ChangePasswordForm } from "./ChangePasswordForm.tsx";
import { LogoutButton } from "./LogoutButton.tsx";

/**
 * The first screen of an account whose password an admin chose (new, or reset): change it, or
 * sign out. The server refuses every other call until then (auth.mustChangePassword).
 */
export function FirstPassword({ me }: { me: TMe }) {
  const { t } = useI18n();
  return (
    <main className="auth-page">
      <p>{t("auth.first.intro", { name: me.displayName })}</p>
      <ChangePasswordForm heading={t("auth.first.heading")} />
      <p>
        <LogoutButton />
      </p>
    </main>
  );
}
