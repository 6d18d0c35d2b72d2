import { z } from "zod";
import { REVIEW_PERIOD } from "../domain.ts";
import { keyed } from "../messages/index.ts";
import { reportsVi } from "../messages/reports.ts";
import {
  BAD_CHARACTER,
  isCleanText,
  yearRangeIssue,
  yearRangeOk,
  ZGsoCode,
  ZId,
  ZPeriodYear,
  ZVersion,
} from "./common.ts";
import { NARRATIVE_SECTIONS, type NarrativeSection, ZReportHeadingFields } from "./reports.ts";

/** Longest text of one narrative section: some ten pages, far more than a báo cáo gives one part. */
export const NARRATIVE_MAX = 20_000;

/** The narrative sections' titles as the document prints them (the form shows the same words). */
export const NARRATIVE_TITLES = Object.fromEntries(
  // The domain's words at once: made when the module loads (see DEFAULT_SUPERVISING_BODY).
  NARRATIVE_SECTIONS.map((k) => [k, reportsVi[`reports.narrative.${k}`]]),
) as Record<NarrativeSection, string>;

/**
 * Plain text with paragraphs: line breaks are kept (as "\n"), any other control character is
 * refused, never silently dropped, so what was typed is what is printed.
 */
const narrativeText = (section: NarrativeSection) =>
  z
    .string({ error: keyed("v.narrativeInvalid", { section: { key: `reports.narrative.${section}` } }) })
    .refine(isCleanText, keyed("v.narrativeBadCharacter", { section: { key: `reports.narrative.${section}` } }))
    .transform((s) => s.replace(/\r\n?/g, "\n").trim())
    .refine((s) => s.length <= NARRATIVE_MAX, {
      error: () =>
        keyed("v.narrativeTooLong", { section: { key: `reports.narrative.${section}` }, max: NARRATIVE_MAX }),
    })
    .default("");

export const ZNarrative = z.strictObject(
  Object.fromEntries(NARRATIVE_SECTIONS.map((k) => [k, narrativeText(k)])) as Record<
    NarrativeSection,
    ReturnType<typeof narrativeText>
  >,
);

/** What a draft is written for: the report's period and districts (none = the whole province). */
const ZDraftScope = {
  fromYear: ZPeriodYear.default(REVIEW_PERIOD.fromYear),
  toYear: ZPeriodYear.default(REVIEW_PERIOD.toYear),
  districtCodes: z.array(ZGsoCode).max(20, keyed("v.reportDistricts")).default([]),
};

const ZDraftFields = {
  name: z
    .string({ error: keyed("v.required", { label: { key: "noun.draftName" } }) })
    .trim()
    .min(1, keyed("v.required", { label: { key: "noun.draftName" } }))
    .max(120, keyed("v.tooLong", { label: { key: "noun.draftName" }, max: "120" }))
    .refine(isCleanText, BAD_CHARACTER),
  ...ZDraftScope,
  ...ZReportHeadingFields,
  narrative: ZNarrative.default(
    Object.fromEntries(NARRATIVE_SECTIONS.map((k) => [k, ""])) as Record<NarrativeSection, string>,
  ),
};

export const ZReportDraftCreateInput = z.strictObject(ZDraftFields).refine(yearRangeOk, yearRangeIssue);
/** A save replaces the whole draft, under the version the editor opened. */
export const ZReportDraftUpdateInput = z
  .strictObject({ id: ZId, version: ZVersion, ...ZDraftFields })
  .refine(yearRangeOk, yearRangeIssue);
export const ZReportDraftRemoveInput = z.strictObject({ id: ZId, version: ZVersion });
export const ZReportDraftGetInput = z.strictObject({ id: ZId });
/** The drafts of one scope and period (the report builder's current choice). */
export const ZReportDraftListInput = z.strictObject(ZDraftScope).refine(yearRangeOk, yearRangeIssue);

export type TReportDraftCreateInput = z.input<typeof ZReportDraftCreateInput>;
export type TReportDraftUpdateInput = z.input<typeof ZReportDraftUpdateInput>;

const ZDraftMeta = {
  id: z.number(),
  version: z.number(),
  name: z.string(),
  fromYear: z.number(),
  toYear: z.number(),
  districtCodes: z.array(z.string()),
  updatedAt: z.string(),
};

export const ZReportDraftSummary = z.object(ZDraftMeta);
export const ZReportDraft = z.object({
  ...ZDraftMeta,
  supervisingBody: z.string(),
  issuingBody: z.string(),
  signerTitle: z.string(),
  signerName: z.string(),
  narrative: z.object(
    Object.fromEntries(NARRATIVE_SECTIONS.map((k) => [k, z.string()])) as Record<NarrativeSection, z.ZodString>,
  ),
});
export type TReportDraft = z.infer<typeof ZReportDraft>;
export type TReportDraftSummary = z.infer<typeof ZReportDraftSummary>;
