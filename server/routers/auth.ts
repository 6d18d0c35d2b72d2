import {
  ZChangePasswordInput,
  ZLoginInput,
  ZMe,
  ZOwnSession,
  ZTotpBegin,
  ZTotpConfirmInput,
  ZTotpRecoveryCodes,
} from "@qt/shared/schemas/auth";
import { ZId } from "@qt/shared/schemas/common";
import { z } from "zod";
import type { Context } from "../context.ts";
import { appError } from "../errors.ts";
import { meOf } from "../services/accounts/account.ts";
import { changePassword, login, logout } from "../services/accounts/auth.ts";
import { beginTotp, confirmTotp } from "../services/accounts/second-factor.ts";
import { endOwnSession, listOwnSessions, SESSION_COOKIE, sessionPolicy } from "../services/accounts/sessions.ts";
import { writeAudit } from "../services/audit/write.ts";
import { publicProcedure, router, sessionProcedure } from "../trpc.ts";

function setSessionCookie(ctx: Context, token: string) {
  ctx.meta.setCookie?.(SESSION_COOKIE, token, { maxAgeSeconds: Math.floor(sessionPolicy.absoluteMs / 1000) });
}

export const authRouter = router({
  login: publicProcedure
    .input(ZLoginInput)
    .output(ZMe)
    .mutation(async ({ ctx, input }) => {
      const { token, user } = await login(ctx.db, input, ctx.meta);
      setSessionCookie(ctx, token);
      return user;
    }),
  logout: sessionProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    await logout(ctx.db, ctx.user, ctx.meta.sessionToken);
    ctx.meta.clearCookie?.(SESSION_COOKIE);
    return { ok: true as const };
  }),
  me: sessionProcedure.output(ZMe).query(({ ctx }) => meOf(ctx.user)),
  /** The second factor, enrolled by its owner (issue 29): a new secret, then a current code confirms it. */
  totp: router({
    begin: sessionProcedure.output(ZTotpBegin).mutation(({ ctx }) => beginTotp(ctx.db, ctx.user)),
    confirm: sessionProcedure
      .input(ZTotpConfirmInput)
      .output(ZTotpRecoveryCodes)
      .mutation(({ ctx, input }) => confirmTotp(ctx.db, ctx.user, input.code, ctx.meta)),
  }),
  /** One's own open sessions (this browser marked), to end those left open elsewhere. */
  sessions: sessionProcedure.output(z.array(ZOwnSession)).query(({ ctx }) => listOwnSessions(ctx.db, ctx.user)),
  endSession: sessionProcedure
    .input(z.object({ id: ZId }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.db.$transaction(async (tx) => {
        if (!(await endOwnSession(tx, ctx.user, input.id))) throw appError("not-found", "auth.sessionNotFound");
        await writeAudit(tx, { user: ctx.user, action: "logout", entity: "session", entityId: input.id });
      });
      return { ok: true as const };
    }),
  changePassword: sessionProcedure
    .input(ZChangePasswordInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const { token } = await changePassword(ctx.db, ctx.user, input, ctx.meta);
      setSessionCookie(ctx, token);
      return { ok: true as const };
    }),
});
