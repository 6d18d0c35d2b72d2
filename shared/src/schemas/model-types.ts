import { z } from "zod";
import { MODEL_CATEGORIES } from "../domain.ts";
import { ZId, ZVersion, zName, zText } from "./common.ts";

const ZCode = z
  .string({ error: "Vui lòng nhập mã loại mô hình" })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang")
  .max(60, "Mã tối đa 60 ký tự");
const ZCategory = z.enum(MODEL_CATEGORIES, { error: "Vui lòng chọn nhóm mô hình" });

export const ZModelTypeListInput = z
  .strictObject({ category: ZCategory.optional(), includeDeleted: z.boolean().optional() })
  .optional();
export type TModelTypeListInput = z.input<typeof ZModelTypeListInput>;

export const ZModelTypeCreateInput = z.strictObject({
  code: ZCode,
  name: zName("tên loại mô hình"),
  category: ZCategory,
  description: zText("mô tả").default(""),
});
export type TModelTypeCreateInput = z.input<typeof ZModelTypeCreateInput>;

export const ZModelTypeUpdateInput = z.strictObject({
  id: ZId,
  version: ZVersion,
  name: zName("tên loại mô hình").optional(),
  category: ZCategory.optional(),
  description: zText("mô tả").optional(),
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
