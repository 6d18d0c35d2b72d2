import { ZInstalledProvince, ZScopeProvinces, ZUnitTree, ZUnitTreeInput } from "@qt/shared/schemas/units";
import { scopeProvinces } from "../services/accounts/user-scope.ts";
import { unitTree } from "../services/units/area-sql.ts";
import { installedProvince } from "../services/units/province.ts";
import { router, viewerProcedure } from "../trpc.ts";

export const unitsRouter = router({
  tree: viewerProcedure
    .input(ZUnitTreeInput)
    .output(ZUnitTree)
    .query(({ ctx, input }) => unitTree(ctx.db, input, ctx.user)),
  /** The province this copy serves (decision 044); the page itself carries it for the sign-in screen. */
  province: viewerProcedure.output(ZInstalledProvince).query(({ ctx }) => installedProvince(ctx.db)),
  /** The provinces of today an account may be scoped to (decision 051): one, or the 34 of a national install. */
  provinces: viewerProcedure.output(ZScopeProvinces).query(({ ctx }) => scopeProvinces(ctx.db)),
});
