import { ZReportDocument } from "@qt/shared/schemas/report-document";
import {
  ZReportDraft,
  ZReportDraftCreateInput,
  ZReportDraftGetInput,
  ZReportDraftListInput,
  ZReportDraftRemoveInput,
  ZReportDraftSummary,
  ZReportDraftUpdateInput,
} from "@qt/shared/schemas/report-drafts";
import { ZReportOptions } from "@qt/shared/schemas/reports";
import { z } from "zod";
import {
  createReportDraft,
  getReportDraft,
  listReportDrafts,
  removeReportDraft,
  updateReportDraft,
} from "../services/reports/drafts.ts";
import { previewReport } from "../services/reports/export.ts";
import { figuresProcedure, provinceEditorProcedure, router, viewerProcedure } from "../trpc.ts";

/** Named drafts of a report's written parts: anyone signed in reads them, the province's office writes. */
const draftsRouter = router({
  list: viewerProcedure
    .input(ZReportDraftListInput)
    .output(z.object({ items: z.array(ZReportDraftSummary) }))
    .query(({ ctx, input }) => listReportDrafts(ctx.db, input)),
  get: viewerProcedure
    .input(ZReportDraftGetInput)
    .output(ZReportDraft)
    .query(({ ctx, input }) => getReportDraft(ctx.db, input.id)),
  create: provinceEditorProcedure
    .input(ZReportDraftCreateInput)
    .output(ZReportDraft)
    .mutation(({ ctx, input }) => createReportDraft(ctx.db, input, ctx.user)),
  update: provinceEditorProcedure
    .input(ZReportDraftUpdateInput)
    .output(ZReportDraft)
    .mutation(({ ctx, input }) => updateReportDraft(ctx.db, input, ctx.user)),
  remove: provinceEditorProcedure
    .input(ZReportDraftRemoveInput)
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => removeReportDraft(ctx.db, input, ctx.user)),
});

export const reportsRouter = router({
  /** The report as the downloads print it: the same content object the Word and PDF writers lay out. */
  preview: figuresProcedure
    .input(ZReportOptions)
    .output(ZReportDocument)
    .query(({ ctx, input }) => previewReport(ctx.db, input)),
  drafts: draftsRouter,
});
