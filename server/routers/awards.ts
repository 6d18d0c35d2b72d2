import {
  ZAward,
  ZAwardCreateInput,
  ZAwardListInput,
  ZAwardPage,
  ZAwardSaved,
  ZAwardUpdateInput,
} from "@qt/shared/schemas/awards";
import { ZByIdInput, ZRemoveInput } from "@qt/shared/schemas/common";
import { awards } from "../services/records/awards.ts";
import { adminProcedure, editorProcedure, router, viewerProcedure } from "../trpc.ts";

export const awardsRouter = router({
  list: viewerProcedure
    .input(ZAwardListInput)
    .output(ZAwardPage)
    .query(({ ctx, input }) => awards.list(ctx.db, input, ctx.user)),
  get: viewerProcedure
    .input(ZByIdInput)
    .output(ZAward)
    .query(({ ctx, input }) => awards.get(ctx.db, input.id, ctx.user)),
  create: editorProcedure
    .input(ZAwardCreateInput)
    .output(ZAwardSaved)
    .mutation(({ ctx, input }) => awards.create(ctx.db, input, ctx.user)),
  update: editorProcedure
    .input(ZAwardUpdateInput)
    .output(ZAwardSaved)
    .mutation(({ ctx, input }) => awards.update(ctx.db, input, ctx.user)),
  remove: editorProcedure
    .input(ZRemoveInput)
    .output(ZAward)
    .mutation(({ ctx, input }) => awards.remove(ctx.db, input, ctx.user)),
  restore: adminProcedure
    .input(ZByIdInput)
    .output(ZAward)
    .mutation(({ ctx, input }) => awards.restore(ctx.db, input.id, ctx.user)),
});
