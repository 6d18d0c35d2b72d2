import {
  AWARD_FORMS,
  AWARD_ISSUERS,
  FUNDING_SOURCES,
  RECIPIENT_KINDS,
  RELIGIONS,
  SITE_STATUSES,
} from "@qt/shared/domain";
import { z } from "zod";

/**
 * The package file (decision 052): gzip of UTF-8 lines, each one JSON object.
 *   1. the header: format, format version, province, period, product version, time;
 *   2. the approved unit-years ("approval" lines, numbered from 0 in order);
 *   3. the records: sites, then camera installations, then awards, each naming its approval;
 *   4. the end: how many lines of each kind came (a cut file is found);
 *   5. the signature: Ed25519 over the SHA-256 of every byte before that line (the lines 1–4 exactly
 *      as written), base64. Hashing first lets both sides stream: no whole package in memory.
 */
export const FORMAT = "qt-figures-exchange";
export const FORMAT_VERSION = 1;
export const ALGORITHM = "Ed25519";

const ZUnitRef = z.object({ catalog: z.enum(["three_level", "two_level"]), code: z.string().regex(/^\d{2,5}$/) });
const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const ZYear = z.number().int().min(1900).max(2200);
const ZText = z.string().max(10_000);

export const ZHeader = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.number().int().positive(),
  provinceCode: z.string().regex(/^\d{2}$/),
  provinceName: z.string(),
  fromYear: ZYear,
  toYear: ZYear,
  productVersion: z.string().max(50),
  madeAt: z.string(),
});
export type Header = z.infer<typeof ZHeader>;

export const ZApprovalLine = z.object({
  t: z.literal("approval"),
  unit: ZUnitRef.extend({ name: ZText }),
  year: ZYear,
  approvedAt: z.string(),
  approvedBy: ZText.nullable(),
  submittedAt: z.string().nullable(),
  submittedBy: ZText.nullable(),
  isDemo: z.boolean(),
});
export type ApprovalLine = z.infer<typeof ZApprovalLine>;

const recordBase = {
  ref: z.number().int(),
  ap: z.number().int().min(0),
  area: ZUnitRef,
  notes: ZText,
  isDemo: z.boolean(),
};

export const ZSiteLine = z.object({
  t: z.literal("site"),
  ...recordBase,
  modelType: z.string().max(100),
  name: ZText,
  host: ZText,
  establishedOn: ZDay,
  status: z.enum(SITE_STATUSES),
  statusChangedOn: ZDay.nullable(),
  religion: z.enum(RELIGIONS).nullable(),
  households: z.number().int().nullable(),
  members: z.number().int().nullable(),
});
export const ZCameraLine = z.object({
  t: z.literal("camera"),
  ...recordBase,
  site: z.number().int().nullable(),
  installedOn: ZDay,
  cameras: z.number().int().min(0),
  recorders: z.number().int().min(0),
  memoryCards: z.number().int().min(0),
  costVnd: z.string().regex(/^\d{1,18}$/),
  fundingSource: z.enum(FUNDING_SOURCES),
});
export const ZAwardLine = z.object({
  t: z.literal("award"),
  ...recordBase,
  site: z.number().int().nullable(),
  year: ZYear,
  issuer: z.enum(AWARD_ISSUERS),
  form: z.enum(AWARD_FORMS),
  recipientKind: z.enum(RECIPIENT_KINDS),
  /** A collective's name; null for a person (the ministry needs counts, not people). */
  recipientName: ZText.nullable(),
  decisionNumber: ZText,
});
export type SiteLine = z.infer<typeof ZSiteLine>;
export type CameraLine = z.infer<typeof ZCameraLine>;
export type AwardLine = z.infer<typeof ZAwardLine>;

export const ZEnd = z.object({
  t: z.literal("end"),
  approvals: z.number().int(),
  sites: z.number().int(),
  cameras: z.number().int(),
  awards: z.number().int(),
});
export type EndLine = z.infer<typeof ZEnd>;

export const ZSignature = z.object({ signature: z.object({ algorithm: z.string(), value: z.string().max(200) }) });

export const ZBodyLine = z.discriminatedUnion("t", [ZApprovalLine, ZSiteLine, ZCameraLine, ZAwardLine, ZEnd]);
export type BodyLine = z.infer<typeof ZBodyLine>;

/** "1.10.2" after "1.9.0": numeric parts compared in order. */
export function newerVersion(a: string, b: string): boolean {
  const pa = a.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return false;
}
