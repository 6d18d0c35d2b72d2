import {
  ZUserCreateInput,
  ZUserIdInput,
  ZUserResetPasswordInput,
  ZUserRow,
  ZUserUpdateInput,
} from "@qt/shared/schemas/users";
import { z } from "zod";
import {
  createUser,
  disableUser,
  listUsers,
  resetPassword,
  resetTotp,
  updateUser,
} from "../services/accounts/users.ts";
import { adminProcedure, router } from "../trpc.ts";

export const usersRouter = router({
  list: adminProcedure.output(z.array(ZUserRow)).query(({ ctx }) => listUsers(ctx.db, ctx.user)),
  create: adminProcedure
    .input(ZUserCreateInput)
    .output(ZUserRow)
    .mutation(({ ctx, input }) => createUser(ctx.db, input, ctx.user, { temporary: true })),
  update: adminProcedure
    .input(ZUserUpdateInput)
    .output(ZUserRow)
    .mutation(({ ctx, input }) => updateUser(ctx.db, input, ctx.user)),
  disable: adminProcedure
    .input(ZUserIdInput)
    .output(ZUserRow)
    .mutation(({ ctx, input }) => disableUser(ctx.db, input, ctx.user)),
  resetPassword: adminProcedure
    .input(ZUserResetPasswordInput)
    .output(ZUserRow)
    .mutation(({ ctx, input }) => resetPassword(ctx.db, input, ctx.user)),
  /** Turns off an account's second factor (audited); the user enrols again. */
  resetTotp: adminProcedure
    .input(ZUserIdInput)
    .output(ZUserRow)
    .mutation(({ ctx, input }) => resetTotp(ctx.db, input, ctx.user)),
});
