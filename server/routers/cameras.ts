import {
  ZCamera,
  ZCameraCreateInput,
  ZCameraListInput,
  ZCameraPage,
  ZCameraSaved,
  ZCameraUpdateInput,
} from "@qt/shared/schemas/cameras";
import { ZByIdInput, ZHistory, ZRemoveInput } from "@qt/shared/schemas/common";
import {
  cameraHistory,
  createCamera,
  getCamera,
  listCameras,
  removeCamera,
  restoreCamera,
  updateCamera,
} from "../services/cameras.ts";
import { adminProcedure, editorProcedure, router, viewerProcedure } from "../trpc.ts";

export const camerasRouter = router({
  list: viewerProcedure
    .input(ZCameraListInput)
    .output(ZCameraPage)
    .query(({ ctx, input }) => listCameras(ctx.db, input, ctx.user)),
  get: viewerProcedure
    .input(ZByIdInput)
    .output(ZCamera)
    .query(({ ctx, input }) => getCamera(ctx.db, input.id, ctx.user)),
  create: editorProcedure
    .input(ZCameraCreateInput)
    .output(ZCameraSaved)
    .mutation(({ ctx, input }) => createCamera(ctx.db, input, ctx.user)),
  update: editorProcedure
    .input(ZCameraUpdateInput)
    .output(ZCameraSaved)
    .mutation(({ ctx, input }) => updateCamera(ctx.db, input, ctx.user)),
  remove: editorProcedure
    .input(ZRemoveInput)
    .output(ZCamera)
    .mutation(({ ctx, input }) => removeCamera(ctx.db, input, ctx.user)),
  restore: adminProcedure
    .input(ZByIdInput)
    .output(ZCamera)
    .mutation(({ ctx, input }) => restoreCamera(ctx.db, input.id, ctx.user)),
  history: viewerProcedure
    .input(ZByIdInput)
    .output(ZHistory)
    .query(({ ctx, input }) => cameraHistory(ctx.db, input.id, ctx.user)),
});
