import { z } from "zod";
import { FUNDING_SOURCES } from "../domain.ts";
import { keyed } from "../messages/index.ts";
import {
  yearRangeIssue,
  yearRangeOk,
  ZGsoCode,
  ZIsoDate,
  ZLinkedSite,
  ZListBase,
  ZRecordMeta,
  ZSaveOutcome,
  ZSiteRef,
  zCount,
  zPage,
  zText,
  zUpdateInput,
} from "./common.ts";

/** Sane ceiling for one installation: 100 billion VND (the whole province spent under 5 billion in 15 years). */
export const MAX_COST_VND = 100_000_000_000;

const ZCost = z
  .number({ error: keyed("v.costNumber") })
  .int(keyed("v.costInteger"))
  .min(0, keyed("v.costNegative"))
  .max(MAX_COST_VND, keyed("v.costMax"));
const ZFunding = z.enum(FUNDING_SOURCES, { error: keyed("v.fundingRequired") });

const fields = {
  districtCode: ZGsoCode.optional(),
  areaCode: ZGsoCode,
  installedOn: ZIsoDate,
  cameras: zCount("noun.cameras", 10_000),
  recorders: zCount("noun.recorders", 1_000),
  memoryCards: zCount("noun.memoryCards", 10_000),
  costVnd: ZCost,
  fundingSource: ZFunding,
  siteId: ZSiteRef.nullable().optional(),
  notes: zText("noun.notes").default(""),
};

export const ZCameraCreateInput = z.strictObject(fields);
export type TCameraCreateInput = z.input<typeof ZCameraCreateInput>;

export const ZCameraUpdateInput = zUpdateInput(fields);
export type TCameraUpdateInput = z.input<typeof ZCameraUpdateInput>;

export const CAMERA_SORTS = ["installedOn", "cameras", "costVnd", "area", "updatedAt"] as const;

export const ZCameraListInput = z
  .strictObject({
    ...ZListBase,
    fundingSource: ZFunding.optional(),
    sort: z.enum(CAMERA_SORTS, { error: keyed("v.sort") }).default("installedOn"),
  })
  .refine(yearRangeOk, yearRangeIssue);
export type TCameraListInput = z.input<typeof ZCameraListInput>;

export const ZCamera = z.object({
  ...ZRecordMeta,
  areaCode: z.string(),
  areaName: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  /** The commune of today the area lies in (itself from 01/07/2025; null: unknown), for the scope. */
  currentCommuneCode: z.string().nullable(),
  installedOn: z.string(),
  cameras: z.number(),
  recorders: z.number(),
  memoryCards: z.number(),
  costVnd: z.number(),
  fundingSource: z.enum(FUNDING_SOURCES),
  ...ZLinkedSite,
  notes: z.string(),
});
export type TCamera = z.infer<typeof ZCamera>;
export const ZCameraSaved = ZCamera.extend(ZSaveOutcome);
export type TCameraSaved = z.infer<typeof ZCameraSaved>;
export const ZCameraPage = zPage(ZCamera);
