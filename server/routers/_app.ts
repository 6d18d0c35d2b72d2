import { createCallerFactory, router } from "../trpc.ts";
import { approvalsRouter } from "./approvals.ts";
import { auditRouter } from "./audit.ts";
import { authRouter } from "./auth.ts";
import { awardsRouter } from "./awards.ts";
import { camerasRouter } from "./cameras.ts";
import { dashboardRouter } from "./dashboard.ts";
import { demoRouter } from "./demo.ts";
import { importsRouter } from "./imports.ts";
import { mapsRouter } from "./maps.ts";
import { modelTypesRouter } from "./modelTypes.ts";
import { personalDataRouter } from "./personal-data.ts";
import { reportsRouter } from "./reports.ts";
import { sitesRouter } from "./sites.ts";
import { unitsRouter } from "./units.ts";
import { usersRouter } from "./users.ts";

export const appRouter = router({
  auth: authRouter,
  users: usersRouter,
  audit: auditRouter,
  approvals: approvalsRouter,
  dashboard: dashboardRouter,
  demo: demoRouter,
  sites: sitesRouter,
  cameras: camerasRouter,
  awards: awardsRouter,
  modelTypes: modelTypesRouter,
  units: unitsRouter,
  reports: reportsRouter,
  maps: mapsRouter,
  imports: importsRouter,
  personalData: personalDataRouter,
});

/** The only server export the client may import, as a type. */
export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
