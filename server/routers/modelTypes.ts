import {
  ZModelType,
  ZModelTypeCreateInput,
  ZModelTypeListInput,
  ZModelTypePage,
  ZModelTypeUpdateInput,
} from "@qt/shared/schemas/model-types";
import { createModelType, listModelTypes, updateModelType } from "../services/records/model-types.ts";
import { adminProcedure, router, viewerProcedure } from "../trpc.ts";

export const modelTypesRouter = router({
  list: viewerProcedure
    .input(ZModelTypeListInput)
    .output(ZModelTypePage)
    .query(({ ctx, input }) => listModelTypes(ctx.db, input, ctx.user)),
  create: adminProcedure
    .input(ZModelTypeCreateInput)
    .output(ZModelType)
    .mutation(({ ctx, input }) => createModelType(ctx.db, input, ctx.user)),
  update: adminProcedure
    .input(ZModelTypeUpdateInput)
    .output(ZModelType)
    .mutation(({ ctx, input }) => updateModelType(ctx.db, input, ctx.user)),
});
