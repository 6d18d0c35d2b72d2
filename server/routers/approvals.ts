import {
  ZApprovalItem,
  ZApprovalKey,
  ZApprovalReasonInput,
  ZApprovalStatus,
  ZApprovalStatusInput,
  ZApprovalSubmitInput,
} from "@qt/shared/schemas/approvals";
import { approvalStatus } from "../services/approvals/status.ts";
import {
  approveApproval,
  reopenApproval,
  requestReopen,
  returnApproval,
  submitApproval,
} from "../services/approvals/transitions.ts";
import { adminProcedure, approverProcedure, editorProcedure, router, viewerProcedure } from "../trpc.ts";

/**
 * Approval of figures by unit-year (issue 13, decision 025): editors submit their unit's year,
 * approvers (and admins) approve or return it, admins reopen an approved one. Everyone signed in
 * reads the status.
 */
export const approvalsRouter = router({
  status: viewerProcedure
    .input(ZApprovalStatusInput)
    .output(ZApprovalStatus)
    .query(({ ctx, input }) => approvalStatus(ctx.db, input, ctx.user.reach)),
  submit: editorProcedure
    .input(ZApprovalSubmitInput)
    .output(ZApprovalItem)
    .mutation(({ ctx, input }) => submitApproval(ctx.db, input, ctx.user)),
  approve: approverProcedure
    .input(ZApprovalKey)
    .output(ZApprovalItem)
    .mutation(({ ctx, input }) => approveApproval(ctx.db, input, ctx.user)),
  return: approverProcedure
    .input(ZApprovalReasonInput)
    .output(ZApprovalItem)
    .mutation(({ ctx, input }) => returnApproval(ctx.db, input, ctx.user)),
  /** Editors of the unit (and admins): ask an admin to reopen a locked unit-year; audited, listed for admins. */
  requestReopen: editorProcedure
    .input(ZApprovalReasonInput)
    .output(ZApprovalItem)
    .mutation(({ ctx, input }) => requestReopen(ctx.db, input, ctx.user)),
  reopen: adminProcedure
    .input(ZApprovalReasonInput)
    .output(ZApprovalItem)
    .mutation(({ ctx, input }) => reopenApproval(ctx.db, input, ctx.user)),
});
