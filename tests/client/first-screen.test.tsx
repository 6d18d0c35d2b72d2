import { PROVINCE_ELEMENT_ID } from "@qt/shared/province";
import { render, screen } from "@testing-library/react";
import { createTRPCClient, unstable_localLink as localLink, type TRPCLink } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeQueryClient, Providers } from "../../client/App.tsx";
import { startFirstScreen } from "../../client/first-screen.ts";
import { MemoryRouter } from "../../client/router.tsx";
import OverviewRoute from "../../client/routes/overview.tsx";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import { firstScreenData } from "../../server/http/first-screen.ts";
import { type AppRouter, appRouter } from "../../server/routers/_app.ts";
import { installedProvince } from "../../server/services/units/province.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";

let t: TestDb;
let viewer: SessionUser;
beforeAll(async () => {
  t = await createTestDb("reference");
  viewer = await makeUser(t.db, { role: "viewer" });
  // The page as the server sends it carries the installed province (server/http/shell.ts).
  const element = document.createElement("script");
  element.type = "application/json";
  element.id = PROVINCE_ELEMENT_ID;
  element.textContent = JSON.stringify(await installedProvince(t.db));
  document.head.append(element);
}, 60_000);
afterAll(() => {
  document.getElementById(PROVINCE_ELEMENT_ID)?.remove();
  return t.close();
});

/** The app's clients on the real router and database, recording which procedures are called. */
function clients() {
  const calls: string[] = [];
  const record: TRPCLink<AppRouter> =
    () =>
    ({ op, next }) => {
      calls.push(op.path);
      return next(op);
    };
  const trpcClient = createTRPCClient<AppRouter>({
    links: [
      record,
      localLink({ router: appRouter, createContext: async () => createContextInner({ db: t.db, user: viewer }) }),
    ],
  });
  return { calls, queryClient: makeQueryClient(), trpcClient };
}

const address = { pathname: "/", search: "?from=2010&to=2024&district=470" };

function renderOverview(c: ReturnType<typeof clients>) {
  render(
    <Providers queryClient={c.queryClient} trpcClient={c.trpcClient}>
      <MemoryRouter initialEntries={[`${address.pathname}${address.search}`]}>
        <OverviewRoute />
      </MemoryRouter>
    </Providers>,
  );
}

describe("first screen", () => {
  it("draws the cards in the first render from the figures that came with the page, asking for none", async () => {
    const given = await firstScreenData(
      createContextInner({ db: t.db, user: viewer }),
      "/?from=2010&to=2024&district=470",
    );
    const c = clients();
    startFirstScreen(c.queryClient, c.trpcClient, address, given);
    renderOverview(c);
    expect(screen.getByRole("article", { name: "Phủ camera an ninh" })).toHaveTextContent("0/16 xã");
    await screen.findByRole("option", { name: "Huyện Hải Lăng (cũ)" }); // the filter's choices, asked for as usual
    // The map, drawn after the page has loaded (in its own chunk), asks for its own data.
    expect(c.calls.filter((p) => !p.startsWith("maps."))).toEqual(["dashboard.options"]);
  });

  it("asks for the session and the figures at once when the page came without them", async () => {
    const c = clients();
    startFirstScreen(c.queryClient, c.trpcClient, address, null);
    expect(c.calls).toEqual(["auth.me", "dashboard.summary", "dashboard.yearly", "dashboard.approval"]);
    renderOverview(c);
    expect(await screen.findByRole("article", { name: "Phủ camera an ninh" })).toHaveTextContent("0/16 xã");
    expect(c.calls.filter((p) => p === "dashboard.summary")).toHaveLength(1);
  });
});
