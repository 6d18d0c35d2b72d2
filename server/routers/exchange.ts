import {
  ZExchangeSource,
  ZExchangeSourcesInput,
  ZPublicKey,
  ZReceivedPackage,
  ZRegisteredKey,
  ZRegisterKeyInput,
} from "@qt/shared/schemas/exchange";
import { z } from "zod";
import { ownPublicKey, registeredKeys, registerKey } from "../services/exchange/keys.ts";
import { exchangeSources, receivedPackages } from "../services/exchange/list.ts";
import { adminProcedure, router, viewerProcedure } from "../trpc.ts";

/**
 * The signed exchange of approved figures (decision 052). A province's install shows its public
 * key (the package itself is a download: GET /api/exchange/package); the receiving install
 * registers provinces' keys and lists what it received (the upload: POST /api/exchange/packages).
 */
export const exchangeRouter = router({
  publicKey: adminProcedure.output(ZPublicKey).query(({ ctx }) => ownPublicKey(ctx.db)),
  registerKey: adminProcedure
    .input(ZRegisterKeyInput)
    .output(ZRegisteredKey)
    .mutation(({ ctx, input }) => registerKey(ctx.db, input, ctx.user)),
  keys: adminProcedure.output(z.array(ZRegisteredKey)).query(({ ctx }) => registeredKeys(ctx.db)),
  packages: adminProcedure.output(z.array(ZReceivedPackage)).query(({ ctx }) => receivedPackages(ctx.db)),
  sources: viewerProcedure
    .input(ZExchangeSourcesInput)
    .output(z.array(ZExchangeSource))
    .query(({ ctx, input }) => exchangeSources(ctx.db, input ?? {})),
});
