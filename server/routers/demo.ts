import { ZDemoRemoved, ZDemoStatus } from "@qt/shared/schemas/demo";
import { demoStatus, dismissDemoNotice, removeAllDemo } from "../services/demo/removal.ts";
import { adminProcedure, router } from "../trpc.ts";

/** The demo records as a whole: their counts, the admins' notice, and removing them (decision 023). */
export const demoRouter = router({
  status: adminProcedure.output(ZDemoStatus).query(({ ctx }) => demoStatus(ctx.db, ctx.user)),
  dismissNotice: adminProcedure.mutation(({ ctx }) => dismissDemoNotice(ctx.db, ctx.user)),
  removeAll: adminProcedure.output(ZDemoRemoved).mutation(({ ctx }) => removeAllDemo(ctx.db, ctx.user)),
});
