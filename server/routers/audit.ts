import { ZAuditHistoryInput, ZAuditListInput, ZAuditPage, ZAuditRow } from "@qt/shared/schemas/audit";
import { z } from "zod";
import { listAudit, recordHistory } from "../services/audit/log.ts";
import { adminProcedure, router, viewerProcedure } from "../trpc.ts";

export const auditRouter = router({
  list: adminProcedure
    .input(ZAuditListInput)
    .output(ZAuditPage)
    .query(({ ctx, input }) => listAudit(ctx.db, input)),
  history: viewerProcedure
    .input(ZAuditHistoryInput)
    .output(z.array(ZAuditRow))
    .query(({ ctx, input }) => recordHistory(ctx.db, input, ctx.user)),
});
