import { z } from "zod";
import { ZIsoDate } from "./common.ts";

const UNIT_KINDS = ["tinh", "thanh_pho", "thi_xa", "huyen", "phuong", "xa", "thi_tran", "dac_khu"] as const;

/** `on`: only the units valid on that date (a record's date), for the pickers. */
export const ZUnitTreeInput = z.strictObject({ on: ZIsoDate.optional() }).optional();
export type TUnitTreeInput = z.input<typeof ZUnitTreeInput>;

const ZUnit = z.object({ code: z.string(), name: z.string(), kind: z.enum(UNIT_KINDS) });

/** The day the districts were abolished and the two-level list of units began. */
export const TWO_LEVEL_FROM = "2025-07-01";

/**
 * Districts with their commune-level areas; a district without communes (Cồn Cỏ) is its own area.
 * From 01/07/2025 there are no districts: the communes of that date are listed under the abolished
 * district whose land they lie on, which is then marked `former`. Without `on`, an area code
 * reused by the 2025 list appears once, named "new name / old name".
 */
export const ZUnitTree = z.array(ZUnit.extend({ former: z.boolean(), areas: z.array(ZUnit) }));
export type TUnitTree = z.infer<typeof ZUnitTree>;
