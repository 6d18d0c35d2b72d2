import { z } from "zod";
import { MODEL_CATEGORIES } from "../domain.ts";
import { keyed } from "../messages/index.ts";
import { ZId, ZVersion, zName, zText } from "./common.ts";

const ZCode = z
  .string({ error: keyed("v.modelTypeCodeRequired") })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, keyed("v.modelTypeCodeFormat"))
  .max(60, keyed("v.modelTypeCodeMax"));
const ZCategory = z.enum(MODEL_CATEGORIES, { error: keyed("v.categoryRequired") });

export const ZModelTypeListInput = z
  .strictObject({ category: ZCategory.optional(), includeDeleted: z.boolean().optional() })
  .optional();
export type TModelTypeListInput = z.input<typeof ZModelTypeListInput>;

export const ZModelTypeCreateInput = z.strictObject({
  code: ZCode,
  name: zName("noun.modelTypeName"),
  category: ZCategory,
  description: zText("noun.description").default(""),
});
export type TModelTypeCreateInput = z.input<typeof ZModelTypeCreateInput>;

export const ZModelTypeUpdateInput = z.strictObject({
  id: ZId,
  version: ZVersion,
  name: zName("noun.modelTypeName").optional(),
  category: ZCategory.optional(),
  description: zText("noun.description").optional(),
});
export type TModelTypeUpdateInput = z.input<typeof ZModelTypeUpdateInput>;

export const ZModelType = z.object({
  id: z.number(),
  version: z.number(),
  code: z.string(),
  name: z.string(),
  category: z.enum(MODEL_CATEGORIES),
  description: z.string(),
  siteCount: z.number(),
});
export type TModelType = z.infer<typeof ZModelType>;
export const ZModelTypePage = z.object({ items: z.array(ZModelType), total: z.number() });
