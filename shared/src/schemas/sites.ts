import { z } from "zod";
import { MODEL_CATEGORIES, type ModelCategory, RELIGIONS, SITE_STATUSES } from "../domain.ts";
import { keyed } from "../messages/index.ts";
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
    .number({ error: keyed("v.modelTypeRequired") })
    .int(keyed("v.modelTypeRequired"))
    .positive(keyed("v.modelTypeRequired"))
    .max(MAX_ID, keyed("v.modelType")),
  /** Optional check: when given, the area must lie in this district. */
  districtCode: ZGsoCode.optional(),
  areaCode: ZGsoCode,
  name: zName("noun.siteName"),
  /** For clan models: the clan's name (dòng họ); otherwise the host unit. */
  host: zText("noun.host", 200).default(""),
  establishedOn: ZIsoDate,
  status: z.enum(SITE_STATUSES, { error: keyed("v.status") }).default("active"),
  /** Date of suspension or dissolution; null while active. */
  statusChangedOn: ZIsoDate.nullable().default(null),
  religion: z
    .enum(RELIGIONS, { error: keyed("v.religion") })
    .nullable()
    .default(null),
  households: zCount("noun.households", 100_000).nullable().default(null),
  members: zCount("noun.members", 1_000_000).nullable().default(null),
  notes: zText("noun.notes").default(""),
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
    out.push({ path: "statusChangedOn", message: keyed("v.statusDateRequired") });
  }
  if (s.status === "active" && s.statusChangedOn) {
    out.push({ path: "statusChangedOn", message: keyed("v.statusDateActive") });
  }
  if (s.statusChangedOn && s.establishedOn && s.statusChangedOn <= s.establishedOn) {
    out.push({ path: "statusChangedOn", message: keyed("v.statusDateOrder") });
  }
  if (category === "religious" && !s.religion) {
    out.push({ path: "religion", message: keyed("v.religionRequired") });
  }
  if (category && category !== "religious" && s.religion) {
    out.push({ path: "religion", message: keyed("v.religionOnlyReligious") });
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
    host: zText("noun.host", 200).optional(),
    establishedOn: ZIsoDate.optional(),
    status: z.enum(SITE_STATUSES, { error: keyed("v.status") }).optional(),
    statusChangedOn: ZIsoDate.nullable().optional(),
    religion: z
      .enum(RELIGIONS, { error: keyed("v.religion") })
      .nullable()
      .optional(),
    households: zCount("noun.households", 100_000).nullable().optional(),
    members: zCount("noun.members", 1_000_000).nullable().optional(),
    notes: zText("noun.notes").optional(),
  })
  .superRefine(refineSite);
export type TSiteUpdateInput = z.input<typeof ZSiteUpdateInput>;

export const SITE_SORTS = ["establishedOn", "name", "area", "modelType", "updatedAt"] as const;

export const ZSiteListInput = z
  .strictObject({
    ...ZListBase,
    modelTypeId: ZId.optional(),
    category: z.enum(MODEL_CATEGORIES, { error: keyed("v.category") }).optional(),
    status: z.enum(SITE_STATUSES, { error: keyed("v.status") }).optional(),
    sort: z.enum(SITE_SORTS, { error: keyed("v.sort") }).default("establishedOn"),
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
