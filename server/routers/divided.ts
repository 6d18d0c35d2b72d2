import { ZDividedListInput, ZDividedMoveInput, ZDividedPage } from "@qt/shared/schemas/divided";
import { ZImportKind } from "@qt/shared/schemas/imports";
import { z } from "zod";
import { listDivided, moveDivided } from "../services/records/divided.ts";
import { editorProcedure, router } from "../trpc.ts";

/**
 * Records of divided old communes (decision 055): editors and admins list them and move one to a
 * successor (scope, lock and audit are the record lifecycle's).
 */
export const dividedRouter = router({
  list: editorProcedure
    .input(ZDividedListInput)
    .output(ZDividedPage)
    .query(({ ctx, input }) => listDivided(ctx.db, input, ctx.user.reach)),
  move: editorProcedure
    .input(ZDividedMoveInput)
    .output(z.object({ kind: ZImportKind, id: z.number(), version: z.number(), unchanged: z.boolean() }))
    .mutation(({ ctx, input }) => moveDivided(ctx.db, input, ctx.user)),
});
