import type { Role } from "@qt/shared/domain";
import { loadAllMessages, type MessageKey } from "@qt/shared/messages/index";
import { type ComponentType, lazy } from "react";
// Dashboard layout, conference mode and the A4-landscape print stylesheet (issue 4).
import "../features/dashboard/dashboard.css";
// Buttons, inputs, headings, focus ring, skip link and phone cards for every screen (issue 22).
import "../controls.css";

/** The navigation's groups, in order: leaders read, editors enter, admins manage. */
export const NAV_GROUPS = ["dashboards", "records", "admin"] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

// Leaders (viewers) read figures; entry screens are for those who may change records.
const WRITERS: Role[] = ["editor", "admin"];

export type AppRoute = {
  path: string;
  /** Shown in the navigation when set, under its group's heading. */
  navKey?: MessageKey;
  group?: NavGroup;
  /** Only these roles see the screen (absent: everyone logged in). */
  roles?: Role[];
  /** Each screen but the first is its own lazy chunk: the first screen loads only what it draws. */
  Component: ComponentType;
};

/**
 * A screen of its own chunk, loaded once the words of the screens beyond the first came
 * (shared/src/messages/vietnamese-rest.ts, decision 054): after them, so that a module of the
 * screen that reads a message when it loads finds it (once fetched, they are there at once).
 */
const screen = (load: () => Promise<{ default: ComponentType }>) => lazy(() => loadAllMessages().then(load));

// The first screen is part of the main bundle, not lazy: a lazy screen suspends once even when its
// chunk is already loaded, and React then holds the fallback for its 300 ms reveal throttle before
// the dashboard's queries even start (issue 4's first-render budget). It is a few KB: its charts
// load lazily.
import OverviewRoute from "./overview.tsx";

/** Every screen of the app, one file per screen in this folder. */
export const ROUTES: AppRoute[] = [
  { path: "/", navKey: "nav.overview", group: "dashboards", Component: OverviewRoute },
  {
    path: "/district",
    navKey: "dashboard.nav.district",
    group: "dashboards",
    Component: screen(() => import("./district.tsx")),
  },
  { path: "/district/:code", Component: screen(() => import("./district.tsx")) },
  {
    path: "/model-type",
    navKey: "dashboard.nav.modelType",
    group: "dashboards",
    Component: screen(() => import("./model-type.tsx")),
  },
  { path: "/model-type/:code", Component: screen(() => import("./model-type.tsx")) },
  {
    path: "/cameras",
    navKey: "dashboard.nav.cameras",
    group: "dashboards",
    Component: screen(() => import("./cameras.tsx")),
  },
  {
    path: "/communities",
    navKey: "dashboard.nav.communities",
    group: "dashboards",
    Component: screen(() => import("./communities.tsx")),
  },
  {
    path: "/awards",
    navKey: "dashboard.nav.awards",
    group: "dashboards",
    Component: screen(() => import("./awards.tsx")),
  },
  {
    path: "/conference",
    navKey: "dashboard.nav.conference",
    group: "dashboards",
    Component: screen(() => import("./conference.tsx")),
  },
  {
    path: "/records/sites",
    navKey: "entry.nav.sites",
    group: "records",
    roles: WRITERS,
    Component: screen(() => import("./records-sites.tsx")),
  },
  {
    path: "/records/cameras",
    navKey: "entry.nav.cameras",
    group: "records",
    roles: WRITERS,
    Component: screen(() => import("./records-cameras.tsx")),
  },
  {
    path: "/records/awards",
    navKey: "entry.nav.awards",
    group: "records",
    roles: WRITERS,
    Component: screen(() => import("./records-awards.tsx")),
  },
  {
    path: "/imports",
    navKey: "imports.nav",
    group: "records",
    roles: WRITERS,
    Component: screen(() => import("./imports.tsx")),
  },
  {
    path: "/records/divided",
    navKey: "divided.nav",
    group: "records",
    roles: WRITERS,
    Component: screen(() => import("./divided.tsx")),
  },
  {
    path: "/records/model-types",
    navKey: "entry.nav.modelTypes",
    group: "records",
    roles: ["admin"],
    Component: screen(() => import("./records-model-types.tsx")),
  },
  { path: "/reports", navKey: "reports.nav", group: "dashboards", Component: screen(() => import("./reports.tsx")) },
  // Everyone follows the approval of the figures; the actions offered depend on role and scope.
  {
    path: "/approvals",
    navKey: "approvals.nav",
    group: "dashboards",
    Component: screen(() => import("./approvals.tsx")),
  },
  {
    path: "/users",
    navKey: "auth.nav.users",
    group: "admin",
    roles: ["admin"],
    Component: screen(() => import("./users.tsx")),
  },
  {
    path: "/audit",
    navKey: "auth.nav.audit",
    group: "admin",
    roles: ["admin"],
    Component: screen(() => import("./audit.tsx")),
  },
  {
    path: "/admin/targets",
    navKey: "targets.nav",
    group: "admin",
    roles: ["admin"],
    Component: screen(() => import("./targets.tsx")),
  },
  {
    path: "/admin/map-boundaries",
    navKey: "map.admin.nav",
    group: "admin",
    roles: ["admin"],
    Component: screen(() => import("./map-boundaries.tsx")),
  },
  {
    path: "/admin/exchange",
    navKey: "exchange.title",
    group: "admin",
    roles: ["admin"],
    Component: screen(() => import("./exchange.tsx")),
  },
  { path: "/account", Component: screen(() => import("./account.tsx")) },
];
