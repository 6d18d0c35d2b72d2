import { ZTarget, ZTargetListInput, ZTargetSetInput } from "@qt/shared/schemas/targets";
import { z } from "zod";
import { listTargets, setTarget } from "../services/targets/targets.ts";
import { adminProcedure, router, viewerProcedure } from "../trpc.ts";

/** Targets (chỉ tiêu, decision 048): admins set them, everyone signed in reads them. */
export const targetsRouter = router({
  set: adminProcedure
    .input(ZTargetSetInput)
    .output(ZTarget)
    .mutation(({ ctx, input }) => setTarget(ctx.db, input, ctx.user)),
  list: viewerProcedure
    .input(ZTargetListInput)
    .output(z.array(ZTarget))
    .query(({ ctx, input }) => listTargets(ctx.db, input.year)),
});
