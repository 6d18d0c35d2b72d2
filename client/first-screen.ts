import {
  FIRST_SCREEN_ELEMENT_ID,
  type FirstScreenData,
  type FirstScreenQuery,
  firstScreenQueries,
} from "@qt/shared/first-screen";
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import type { AppRouter } from "../server/routers/_app.ts";
import { meQueryOptions } from "./features/auth/current-user.tsx";
import type { TrpcClient } from "./trpc.ts";

type Trpc = ReturnType<typeof createTRPCOptionsProxy<AppRouter>>;

const optionsOf = (trpc: Trpc, q: FirstScreenQuery) =>
  q.path === "dashboard.summary"
    ? trpc.dashboard.summary.queryOptions(q.input)
    : q.path === "dashboard.yearly"
      ? trpc.dashboard.yearly.queryOptions(q.input)
      : trpc.dashboard.approval.queryOptions(q.input);

/** The server's answer into the query cache, or else the question to the server. */
function fill(queryClient: QueryClient, options: { queryKey: QueryKey }, answer: { data: unknown } | undefined) {
  if (answer) queryClient.setQueryData(options.queryKey, answer.data);
  // The procedures' options differ in their data type only, which the cache does not look at.
  else void queryClient.prefetchQuery(options as Parameters<QueryClient["prefetchQuery"]>[0]);
}

/** The answers the server put in the page (server/http/shell.ts), if it did. */
export function readFirstScreenData(doc: Document): FirstScreenData | null {
  const text = doc.getElementById(FIRST_SCREEN_ELEMENT_ID)?.textContent;
  if (!text) return null;
  try {
    return JSON.parse(text) as FirstScreenData;
  } catch {
    return null;
  }
}

/**
 * On load, before React renders: the session check and the first screen's answers that came with
 * the page go into the query cache, so the first render draws the screen. Whatever did not come
 * (no session yet, a page not served by the app's server as with `pnpm dev:client`, a query the
 * server could not answer) is asked for at once, in one request. Without a session the screen's
 * queries fail UNAUTHORIZED and are asked again once the user has logged in.
 */
export function startFirstScreen(
  queryClient: QueryClient,
  trpcClient: TrpcClient,
  at: { pathname: string; search: string },
  given: FirstScreenData | null,
) {
  const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
  fill(queryClient, meQueryOptions(trpc), given ? { data: given.me } : undefined);
  for (const q of firstScreenQueries(at.pathname, new URLSearchParams(at.search))) {
    const same = (a: FirstScreenQuery) => a.path === q.path && JSON.stringify(a.input) === JSON.stringify(q.input);
    fill(queryClient, optionsOf(trpc, q), given?.queries.find(same));
  }
}
