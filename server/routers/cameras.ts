import {
  ZCamera,
  ZCameraCreateInput,
  ZCameraListInput,
  ZCameraPage,
  ZCameraSaved,
  ZCameraUpdateInput,
} from "@qt/shared/schemas/cameras";
import { ZByIdInput, ZRemoveInput } from "@qt/shared/schemas/common";
import { cameras } from "../services/records/cameras.ts";
import { adminProcedure, editorProcedure, router, viewerProcedure } from "../trpc.ts";

export const camerasRouter = router({
  list: viewerProcedure
    .input(ZCameraListInput)
    .output(ZCameraPage)
    .query(({ ctx, input }) => cameras.list(ctx.db, input, ctx.user)),
  get: viewerProcedure
    .input(ZByIdInput)
    .output(ZCamera)
    .query(({ ctx, input }) => cameras.get(ctx.db, input.id, ctx.user)),
  create: editorProcedure
    .input(ZCameraCreateInput)
    .output(ZCameraSaved)
    .mutation(({ ctx, input }) => cameras.create(ctx.db, input, ctx.user)),
  update: editorProcedure
    .input(ZCameraUpdateInput)
    .output(ZCameraSaved)
    .mutation(({ ctx, input }) => cameras.update(ctx.db, input, ctx.user)),
  remove: editorProcedure
    .input(ZRemoveInput)
    .output(ZCamera)
    .mutation(({ ctx, input }) => cameras.remove(ctx.db, input, ctx.user)),
  restore: adminProcedure
    .input(ZByIdInput)
    .output(ZCamera)
    .mutation(({ ctx, input }) => cameras.restore(ctx.db, input.id, ctx.user)),
});
