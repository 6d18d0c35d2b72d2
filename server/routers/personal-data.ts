import { ZAnonymised, ZAnonymiseInput } from "@qt/shared/schemas/personal-data";
import { anonymiseName } from "../services/records/anonymise.ts";
import { adminProcedure, router } from "../trpc.ts";

/** Personal data (docs/security/personal-data.md): what an admin does at a person's request. */
export const personalDataRouter = router({
  /** A person's name replaced by a pseudonym on every award that names them; counts unchanged. */
  anonymise: adminProcedure
    .input(ZAnonymiseInput)
    .output(ZAnonymised)
    .mutation(({ ctx, input }) => anonymiseName(ctx.db, input.name, ctx.user)),
});
