import { z } from "zod";
import { keyed } from "../messages/index.ts";
import { PROVINCE_KINDS } from "../province.ts";
import { ZIsoDate } from "./common.ts";

const UNIT_KINDS = ["tinh", "thanh_pho", "thi_xa", "huyen", "quan", "phuong", "xa", "thi_tran", "dac_khu"] as const;

/**
 * `on`: only the units valid on that date (a record's date), for the pickers. `writable`: only the
 * areas the caller may write records in (their district, or their commune of today and the old
 * areas it took over; decision 021), for the entry forms.
 */
export const ZUnitTreeInput = z
  .strictObject({
    on: ZIsoDate.optional(),
    writable: z.boolean({ error: keyed("v.writable") }).optional(),
    /** One province of today (decision 050): its old districts and, on their land, its communes. */
    provinceCode: z
      .string()
      .regex(/^\d{2}$/, keyed("v.provinceCode"))
      .optional(),
  })
  .optional();
export type TUnitTreeInput = z.input<typeof ZUnitTreeInput>;

const ZUnit = z.object({ code: z.string(), name: z.string(), kind: z.enum(UNIT_KINDS) });

/** The day the districts were abolished and the two-level list of units began. */
export const TWO_LEVEL_FROM = "2025-07-01";

/**
 * Districts of both old provinces with their commune-level areas; a district without communes
 * (Cồn Cỏ) is its own area. From 01/07/2025 there are no districts: the communes of that date are
 * listed under the abolished district whose land they lie on. `former`: the district no longer
 * exists on the date asked (or today). `current`: an area of the 01/07/2025 list; without `on` both
 * lists come, and one code may appear twice (once old, once current: codes are reused).
 */
export const ZUnitTree = z.array(
  ZUnit.extend({
    former: z.boolean(),
    /** The old province (list until 30/06/2025) the district belonged to. */
    province: z.object({ code: z.string(), name: z.string() }).nullable(),
    areas: z.array(ZUnit.extend({ current: z.boolean() })),
  }),
);
export type TUnitTree = z.infer<typeof ZUnitTree>;

/** The province this copy serves (decision 044), as units.province answers and reports carry it. */
export const ZInstalledProvince = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  type: z.enum(PROVINCE_KINDS),
  former: z.array(z.object({ code: z.string(), name: z.string() })),
  national: z.boolean().optional(),
  provinces: z
    .array(
      z.object({
        code: z.string(),
        name: z.string(),
        nameEn: z.string(),
        type: z.enum(PROVINCE_KINDS),
        former: z.array(z.string()),
      }),
    )
    .optional(),
});

/** The provinces of today of the install (units.provinces), for the account scope picker (decision 051). */
export const ZScopeProvinces = z.array(z.object({ code: z.string(), name: z.string() }));
