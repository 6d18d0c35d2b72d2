import { ZUnitTree, ZUnitTreeInput } from "@qt/shared/schemas/units";
import { unitTree } from "../services/units/area-sql.ts";
import { router, viewerProcedure } from "../trpc.ts";

export const unitsRouter = router({
  tree: viewerProcedure
    .input(ZUnitTreeInput)
    .output(ZUnitTree)
    .query(({ ctx, input }) => unitTree(ctx.db, input, ctx.user)),
});
