import { ChangePasswordForm } from "../features/auth/ChangePasswordForm.tsx";

export default function AccountRoute() {
  return (
    <main className="auth-page">
      <ChangePasswordForm />
    </main>
  );
}
