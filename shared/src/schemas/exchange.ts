import { z } from "zod";
import { keyed } from "../messages/index.ts";
import { PROVINCE_KINDS } from "../province.ts";
import { ZPeriodYear } from "./common.ts";

/**
 * The signed exchange of approved figures (decision 052): a province's install makes a package of
 * its approved unit-years, the national install registers the province's public key and receives it.
 */
export const ZProvinceCode = z.string().regex(/^\d{2}$/, keyed("exchange.provinceCode"));

/** The period of a package: whole years, the first not after the last. */
export const ZExchangePeriod = z
  .strictObject({ fromYear: ZPeriodYear, toYear: ZPeriodYear })
  .refine((p) => p.fromYear <= p.toYear, { message: keyed("v.yearOrder"), path: ["toYear"] });
export type TExchangePeriod = z.infer<typeof ZExchangePeriod>;

export const ZPublicKey = z.object({
  provinceCode: z.string(),
  provinceName: z.string(),
  /** SPKI PEM. */
  publicKey: z.string(),
  /** SHA-256 of the key's DER bytes, hex in groups: what two people compare on the telephone. */
  fingerprint: z.string(),
});
export type TPublicKey = z.infer<typeof ZPublicKey>;

/** An Ed25519 public key in PEM (SPKI), as `exchange.publicKey` gives it. */
export const ZRegisterKeyInput = z.strictObject({
  provinceCode: ZProvinceCode,
  publicKey: z.string().trim().min(1, keyed("exchange.keyInvalid")).max(2000, keyed("exchange.keyInvalid")),
});
export type TRegisterKeyInput = z.infer<typeof ZRegisterKeyInput>;

export const ZRegisteredKey = z.object({
  provinceCode: z.string(),
  provinceName: z.string(),
  /** SHA-256 of the key's DER bytes, hex in groups: what two people compare on the telephone. */
  fingerprint: z.string(),
  registeredAt: z.string(),
  registeredBy: z.string(),
  replaced: z.boolean(),
});
export type TRegisteredKey = z.infer<typeof ZRegisteredKey>;

export const ZReceivedPackage = z.object({
  id: z.number(),
  provinceCode: z.string(),
  provinceName: z.string(),
  fromYear: z.number(),
  toYear: z.number(),
  sha256: z.string(),
  productVersion: z.string(),
  madeAt: z.string(),
  importedAt: z.string(),
  importedBy: z.string(),
  sites: z.number(),
  cameras: z.number(),
  awards: z.number(),
  approvedUntil: z.string().nullable(),
  replaced: z.array(z.object({ id: z.number(), fromYear: z.number(), toYear: z.number(), records: z.number() })),
  replacedById: z.number().nullable(),
});
export type TReceivedPackage = z.infer<typeof ZReceivedPackage>;

/** What `POST /api/exchange/packages` answers. */
export const ZPackageReceipt = z.object({
  id: z.number(),
  provinceCode: z.string(),
  fromYear: z.number(),
  toYear: z.number(),
  records: z.object({ sites: z.number(), cameras: z.number(), awards: z.number() }),
  replaced: z.array(z.number()),
});
export type TPackageReceipt = z.infer<typeof ZPackageReceipt>;

/** Where received figures came from, for the dashboard's line (the packages still in force). */
export const ZExchangeSourcesInput = z
  .strictObject({
    provinceCode: ZProvinceCode.optional(),
    fromYear: ZPeriodYear.optional(),
    toYear: ZPeriodYear.optional(),
  })
  .optional();
export const ZExchangeSource = z.object({
  packageId: z.number(),
  provinceCode: z.string(),
  provinceName: z.string(),
  provinceType: z.enum(PROVINCE_KINDS),
  fromYear: z.number(),
  toYear: z.number(),
  approvedUntil: z.string().nullable(),
});
export type TExchangeSource = z.infer<typeof ZExchangeSource>;

/** The largest package file accepted (gzip) and what it may unpack to. */
export const EXCHANGE_MAX_BYTES = 64 * 1024 * 1024;
