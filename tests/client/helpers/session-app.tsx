import { render } from "@testing-library/react";
import { createTRPCClient, unstable_localLink as localLink } from "@trpc/client";
import type { ReactNode } from "react";
import { MemoryRouter } from "react-router";
import { Providers } from "../../../client/App.tsx";
import { createContextInner } from "../../../server/context.ts";
import type { Db } from "../../../server/db.ts";
import { type AppRouter, appRouter } from "../../../server/routers/_app.ts";
import { resolveSession } from "../../../server/services/sessions.ts";

/**
 * Like renderApp, but the caller is whoever the session "cookie" names: login sets it, logout
 * clears it, and every call resolves it as the HTTP server does. For login/logout flows.
 */
export function renderWithSession(ui: ReactNode, opts: { db: Db; token?: string; path?: string }) {
  const jar: { token?: string } = { token: opts.token };
  const trpcClient = createTRPCClient<AppRouter>({
    links: [
      localLink({
        router: appRouter,
        createContext: async () =>
          createContextInner({
            db: opts.db,
            user: await resolveSession(opts.db, jar.token),
            meta: {
              sessionToken: jar.token,
              setCookie: (_name, value) => {
                jar.token = value;
              },
              clearCookie: () => {
                jar.token = undefined;
              },
            },
          }),
      }),
    ],
  });
  const view = render(
    <Providers trpcClient={trpcClient}>
      <MemoryRouter initialEntries={[opts.path ?? "/"]}>{ui}</MemoryRouter>
    </Providers>,
  );
  return { ...view, jar };
}
