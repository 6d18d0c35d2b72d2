import { CONTENT_ID } from "../components/SkipLink.tsx";
import { LoginForm } from "../features/auth/LoginForm.tsx";

/** Shown by the auth gate, at whatever address an unauthenticated visitor opened. */
export default function LoginRoute() {
  return (
    <main className="auth-page" id={CONTENT_ID} tabIndex={-1}>
      <LoginForm />
    </main>
  );
}
