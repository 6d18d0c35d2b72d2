import { z } from "zod";
import { AWARD_FORMS, AWARD_ISSUERS, RECIPIENT_KINDS } from "../domain.ts";
import { keyed } from "../messages/index.ts";
import {
  yearRangeIssue,
  yearRangeOk,
  ZGsoCode,
  ZLinkedSite,
  ZListBase,
  ZRecordMeta,
  ZRecordYear,
  ZSaveOutcome,
  ZSiteRef,
  zName,
  zPage,
  zText,
  zUpdateInput,
} from "./common.ts";

const ZIssuer = z.enum(AWARD_ISSUERS, { error: keyed("v.issuerRequired") });
const ZForm = z.enum(AWARD_FORMS, { error: keyed("v.formRequired") });
const ZKind = z.enum(RECIPIENT_KINDS, { error: keyed("v.recipientKindRequired") });

const fields = {
  year: ZRecordYear,
  issuer: ZIssuer,
  form: ZForm,
  recipientKind: ZKind,
  recipientName: zName("noun.recipientName"),
  districtCode: ZGsoCode.optional(),
  /** Null: a province-level recipient (only province-wide staff may enter those). */
  areaCode: ZGsoCode.nullable().default(null),
  siteId: ZSiteRef.nullable().default(null),
  decisionNumber: zText("noun.decisionNumber", 100).default(""),
  notes: zText("noun.notes").default(""),
};

export const ZAwardCreateInput = z.strictObject(fields);
export type TAwardCreateInput = z.input<typeof ZAwardCreateInput>;

export const ZAwardUpdateInput = zUpdateInput(fields);
export type TAwardUpdateInput = z.input<typeof ZAwardUpdateInput>;

export const AWARD_SORTS = ["year", "recipientName", "issuer", "updatedAt"] as const;

export const ZAwardListInput = z
  .strictObject({
    ...ZListBase,
    issuer: ZIssuer.optional(),
    form: ZForm.optional(),
    recipientKind: ZKind.optional(),
    sort: z.enum(AWARD_SORTS, { error: keyed("v.sort") }).default("year"),
  })
  .refine(yearRangeOk, yearRangeIssue);
export type TAwardListInput = z.input<typeof ZAwardListInput>;

export const ZAward = z.object({
  ...ZRecordMeta,
  year: z.number(),
  issuer: z.enum(AWARD_ISSUERS),
  form: z.enum(AWARD_FORMS),
  recipientKind: z.enum(RECIPIENT_KINDS),
  /** Null when the reader may not see it: a commune's or district's account, another unit's award. */
  recipientName: z.string().nullable(),
  /** Set when the name was withheld (personal data outside the reader's scope; issue 29). */
  nameHidden: z.literal(true).optional(),
  areaCode: z.string().nullable(),
  areaName: z.string().nullable(),
  districtCode: z.string().nullable(),
  districtName: z.string().nullable(),
  /** The commune of today the area lies in (itself from 01/07/2025; null: unknown), for the scope. */
  currentCommuneCode: z.string().nullable(),
  ...ZLinkedSite,
  decisionNumber: z.string(),
  notes: z.string(),
});
export type TAward = z.infer<typeof ZAward>;
export const ZAwardSaved = ZAward.extend(ZSaveOutcome);
export type TAwardSaved = z.infer<typeof ZAwardSaved>;
export const ZAwardPage = zPage(ZAward);
