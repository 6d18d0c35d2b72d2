import { awardProcedures } from "../services/records/kinds/award.ts";
import { cameraProcedures } from "../services/records/kinds/camera.ts";
import { siteProcedures } from "../services/records/kinds/site.ts";
import { createCallerFactory, router } from "../trpc.ts";
import { approvalsRouter } from "./approvals.ts";
import { auditRouter } from "./audit.ts";
import { authRouter } from "./auth.ts";
import { dashboardRouter } from "./dashboard.ts";
import { demoRouter } from "./demo.ts";
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
  sites: recordRouter(siteProcedures),
  cameras: recordRouter(cameraProcedures),
  awards: recordRouter(awardProcedures),
  modelTypes: modelTypesRouter,
  units: unitsRouter,
  reports: reportsRouter,
  maps: mapsRouter,
  imports: importsRouter,
  personalData: personalDataRouter,
  targets: targetsRouter,
});

/** The only server export the client may import, as a type. */
export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
