import { z } from "zod";
import { MIN_YEAR, MODEL_CATEGORIES, RELIGIONS } from "../domain.ts";

const maxYear = () => new Date().getFullYear() + 1;

const ZYear = z
  .number()
  .int("Năm phải là số nguyên")
  .refine((y) => y >= MIN_YEAR && y <= maxYear(), {
    error: () => `Năm phải từ ${MIN_YEAR} đến ${maxYear()}`,
  });

export const ZGsoCode = z.string().regex(/^\d{2,5}$/, "Mã đơn vị hành chính (mã GSO) không hợp lệ");

export const ZDashboardFilter = z
  .strictObject({
    fromYear: ZYear.optional(),
    toYear: ZYear.optional(),
    districtCode: ZGsoCode.optional(),
  })
  .refine((f) => f.fromYear === undefined || f.toYear === undefined || f.fromYear <= f.toYear, {
    message: "Năm bắt đầu phải nhỏ hơn hoặc bằng năm kết thúc",
    path: ["fromYear"],
  });
export type TDashboardFilter = z.infer<typeof ZDashboardFilter>;

export const ZDashboardSummary = z.object({
  asOf: z.string(),
  filter: z.object({
    fromYear: z.number().nullable(),
    toYear: z.number().nullable(),
    districtCode: z.string().nullable(),
  }),
  modelTypeCount: z.number(),
  siteCount: z.number(),
  areasWithModels: z.number(),
  cameraCoverage: z.object({ covered: z.number(), total: z.number() }),
  cameras: z.object({
    cameras: z.number(),
    recorders: z.number(),
    memoryCards: z.number(),
    costVnd: z.number(),
    installations: z.number(),
  }),
  byModelType: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      category: z.enum(MODEL_CATEGORIES),
      sites: z.number(),
      districts: z.number(),
      communes: z.number(),
    }),
  ),
  byReligion: z.array(z.object({ religion: z.enum(RELIGIONS), sites: z.number() })),
  byDistrict: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      sites: z.number(),
      areas: z.number(),
      coveredAreas: z.number(),
      cameras: z.number(),
      costVnd: z.number(),
    }),
  ),
});
export type TDashboardSummary = z.infer<typeof ZDashboardSummary>;
