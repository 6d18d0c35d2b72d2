import { render } from "@testing-library/react";
import { createTRPCClient, unstable_localLink as localLink } from "@trpc/client";
import type { ReactNode } from "react";
import { Providers } from "../../client/App.tsx";
import { CurrentUserContext } from "../../client/features/auth/current-user.tsx";
import { MemoryRouter } from "../../client/router.tsx";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import type { Db } from "../../server/db.ts";
import { type AppRouter, appRouter } from "../../server/routers/_app.ts";
import { meOf } from "../../server/services/accounts/account.ts";
import { resolveSession } from "../../server/services/accounts/sessions.ts";

type Caller =
  /** Calls made as this user (or anonymously), whatever the session says. */
  | { user?: SessionUser | null; session?: undefined }
  /**
   * Calls made as whoever the session "cookie" names: login sets it, logout clears it, and every
   * call resolves it as the HTTP server does. For login/logout flows.
   */
  | { session: { token?: string }; user?: undefined };

/**
 * The one way client tests render: UI inside the app's real providers, wired to the real router and
 * a real database in the test process (CONVENTIONS 12): no mocked API, no mocked database.
 * Returns the session jar, where the cookie of a `session` render can be read.
 */
export function renderApp(ui: ReactNode, opts: { db: Db; path?: string } & Caller) {
  const jar: { token?: string } = { token: opts.session?.token };
  const context = async (): Promise<Parameters<typeof createContextInner>[0]> => {
    if (!opts.session) return { db: opts.db, user: opts.user ?? null };
    return {
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
    };
  };
  const trpcClient = createTRPCClient<AppRouter>({
    links: [localLink({ router: appRouter, createContext: async () => createContextInner(await context()) })],
  });
  const view = render(
    <Providers trpcClient={trpcClient}>
      <MemoryRouter initialEntries={[opts.path ?? "/"]}>{ui}</MemoryRouter>
    </Providers>,
  );
  return { ...view, jar };
}

/** A screen as the signed-in user `u` sees it (in the app the auth gate provides the user). */
export const asUser = (u: SessionUser, ui: ReactNode) => (
  <CurrentUserContext.Provider value={meOf(u)}>{ui}</CurrentUserContext.Provider>
);
