import { z } from "zod";

/**
 * What an account may change (decision 021): the whole province, a former district (of either old
 * province, for the history entered by district), or one commune of today (the commune police
 * since 01/03/2025). Names are the units' own; screens add "(cũ)" and the former district through
 * shared/src/scope-name.ts.
 */
export const ZUserScope = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("province") }),
  z.object({ kind: z.literal("district"), code: z.string(), name: z.string() }),
  z.object({
    kind: z.literal("commune"),
    code: z.string(),
    name: z.string(),
    /** The former district whose land the commune lies on (its records count there). */
    formerDistrictCode: z.string(),
    formerDistrictName: z.string(),
  }),
]);
export type TUserScope = z.infer<typeof ZUserScope>;
