import { z } from "zod";
import { ZGsoCode, ZId, ZPaging, ZVersion } from "./common.ts";
import { ZImportKind } from "./imports.ts";

/**
 * Records of divided old communes (decision 055): an old commune split between several communes of
 * today on 01/07/2025 counts, in the current view, in the rule's successor (decision 044) unless an
 * editor moved one of its records to another of its successors.
 */
export const ZDividedListInput = z.strictObject({
  /** sites, cameras or awards; absent: all three. */
  kind: ZImportKind.optional(),
  /** A former district (the old commune's). */
  districtCode: ZGsoCode.optional(),
  ...ZPaging,
});
export type TDividedListInput = z.input<typeof ZDividedListInput>;

const ZUnitRef = z.object({ code: z.string(), name: z.string() });

export const ZDividedRecord = z.object({
  kind: ZImportKind,
  id: z.number(),
  version: z.number(),
  /** A site's name, an installation's cameras, an award's recipient. */
  label: z.string(),
  /** The record's day (yyyy-mm-dd), or its year for an award. */
  when: z.string(),
  isDemo: z.boolean(),
  area: ZUnitRef,
  district: ZUnitRef,
  /** Every successor of the old commune, in the successor table's order. */
  successors: z.array(ZUnitRef),
  /** The successor the rule counts it in (decision 044). */
  rule: ZUnitRef.nullable(),
  /** The commune of today it counts in now: the chosen one, else the rule's. */
  current: ZUnitRef.nullable(),
  /** Whether an editor chose `current` (false: the rule's). */
  chosen: z.boolean(),
});
export type TDividedRecord = z.infer<typeof ZDividedRecord>;

export const ZDividedPage = z.object({ items: z.array(ZDividedRecord), total: z.number() });
export type TDividedPage = z.infer<typeof ZDividedPage>;

export const ZDividedMoveInput = z.strictObject({
  kind: ZImportKind,
  id: ZId,
  version: ZVersion,
  /** A successor of the record's old commune; null: back to the rule's. */
  communeCode: ZGsoCode.nullable(),
});
export type TDividedMoveInput = z.infer<typeof ZDividedMoveInput>;
