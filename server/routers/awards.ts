import {
  ZAward,
  ZAwardCreateInput,
  ZAwardListInput,
  ZAwardPage,
  ZAwardSaved,
  ZAwardUpdateInput,
} from "@qt/shared/schemas/awards";
import { ZByIdInput, ZHistory, ZRemoveInput } from "@qt/shared/schemas/common";
import {
  awardHistory,
  createAward,
  getAward,
  listAwards,
  removeAward,
  restoreAward,
  updateAward,
} from "../services/awards.ts";
import { adminProcedure, editorProcedure, router, viewerProcedure } from "../trpc.ts";

export const awardsRouter = router({
  list: viewerProcedure
    .input(ZAwardListInput)
    .output(ZAwardPage)
    .query(({ ctx, input }) => listAwards(ctx.db, input, ctx.user)),
  get: viewerProcedure
    .input(ZByIdInput)
    .output(ZAward)
    .query(({ ctx, input }) => getAward(ctx.db, input.id, ctx.user)),
  create: editorProcedure
    .input(ZAwardCreateInput)
    .output(ZAwardSaved)
    .mutation(({ ctx, input }) => createAward(ctx.db, input, ctx.user)),
  update: editorProcedure
    .input(ZAwardUpdateInput)
    .output(ZAwardSaved)
    .mutation(({ ctx, input }) => updateAward(ctx.db, input, ctx.user)),
  remove: editorProcedure
    .input(ZRemoveInput)
    .output(ZAward)
    .mutation(({ ctx, input }) => removeAward(ctx.db, input, ctx.user)),
  restore: adminProcedure
    .input(ZByIdInput)
    .output(ZAward)
    .mutation(({ ctx, input }) => restoreAward(ctx.db, input.id, ctx.user)),
  history: viewerProcedure
    .input(ZByIdInput)
    .output(ZHistory)
    .query(({ ctx, input }) => awardHistory(ctx.db, input.id, ctx.user)),
});
