import { render } from "@testing-library/react";
import { createTRPCClient, unstable_localLink as localLink } from "@trpc/client";
import type { ReactNode } from "react";
import { MemoryRouter } from "react-router";
import { Providers } from "../../../client/App.tsx";
import { createContextInner, type SessionUser } from "../../../server/context.ts";
import type { Db } from "../../../server/db.ts";
import { type AppRouter, appRouter } from "../../../server/routers/_app.ts";

/**
 * Renders UI inside the app's real providers, wired to the real router and a real database in the
 * test process (CONVENTIONS 12): no mocked API, no mocked database.
 */
export function renderApp(ui: ReactNode, opts: { db: Db; user?: SessionUser | null; path?: string }) {
  const trpcClient = createTRPCClient<AppRouter>({
    links: [
      localLink({
        router: appRouter,
        createContext: async () => createContextInner({ db: opts.db, user: opts.user ?? null }),
      }),
    ],
  });
  return render(
    <Providers trpcClient={trpcClient}>
      <MemoryRouter initialEntries={[opts.path ?? "/"]}>{ui}</MemoryRouter>
    </Providers>,
  );
}
