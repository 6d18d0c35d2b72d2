import { ZChangePasswordInput, ZLoginInput, ZMe } from "@qt/shared/schemas/auth";
import { z } from "zod";
import type { Context } from "../context.ts";
import { changePassword, login, logout, me } from "../services/auth.ts";
import { SESSION_ABSOLUTE_MS, SESSION_COOKIE } from "../services/sessions.ts";
import { publicProcedure, router, sessionProcedure } from "../trpc.ts";

function setSessionCookie(ctx: Context, token: string) {
  ctx.meta.setCookie?.(SESSION_COOKIE, token, { maxAgeSeconds: Math.floor(SESSION_ABSOLUTE_MS / 1000) });
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
  me: sessionProcedure.output(ZMe).query(({ ctx }) => me(ctx.user)),
  changePassword: sessionProcedure
    .input(ZChangePasswordInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const { token } = await changePassword(ctx.db, ctx.user, input, ctx.meta);
      setSessionCookie(ctx, token);
      return { ok: true as const };
    }),
});
