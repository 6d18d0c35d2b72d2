import { ZApprovalSummary } from "@qt/shared/schemas/approvals";
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
import { withDemo } from "@qt/shared/schemas/demo";
import { ZTargetProgress } from "@qt/shared/schemas/targets";
import { z } from "zod";
import { dashboardFigures as figures } from "../services/dashboard/cache.ts";
import { dashboardOptions } from "../services/dashboard/options.ts";
import { targetPlace, targetProgress } from "../services/targets/targets.ts";
import { figuresProcedure, router, viewerProcedure } from "../trpc.ts";

/** Every figure comes through the aggregate cache (services/dashboard/cache.ts, docs/decisions/008). */
export const dashboardRouter = router({
  summary: figuresProcedure
    .input(ZDashboardFilter.optional())
    .output(withDemo(ZDashboardSummary).extend({ targets: z.array(ZTargetProgress).optional() }))
    // Cached figures hold as of now, not as of when they were computed: the data has not changed.
    .query(async ({ ctx, input }) => {
      const summary = await figures.summary(ctx.db, input);
      const place = targetPlace(input);
      const targets = place
        ? await targetProgress(ctx.db, place, summary, async () => (await figures.awards(ctx.db, input)).total)
        : undefined;
      return { ...summary, asOf: new Date().toISOString(), ...(targets ? { targets } : {}) };
    }),
  yearly: figuresProcedure
    .input(ZDashboardFilter.optional())
    .output(withDemo(ZDashboardYearly))
    .query(({ ctx, input }) => figures.yearly(ctx.db, input)),
  areas: figuresProcedure
    .input(ZDashboardAreasInput)
    .output(withDemo(ZDashboardAreas))
    .query(({ ctx, input }) => figures.areas(ctx.db, input)),
  cameras: figuresProcedure
    .input(ZDashboardFilter.optional())
    .output(withDemo(ZDashboardCameras))
    .query(({ ctx, input }) => figures.cameras(ctx.db, input)),
  modelType: figuresProcedure
    .input(ZDashboardModelTypeInput)
    .output(withDemo(ZDashboardModelType))
    .query(({ ctx, input }) => figures.modelType(ctx.db, input)),
  communities: figuresProcedure
    .input(ZDashboardFilter.optional())
    .output(withDemo(ZDashboardCommunities))
    .query(({ ctx, input }) => figures.communities(ctx.db, input)),
  awards: figuresProcedure
    .input(ZDashboardFilter.optional())
    .output(withDemo(ZDashboardAwards))
    .query(({ ctx, input }) => figures.awards(ctx.db, input)),
  /** The filter bar's choices; a provincial account's (decision 051) its province's, read apart from the cache. */
  options: viewerProcedure
    .output(ZDashboardOptions)
    .query(({ ctx }) =>
      ctx.user.reach ? dashboardOptions(ctx.db, ctx.user.reach) : figures.options(ctx.db, undefined),
    ),
  /** "Số liệu đã phê duyệt: 9/10 huyện; chưa phê duyệt: …" for the figures of this filter (decision 025). */
  approval: figuresProcedure
    .input(ZDashboardFilter.optional())
    .output(ZApprovalSummary)
    .query(({ ctx, input }) => figures.approval(ctx.db, input)),
});
