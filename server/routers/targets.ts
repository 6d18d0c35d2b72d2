import { ZTarget, ZTargetKey, ZTargetListInput, ZTargetRow, ZTargetSetInput } from "@qt/shared/schemas/targets";
import { z } from "zod";
import { listTargets, removeTarget, setTarget } from "../services/targets/targets.ts";
import { adminProcedure, router, viewerProcedure } from "../trpc.ts";

/** Targets (chỉ tiêu, decisions 048 and 056): admins set and remove them, everyone signed in reads them. */
export const targetsRouter = router({
  set: adminProcedure
    .input(ZTargetSetInput)
    .output(ZTarget)
    .mutation(({ ctx, input }) => setTarget(ctx.db, input, ctx.user)),
  remove: adminProcedure
    .input(ZTargetKey)
    .output(ZTarget)
    .mutation(({ ctx, input }) => removeTarget(ctx.db, input, ctx.user)),
  list: viewerProcedure
    .input(ZTargetListInput)
    .output(z.array(ZTargetRow))
    .query(({ ctx, input }) => listTargets(ctx.db, input.year, ctx.user.reach)),
});
