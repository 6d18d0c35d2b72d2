import { ZByIdInput, ZHistory, ZRemoveInput } from "@qt/shared/schemas/common";
import {
  ZSite,
  ZSiteCreateInput,
  ZSiteListInput,
  ZSitePage,
  ZSiteSaved,
  ZSiteUpdateInput,
} from "@qt/shared/schemas/sites";
import { createSite, getSite, listSites, removeSite, restoreSite, siteHistory, updateSite } from "../services/sites.ts";
import { adminProcedure, editorProcedure, router, viewerProcedure } from "../trpc.ts";

export const sitesRouter = router({
  list: viewerProcedure
    .input(ZSiteListInput)
    .output(ZSitePage)
    .query(({ ctx, input }) => listSites(ctx.db, input, ctx.user)),
  get: viewerProcedure
    .input(ZByIdInput)
    .output(ZSite)
    .query(({ ctx, input }) => getSite(ctx.db, input.id, ctx.user)),
  create: editorProcedure
    .input(ZSiteCreateInput)
    .output(ZSiteSaved)
    .mutation(({ ctx, input }) => createSite(ctx.db, input, ctx.user)),
  update: editorProcedure
    .input(ZSiteUpdateInput)
    .output(ZSiteSaved)
    .mutation(({ ctx, input }) => updateSite(ctx.db, input, ctx.user)),
  remove: editorProcedure
    .input(ZRemoveInput)
    .output(ZSite)
    .mutation(({ ctx, input }) => removeSite(ctx.db, input, ctx.user)),
  restore: adminProcedure
    .input(ZByIdInput)
    .output(ZSite)
    .mutation(({ ctx, input }) => restoreSite(ctx.db, input.id, ctx.user)),
  history: viewerProcedure
    .input(ZByIdInput)
    .output(ZHistory)
    .query(({ ctx, input }) => siteHistory(ctx.db, input.id, ctx.user)),
});
