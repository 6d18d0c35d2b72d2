import type { TMe } from "@qt/shared/schemas/auth";
import { useQuery } from "@tanstack/react-query";
import { createContext, useContext } from "react";
import { useTRPC } from "../../trpc.ts";

/** Who is logged in: auth.me, which fails with UNAUTHORIZED when there is no valid session. */
export function useMeQuery() {
  const trpc = useTRPC();
  // No retry: UNAUTHORIZED is an answer, not a glitch. The session is checked again on focus.
  return useQuery(trpc.auth.me.queryOptions(undefined, { retry: false, staleTime: 5 * 60_000 }));
}

export const CurrentUserContext = createContext<TMe | null>(null);

/** The logged-in user, inside the auth gate (screens behind the gate always have one). */
export function useCurrentUser(): TMe {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error("useCurrentUser outside the auth gate");
  return me;
}
