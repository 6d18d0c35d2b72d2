import { z } from "zod";
import { MODEL_CATEGORIES, type ModelCategory, RELIGIONS, SITE_STATUSES } from "../domain.ts";
import {
  MAX_ID,
  yearRangeIssue,
  yearRangeOk,
  ZGsoCode,
  ZId,
  ZIsoDate,
  ZListBase,
  ZRecordMeta,
  ZSaveOutcome,
  ZVersion,
  zCount,
  zName,
  zPage,
  zText,
} from "./common.ts";

const siteFields = {
  modelTypeId: z
    .number({ error: "Vui lòng chọn loại mô hình" })
    .int("Vui lòng chọn loại mô hình")
    .positive("Vui lòng chọn loại mô hình")
    .max(MAX_ID, "Loại mô hình không hợp lệ"),
  /** Optional check: when given, the area must lie in this district. */
  districtCode: ZGsoCode.optional(),
  areaCode: ZGsoCode,
  name: zName("tên điểm mô hình"),
  /** For clan models: the clan's name (dòng họ); otherwise the host unit. */
  host: zText("đơn vị/dòng họ chủ trì", 200).default(""),
  establishedOn: ZIsoDate,
  status: z.enum(SITE_STATUSES, { error: "Trạng thái không hợp lệ" }).default("active"),
  /** Date of suspension or dissolution; null while active. */
  statusChangedOn: ZIsoDate.nullable().default(null),
  religion: z.enum(RELIGIONS, { error: "Tôn giáo không hợp lệ" }).nullable().default(null),
  households: zCount("số hộ", 100_000).nullable().default(null),
  members: zCount("số thành viên", 1_000_000).nullable().default(null),
  notes: zText("ghi chú").default(""),
};

type SiteRuleInput = {
  establishedOn?: string;
  status?: string;
  statusChangedOn?: string | null;
  religion?: string | null;
};

/** Field-level rule violations between fields of a site; the server runs it on the merged record. */
export function siteRuleIssues(s: SiteRuleInput, category?: ModelCategory): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (s.status && s.status !== "active" && !s.statusChangedOn) {
    out.push({ path: "statusChangedOn", message: "Vui lòng nhập ngày tạm dừng hoặc giải thể" });
  }
  if (s.status === "active" && s.statusChangedOn) {
    out.push({ path: "statusChangedOn", message: "Mô hình đang hoạt động không có ngày tạm dừng/giải thể" });
  }
  if (s.statusChangedOn && s.establishedOn && s.statusChangedOn <= s.establishedOn) {
    out.push({ path: "statusChangedOn", message: "Ngày tạm dừng/giải thể phải sau ngày thành lập" });
  }
  if (category === "religious" && !s.religion) {
    out.push({ path: "religion", message: "Vui lòng chọn tôn giáo cho mô hình trong tôn giáo" });
  }
  if (category && category !== "religious" && s.religion) {
    out.push({ path: "religion", message: "Chỉ mô hình trong tôn giáo mới ghi tôn giáo" });
  }
  return out;
}

function refineSite(s: SiteRuleInput, ctx: z.RefinementCtx) {
  for (const issue of siteRuleIssues(s)) ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
}

export const ZSiteCreateInput = z.strictObject(siteFields).superRefine(refineSite);
export type TSiteCreateInput = z.input<typeof ZSiteCreateInput>;

export const ZSiteUpdateInput = z
  .strictObject({
    id: ZId,
    version: ZVersion,
    modelTypeId: siteFields.modelTypeId.optional(),
    districtCode: ZGsoCode.optional(),
    areaCode: ZGsoCode.optional(),
    name: siteFields.name.optional(),
    host: zText("đơn vị/dòng họ chủ trì", 200).optional(),
    establishedOn: ZIsoDate.optional(),
    status: z.enum(SITE_STATUSES, { error: "Trạng thái không hợp lệ" }).optional(),
    statusChangedOn: ZIsoDate.nullable().optional(),
    religion: z.enum(RELIGIONS, { error: "Tôn giáo không hợp lệ" }).nullable().optional(),
    households: zCount("số hộ", 100_000).nullable().optional(),
    members: zCount("số thành viên", 1_000_000).nullable().optional(),
    notes: zText("ghi chú").optional(),
  })
  .superRefine(refineSite);
export type TSiteUpdateInput = z.input<typeof ZSiteUpdateInput>;

export const SITE_SORTS = ["establishedOn", "name", "area", "modelType", "updatedAt"] as const;

export const ZSiteListInput = z
  .strictObject({
    ...ZListBase,
    modelTypeId: ZId.optional(),
    category: z.enum(MODEL_CATEGORIES, { error: "Nhóm mô hình không hợp lệ" }).optional(),
    status: z.enum(SITE_STATUSES, { error: "Trạng thái không hợp lệ" }).optional(),
    sort: z.enum(SITE_SORTS, { error: "Không sắp xếp được theo cột này" }).default("establishedOn"),
  })
  .refine(yearRangeOk, yearRangeIssue);
export type TSiteListInput = z.input<typeof ZSiteListInput>;

export const ZSite = z.object({
  ...ZRecordMeta,
  modelTypeId: z.number(),
  modelTypeCode: z.string(),
  modelTypeName: z.string(),
  category: z.enum(MODEL_CATEGORIES),
  areaCode: z.string(),
  areaName: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  /** The commune of today the area lies in (itself from 01/07/2025; null: unknown), for the scope. */
  currentCommuneCode: z.string().nullable(),
  name: z.string(),
  host: z.string(),
  establishedOn: z.string(),
  status: z.enum(SITE_STATUSES),
  statusChangedOn: z.string().nullable(),
  religion: z.enum(RELIGIONS).nullable(),
  households: z.number().nullable(),
  members: z.number().nullable(),
  notes: z.string(),
});
export type TSite = z.infer<typeof ZSite>;

export const ZSiteSaved = ZSite.extend(ZSaveOutcome);
export type TSiteSaved = z.infer<typeof ZSiteSaved>;
export const ZSitePage = zPage(ZSite);
