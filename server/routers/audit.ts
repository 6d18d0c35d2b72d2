import { ZAuditHistoryInput, ZAuditListInput, ZAuditPage, ZAuditRow } from "@qt/shared/schemas/audit";
import { ZId } from "@qt/shared/schemas/common";
import { ZAuditAlert } from "@qt/shared/schemas/personal-data";
import { z } from "zod";
import { acknowledgeAuditAlert, openAuditAlerts } from "../services/audit/alerts.ts";
import { listAudit, recordHistory } from "../services/audit/log.ts";
import { adminProcedure, router, viewerProcedure } from "../trpc.ts";

export const auditRouter = router({
  list: adminProcedure
    .input(ZAuditListInput)
    .output(ZAuditPage)
    .query(({ ctx, input }) => listAudit(ctx.db, input, ctx.user.reach)),
  history: viewerProcedure
    .input(ZAuditHistoryInput)
    .output(z.array(ZAuditRow))
    .query(({ ctx, input }) => recordHistory(ctx.db, input, ctx.user)),
  /** Audit-chain breaks this admin has not closed: the banner on every screen (issue 29). */
  alerts: adminProcedure.output(z.array(ZAuditAlert)).query(({ ctx }) => openAuditAlerts(ctx.db, ctx.user)),
  acknowledgeAlert: adminProcedure
    .input(z.strictObject({ id: ZId }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await acknowledgeAuditAlert(ctx.db, ctx.user, input.id);
      return { ok: true as const };
    }),
});
