import { ZByIdInput, ZRemoveInput } from "@qt/shared/schemas/common";
import {
  ZSite,
  ZSiteCreateInput,
  ZSiteListInput,
  ZSitePage,
  ZSiteSaved,
  ZSiteUpdateInput,
} from "@qt/shared/schemas/sites";
import { sites } from "../services/records/sites.ts";
import { adminProcedure, editorProcedure, router, viewerProcedure } from "../trpc.ts";

export const sitesRouter = router({
  list: viewerProcedure
    .input(ZSiteListInput)
    .output(ZSitePage)
    .query(({ ctx, input }) => sites.list(ctx.db, input, ctx.user)),
  get: viewerProcedure
    .input(ZByIdInput)
    .output(ZSite)
    .query(({ ctx, input }) => sites.get(ctx.db, input.id, ctx.user)),
  create: editorProcedure
    .input(ZSiteCreateInput)
    .output(ZSiteSaved)
    .mutation(({ ctx, input }) => sites.create(ctx.db, input, ctx.user)),
  update: editorProcedure
    .input(ZSiteUpdateInput)
    .output(ZSiteSaved)
    .mutation(({ ctx, input }) => sites.update(ctx.db, input, ctx.user)),
  remove: editorProcedure
    .input(ZRemoveInput)
    .output(ZSite)
    .mutation(({ ctx, input }) => sites.remove(ctx.db, input, ctx.user)),
  restore: adminProcedure
    .input(ZByIdInput)
    .output(ZSite)
    .mutation(({ ctx, input }) => sites.restore(ctx.db, input.id, ctx.user)),
});
