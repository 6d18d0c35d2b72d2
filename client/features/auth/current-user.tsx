import type { TMe } from "@qt/shared/schemas/auth";
import { hashKey, useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect } from "react";
import { errorCode } from "../../errors.ts";
import { useTRPC } from "../../trpc.ts";

/** Who is logged in: auth.me, which fails with UNAUTHORIZED when there is no valid session. */
export function meQueryOptions(trpc: ReturnType<typeof useTRPC>) {
  // No retry: UNAUTHORIZED is an answer, not a glitch. The session is checked again on focus.
  return trpc.auth.me.queryOptions(undefined, { retry: false, staleTime: 5 * 60_000 });
}

export function useMeQuery() {
  return useQuery(meQueryOptions(useTRPC()));
}

export const CurrentUserContext = createContext<TMe | null>(null);

/** The logged-in user, inside the auth gate (screens behind the gate always have one). */
export function useCurrentUser(): TMe {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error("useCurrentUser outside the auth gate");
  return me;
}

/**
 * When any call answers UNAUTHORIZED (the session expired or was revoked while the app was open),
 * check auth.me again, so the gate shows the login page instead of an error on every screen.
 */
export function useReauthOnUnauthorized() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useEffect(() => {
    const meHash = hashKey(trpc.auth.me.queryKey());
    const recheck = (err: unknown) => {
      // Only a logged-in app can lose its session (a failed login is not news to the gate).
      const loggedIn = queryClient.getQueryState(trpc.auth.me.queryKey())?.status === "success";
      if (loggedIn && errorCode(err) === "UNAUTHORIZED") {
        void queryClient.invalidateQueries(trpc.auth.me.queryFilter());
      }
    };
    const offQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === "updated" && event.action.type === "error" && event.query.queryHash !== meHash) {
        recheck(event.action.error);
      }
    });
    const offMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === "updated" && event.action.type === "error") recheck(event.action.error);
    });
    return () => {
      offQueries();
      offMutations();
    };
  }, [queryClient, trpc]);
}
