import { createHash, createHmac, randomBytes } from "node:crypto";

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1, 30-second steps,
 * 6 digits, what every authenticator app reads from an otpauth:// URI. Written here rather than
 * taken from a package: it is twenty lines, and tests/server/totp.test.ts checks it against the
 * RFC's own vectors.
 */
export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Codes of the step before and after are accepted too: a phone's clock a little off. */
export const TOTP_WINDOW = 1;

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of text.replace(/[\s=]/g, "").toUpperCase()) {
    const index = ALPHABET.indexOf(ch);
    if (index < 0) throw new Error("not base32");
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new secret: 160 bits, the length RFC 4226 recommends for SHA-1. */
export const newTotpSecret = () => base32Encode(randomBytes(20));

/** RFC 4226's HOTP value of `counter` for the raw key. */
export function hotp(key: Buffer, counter: number, digits = TOTP_DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac("sha1", key).update(message).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, "0");
}

/** The step a moment falls in. */
export const totpStep = (at: Date) => Math.floor(at.getTime() / 1000 / TOTP_STEP_SECONDS);

/** The code of a base32 secret at a moment. */
export const totpCode = (secret: string, at: Date, digits = TOTP_DIGITS) =>
  hotp(base32Decode(secret), totpStep(at), digits);

/**
 * The step whose code `code` is, within ±TOTP_WINDOW of `now`, and later than `usedStep` (a code
 * already used, or an older one, is refused: RFC 6238 §5.2); null when none.
 */
export function matchTotp(secret: string, code: string, now: Date, usedStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const key = base32Decode(secret);
  const current = totpStep(now);
  for (let step = current - TOTP_WINDOW; step <= current + TOTP_WINDOW; step += 1) {
    if (usedStep !== null && step <= usedStep) continue;
    if (hotp(key, step) === code) return step;
  }
  return null;
}

/** The URI an authenticator app reads from the QR code (Google Authenticator's Key Uri Format). */
export function totpUri(secret: string, username: string): string {
  const issuer = "QT-BVANTQ";
  const label = encodeURIComponent(`${issuer}:${username}`);
  const params = new URLSearchParams({ secret, issuer, algorithm: "SHA1", digits: "6", period: "30" });
  return `otpauth://totp/${label}?${params}`;
}

/** How many one-time recovery codes an account gets at enrolment. */
export const RECOVERY_CODES = 10;

/** Ten codes like "k7q2m-x9fpa" (50 random bits each): shown once, only their hashes stored. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODES }, () => {
    const text = base32Encode(randomBytes(7)).slice(0, 10).toLowerCase();
    return `${text.slice(0, 5)}-${text.slice(5)}`;
  });
}

/** A recovery code as typed (any case, spaces or dash) → the form whose hash is stored. */
export const normaliseRecoveryCode = (code: string) => code.replace(/[\s-]/g, "").toLowerCase();

/** Random codes, not passwords: a plain SHA-256 is enough (nothing to guess from the hash). */
export const hashRecoveryCode = (code: string) =>
  createHash("sha256").update(normaliseRecoveryCode(code)).digest("hex");
