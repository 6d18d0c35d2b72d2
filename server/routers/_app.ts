import { createCallerFactory, router } from "../trpc.ts";
import { dashboardRouter } from "./dashboard.ts";

export const appRouter = router({
  dashboard: dashboardRouter,
});

/** The only server export the client may import, as a type. */
export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
