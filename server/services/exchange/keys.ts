import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import type { TPublicKey, TRegisteredKey, TRegisterKeyInput } from "@qt/shared/schemas/exchange";
import type { SessionUser } from "../../context.ts";
import type { Db } from "../../db.ts";
import { appError } from "../../errors.ts";
import { writeAudit } from "../audit/write.ts";
import { installedProvince, PROVINCE_CODES, provinceFromLists } from "../units/province.ts";

/**
 * This install's Ed25519 key pair (decision 052), made at the first start and kept in the database
 * (app_setting "exchange_key"), so a backup carries it and a restore brings it back. The private
 * key is read only to sign a package: never logged, never in an answer, never in the audit log.
 */
const SETTING = "exchange_key";
type Stored = { publicKey: string; privateKey: string; createdAt: string };

/** Makes the key pair if this database has none (idempotent: of two servers starting at once one wins). */
export async function ensureOwnKey(db: Db): Promise<void> {
  if ((await db.appSetting.count({ where: { key: SETTING } })) > 0) return;
  const pair = generateKeyPairSync("ed25519");
  const value: Stored = {
    publicKey: pair.publicKey.export({ type: "spki", format: "pem" }).toString(),
    privateKey: pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    createdAt: new Date().toISOString(),
  };
  await db.$executeRaw`INSERT INTO app_setting (key, value, updated_at)
    VALUES (${SETTING}, ${JSON.stringify(value)}::jsonb, now()) ON CONFLICT (key) DO NOTHING`;
}

async function ownKeys(db: Db): Promise<Stored> {
  await ensureOwnKey(db);
  const row = await db.appSetting.findUniqueOrThrow({ where: { key: SETTING }, select: { value: true } });
  return row.value as Stored;
}

/** The private key that signs this install's packages (only the package writer asks for it). */
export async function signingKey(db: Db): Promise<KeyObject> {
  return createPrivateKey((await ownKeys(db)).privateKey);
}

/** exchange.publicKey: what the province gives the ministry by an official channel. */
export async function ownPublicKey(db: Db): Promise<TPublicKey & { fingerprint: string }> {
  const [keys, province] = await Promise.all([ownKeys(db), installedProvince(db)]);
  return {
    provinceCode: province.code,
    provinceName: province.name,
    publicKey: keys.publicKey,
    fingerprint: fingerprint(createPublicKey(keys.publicKey)),
  };
}

/** SHA-256 of the key's DER bytes, in groups of four hex digits: read aloud to check a key. */
export function fingerprint(key: KeyObject): string {
  const hex = createHash("sha256")
    .update(key.export({ type: "spki", format: "der" }))
    .digest("hex");
  return (hex.match(/.{4}/g) ?? []).slice(0, 8).join(" ");
}

/** An Ed25519 public key from PEM, or null for anything else (another algorithm, a private key, junk). */
export function readPublicKey(pem: string): KeyObject | null {
  if (!/-----BEGIN PUBLIC KEY-----/.test(pem) || /PRIVATE/.test(pem)) return null;
  try {
    const key = createPublicKey(pem);
    return key.asymmetricKeyType === "ed25519" ? key : null;
  } catch {
    return null;
  }
}

/** A province code of today's 34, or 400. */
export async function requireProvince(code: string) {
  if (!PROVINCE_CODES.includes(code)) throw appError("invalid", "exchange.unknownProvince", { code });
  return provinceFromLists(code);
}

/**
 * exchange.registerKey: the key a province sent by official letter. Registering a key again
 * replaces it (the province made a new install); both are audited, the old key's fingerprint kept.
 */
export async function registerKey(db: Db, input: TRegisterKeyInput, user: SessionUser): Promise<TRegisteredKey> {
  const province = await requireProvince(input.provinceCode);
  const key = readPublicKey(input.publicKey);
  if (!key) throw appError("invalid", "exchange.keyInvalid");
  const publicKey = key.export({ type: "spki", format: "pem" }).toString();
  return db.$transaction(async (tx) => {
    const before = await tx.exchangeKey.findUnique({ where: { provinceCode: province.code } });
    const row = await tx.exchangeKey.upsert({
      where: { provinceCode: province.code },
      create: { provinceCode: province.code, publicKey, registeredById: user.id, registeredBy: user.username },
      update: { publicKey, registeredAt: new Date(), registeredById: user.id, registeredBy: user.username },
    });
    const print = fingerprint(key);
    await writeAudit(tx, {
      user,
      action: "register_key",
      entity: "exchange_key",
      entityId: province.code,
      before: before
        ? { provinceCode: before.provinceCode, fingerprint: fingerprint(createPublicKey(before.publicKey)) }
        : null,
      after: { provinceCode: province.code, fingerprint: print },
    });
    return {
      provinceCode: row.provinceCode,
      provinceName: province.name,
      fingerprint: print,
      registeredAt: row.registeredAt.toISOString(),
      registeredBy: row.registeredBy,
      replaced: before !== null,
    };
  });
}

/** exchange.keys: the registered keys, by province code. */
export async function registeredKeys(db: Db): Promise<TRegisteredKey[]> {
  const rows = await db.exchangeKey.findMany({ orderBy: { provinceCode: "asc" } });
  return Promise.all(
    rows.map(async (r) => ({
      provinceCode: r.provinceCode,
      provinceName: (await provinceFromLists(r.provinceCode)).name,
      fingerprint: fingerprint(createPublicKey(r.publicKey)),
      registeredAt: r.registeredAt.toISOString(),
      registeredBy: r.registeredBy,
      replaced: false,
    })),
  );
}

/** The registered keys as key objects, for verifying a package. */
export async function verifyingKeys(db: Db): Promise<Map<string, KeyObject>> {
  const rows = await db.exchangeKey.findMany({ select: { provinceCode: true, publicKey: true } });
  return new Map(rows.map((r) => [r.provinceCode, createPublicKey(r.publicKey)]));
}
