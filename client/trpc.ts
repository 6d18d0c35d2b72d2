import { LOCALE_HEADER } from "@qt/shared/format";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
// Only the router's type crosses to the client (CONVENTIONS 1).
import type { AppRouter } from "../server/routers/_app.ts";
import { activeLocale } from "./i18n/I18nProvider.tsx";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** Header every call carries; the server refuses mutations without it (cross-site request guard). */
export const CLIENT_HEADER = { "x-qt-client": "web" } as const;

export function makeTrpcClient(url = "/api/trpc") {
  return createTRPCClient<AppRouter>({
    // The language goes with every call, so the server writes its messages in it.
    links: [httpBatchLink({ url, headers: () => ({ ...CLIENT_HEADER, [LOCALE_HEADER]: activeLocale() }) })],
  });
}

export type TrpcClient = ReturnType<typeof makeTrpcClient>;
