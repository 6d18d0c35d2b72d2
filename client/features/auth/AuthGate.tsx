import type { TMe } from "@qt/shared/schemas/auth";
import { type ReactNode, useRef } from "react";
import { ErrorState, Loading } from "../../components/QueryState.tsx";
import { errorCode } from "../../errors.ts";
import LoginRoute from "../../routes/login.tsx";
import { TotpPanel } from "../account/TotpPanel.tsx";
import { CurrentUserContext, useMeQuery, useReauthOnUnauthorized } from "./current-user.tsx";
import { FirstPassword } from "./FirstPassword.tsx";
import { LogoutButton } from "./LogoutButton.tsx";

/**
 * Nothing of the app renders without a session: an unauthenticated visitor gets the login page
 * at any address, and lands on that address once logged in.
 */
export function AuthGate({ children }: { children: (me: TMe) => ReactNode }) {
  const me = useMeQuery();
  useReauthOnUnauthorized();
  // A query without data goes back to "pending" while it refetches (e.g. on window focus); keep
  // the login form mounted meanwhile, or what the user typed would be lost.
  const loggedOut = useRef(false);
  if (me.isError) loggedOut.current = errorCode(me.error) === "UNAUTHORIZED";
  if (me.isSuccess) loggedOut.current = false;
  if (loggedOut.current) return <LoginRoute />;
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorState message={me.error.message} onRetry={() => me.refetch()} />;
  // A password an admin chose: the server answers nothing else until it is changed (issue 22).
  if (me.data.mustChangePassword) return <FirstPassword me={me.data} />;
  // A role that must have a second factor enrols it next (REQUIRE_TOTP, issue 29).
  if (me.data.mustEnrolTotp) {
    return (
      <main className="auth-page">
        <TotpPanel enabled={false} required />
        <p>
          <LogoutButton />
        </p>
      </main>
    );
  }
  return <CurrentUserContext.Provider value={me.data}>{children(me.data)}</CurrentUserContext.Provider>;
}
