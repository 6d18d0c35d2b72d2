import { z } from "zod";
import { ZIsoDate } from "./common.ts";

const UNIT_KINDS = ["tinh", "thanh_pho", "thi_xa", "huyen", "phuong", "xa", "thi_tran", "dac_khu"] as const;

/** `on`: only the units valid on that date (a record's date), for the pickers. */
export const ZUnitTreeInput = z.strictObject({ on: ZIsoDate.optional() }).optional();
export type TUnitTreeInput = z.input<typeof ZUnitTreeInput>;

const ZUnit = z.object({ code: z.string(), name: z.string(), kind: z.enum(UNIT_KINDS) });

/** Districts with their commune-level areas; a district without communes (Cồn Cỏ) is its own area. */
export const ZUnitTree = z.array(ZUnit.extend({ areas: z.array(ZUnit) }));
export type TUnitTree = z.infer<typeof ZUnitTree>;
