import {
  ZDashboardAreas,
  ZDashboardAreasInput,
  ZDashboardAwards,
  ZDashboardCameras,
  ZDashboardCommunities,
  ZDashboardFilter,
  ZDashboardModelType,
  ZDashboardModelTypeInput,
  ZDashboardOptions,
  ZDashboardSummary,
  ZDashboardYearly,
} from "@qt/shared/schemas/dashboard";
import { dashboardSummary } from "../services/dashboard.ts";
import { dashboardAreas } from "../services/dashboard-areas.ts";
import { dashboardAwards } from "../services/dashboard-awards.ts";
import { dashboardCameras } from "../services/dashboard-cameras.ts";
import { dashboardCommunities } from "../services/dashboard-communities.ts";
import { dashboardModelType } from "../services/dashboard-model-type.ts";
import { dashboardOptions } from "../services/dashboard-options.ts";
import { dashboardYearly } from "../services/dashboard-yearly.ts";
import { router, viewerProcedure } from "../trpc.ts";

export const dashboardRouter = router({
  summary: viewerProcedure
    .input(ZDashboardFilter.optional())
    .output(ZDashboardSummary)
    .query(({ ctx, input }) => dashboardSummary(ctx.db, input ?? {})),
  yearly: viewerProcedure
    .input(ZDashboardFilter.optional())
    .output(ZDashboardYearly)
    .query(({ ctx, input }) => dashboardYearly(ctx.db, input ?? {})),
  areas: viewerProcedure
    .input(ZDashboardAreasInput)
    .output(ZDashboardAreas)
    .query(({ ctx, input }) => dashboardAreas(ctx.db, input)),
  cameras: viewerProcedure
    .input(ZDashboardFilter.optional())
    .output(ZDashboardCameras)
    .query(({ ctx, input }) => dashboardCameras(ctx.db, input ?? {})),
  modelType: viewerProcedure
    .input(ZDashboardModelTypeInput)
    .output(ZDashboardModelType)
    .query(({ ctx, input }) => dashboardModelType(ctx.db, input)),
  communities: viewerProcedure
    .input(ZDashboardFilter.optional())
    .output(ZDashboardCommunities)
    .query(({ ctx, input }) => dashboardCommunities(ctx.db, input ?? {})),
  awards: viewerProcedure
    .input(ZDashboardFilter.optional())
    .output(ZDashboardAwards)
    .query(({ ctx, input }) => dashboardAwards(ctx.db, input ?? {})),
  options: viewerProcedure.output(ZDashboardOptions).query(({ ctx }) => dashboardOptions(ctx.db)),
});
