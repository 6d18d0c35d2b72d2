import type { TMe } from "@qt/shared/schemas/auth";
import { lazy, type ReactNode, Suspense, useRef } from "react";
import { ErrorState, Loading } from "../../components/QueryState.tsx";
import { errorCode } from "../../errors.ts";
import { CurrentUserContext, useMeQuery, useReauthOnUnauthorized } from "./current-user.tsx";
import { LogoutButton } from "./LogoutButton.tsx";

// The forms a signed-in visitor rarely sees are chunks of their own: with their schemas (zod) and
// the QR code they were a third of the first screen's scripts (issue 27, decision 047).
const LoginRoute = lazy(() => import("../../routes/login.tsx"));
const FirstPassword = lazy(() => import("./FirstPassword.tsx").then((m) => ({ default: m.FirstPassword })));
const TotpPanel = lazy(() => import("../account/TotpPanel.tsx").then((m) => ({ default: m.TotpPanel })));

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
  if (loggedOut.current) return <Later what={<LoginRoute />} />;
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorState message={me.error.message} onRetry={() => me.refetch()} />;
  // A password an admin chose: the server answers nothing else until it is changed (issue 22).
  if (me.data.mustChangePassword) return <Later what={<FirstPassword me={me.data} />} />;
  // A role that must have a second factor enrols it next (REQUIRE_TOTP, issue 29).
  if (me.data.mustEnrolTotp) {
    return (
      <main className="auth-page">
        <Later what={<TotpPanel enabled={false} required />} />
        <p>
          <LogoutButton />
        </p>
      </main>
    );
  }
  return <CurrentUserContext.Provider value={me.data}>{children(me.data)}</CurrentUserContext.Provider>;
}

const Later = ({ what }: { what: ReactNode }) => <Suspense fallback={<Loading />}>{what}</Suspense>;
