import { RECORD_KINDS } from "../services/records/kinds/index.ts";
import { createCallerFactory, router } from "../trpc.ts";
import { approvalsRouter } from "./approvals.ts";
import { auditRouter } from "./audit.ts";
import { authRouter } from "./auth.ts";
import { dashboardRouter } from "./dashboard.ts";
import { demoRouter } from "./demo.ts";
import { dividedRouter } from "./divided.ts";
import { exchangeRouter } from "./exchange.ts";
import { importsRouter } from "./imports.ts";
import { mapsRouter } from "./maps.ts";
import { modelTypesRouter } from "./modelTypes.ts";
import { personalDataRouter } from "./personal-data.ts";
import { recordRouter } from "./records.ts";
import { reportsRouter } from "./reports.ts";
import { targetsRouter } from "./targets.ts";
import { unitsRouter } from "./units.ts";
import { usersRouter } from "./users.ts";

export const appRouter = router({
  auth: authRouter,
  users: usersRouter,
  audit: auditRouter,
  approvals: approvalsRouter,
  dashboard: dashboardRouter,
  demo: demoRouter,
  sites: recordRouter(RECORD_KINDS.sites),
  cameras: recordRouter(RECORD_KINDS.cameras),
  awards: recordRouter(RECORD_KINDS.awards),
  modelTypes: modelTypesRouter,
  units: unitsRouter,
  reports: reportsRouter,
  maps: mapsRouter,
  imports: importsRouter,
  personalData: personalDataRouter,
  targets: targetsRouter,
  divided: dividedRouter,
  exchange: exchangeRouter,
});

/** The only server export the client may import, as a type. */
export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
