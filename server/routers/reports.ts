import { ZReportModel, ZReportOptions } from "@qt/shared/schemas/reports";
import { buildReportModel } from "../services/reports/model.ts";
import { router, viewerProcedure } from "../trpc.ts";

export const reportsRouter = router({
  /** The report's content for the in-page preview: the same model the downloads are written from. */
  preview: viewerProcedure
    .input(ZReportOptions)
    .output(ZReportModel)
    .query(({ ctx, input }) => buildReportModel(ctx.db, input)),
});
