import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
// Only the router's type crosses to the client (CONVENTIONS 1).
import type { AppRouter } from "../server/routers/_app.ts";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** Header every call carries; the server refuses mutations without it (cross-site request guard). */
export const CLIENT_HEADER = { "x-qt-client": "web" } as const;

export function makeTrpcClient(url = "/api/trpc") {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url, headers: () => CLIENT_HEADER })],
  });
}

export type TrpcClient = ReturnType<typeof makeTrpcClient>;
