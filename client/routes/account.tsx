import { SessionsPanel } from "../features/account/SessionsPanel.tsx";
import { TotpPanel } from "../features/account/TotpPanel.tsx";
import { ChangePasswordForm } from "../features/auth/ChangePasswordForm.tsx";
import { useCurrentUser } from "../features/auth/current-user.tsx";

/** One's own account: password, second factor, open sessions. */
export default function AccountRoute() {
  const me = useCurrentUser();
  return (
    <main className="auth-page account-page">
      <ChangePasswordForm />
      <TotpPanel enabled={me.totpEnabled} />
      <SessionsPanel />
    </main>
  );
}
