import { ZDashboardFilter, ZDashboardSummary } from "@qt/shared/schemas/dashboard";
import { dashboardSummary } from "../services/dashboard.ts";
import { publicProcedure, router } from "../trpc.ts";

export const dashboardRouter = router({
  // TODO(issue 3): viewerProcedure once sessions exist.
  summary: publicProcedure
    .input(ZDashboardFilter.optional())
    .output(ZDashboardSummary)
    .query(({ ctx, input }) => dashboardSummary(ctx.db, input ?? {})),
});
