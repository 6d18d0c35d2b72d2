import { type ComponentType, type LazyExoticComponent, lazy } from "react";
import type { MessageKey } from "../i18n/dictionary.ts";

export type AppRoute = {
  path: string;
  /** Shown in the navigation when set. */
  navKey?: MessageKey;
  /** Each screen is its own chunk: the first screen loads only what it draws. */
  Component: LazyExoticComponent<ComponentType>;
};

/** Every screen of the app, one file per screen in this folder. */
export const ROUTES: AppRoute[] = [
  { path: "/", navKey: "nav.overview", Component: lazy(() => import("./overview.tsx")) },
  { path: "/records/sites", navKey: "entry.nav.sites", Component: lazy(() => import("./records-sites.tsx")) },
  { path: "/records/cameras", navKey: "entry.nav.cameras", Component: lazy(() => import("./records-cameras.tsx")) },
  { path: "/records/awards", navKey: "entry.nav.awards", Component: lazy(() => import("./records-awards.tsx")) },
];
