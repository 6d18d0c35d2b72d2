import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, hotp, matchTotp, totpCode, totpUri } from "../../server/services/accounts/totp.ts";

// RFC 6238 appendix B (SHA-1 column): the key is the ASCII of "12345678901234567890", 8 digits.
const RFC_KEY = "12345678901234567890";
const RFC_VECTORS: [number, string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];
// RFC 4226 appendix D: HOTP of the same key, counters 0..9, 6 digits.
const HOTP_VECTORS = [
  "755224",
  "287082",
  "359152",
  "969429",
  "338314",
  "254676",
  "287922",
  "162583",
  "399871",
  "520489",
];

describe("TOTP (RFC 6238) with node:crypto", () => {
  const secret = base32Encode(Buffer.from(RFC_KEY, "ascii"));

  it("base32 of the RFC key is the one authenticator apps are given", () => {
    // RFC 4648 §10 style check: "12345678901234567890" in base32.
    expect(secret).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    expect(base32Decode(secret).toString("ascii")).toBe(RFC_KEY);
    expect(base32Encode(Buffer.from("foobar"))).toBe("MZXW6YTBOI");
  });

  it("gives RFC 4226's HOTP values", () => {
    HOTP_VECTORS.forEach((value, counter) => {
      expect(hotp(Buffer.from(RFC_KEY, "ascii"), counter)).toBe(value);
    });
  });

  it("gives RFC 6238's TOTP values (SHA-1, 30 s, 8 digits)", () => {
    for (const [seconds, value] of RFC_VECTORS) {
      expect(totpCode(secret, new Date(seconds * 1000), 8)).toBe(value);
    }
  });

  it("accepts ±1 step, refuses an hour-old code and a step already used", () => {
    const now = new Date(1111111111 * 1000);
    const step = Math.floor(1111111111 / 30);
    const at = (s: number) => totpCode(secret, new Date(s * 30 * 1000));
    expect(matchTotp(secret, at(step), now, null)).toBe(step);
    expect(matchTotp(secret, at(step - 1), now, null)).toBe(step - 1);
    expect(matchTotp(secret, at(step + 1), now, null)).toBe(step + 1);
    expect(matchTotp(secret, at(step - 2), now, null)).toBeNull();
    expect(matchTotp(secret, at(step - 120), now, null)).toBeNull();
    // Used: that step and every earlier one are spent.
    expect(matchTotp(secret, at(step), now, step)).toBeNull();
    expect(matchTotp(secret, at(step - 1), now, step)).toBeNull();
    expect(matchTotp(secret, at(step + 1), now, step)).toBe(step + 1);
    expect(matchTotp(secret, "12345", now, null)).toBeNull();
  });

  it("writes the otpauth URI the apps read", () => {
    const uri = new URL(totpUri(secret, "admin"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/QT-BVANTQ:admin");
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      secret,
      issuer: "QT-BVANTQ",
      algorithm: "SHA1",
      digits: "6",
      period: "30",
    });
  });
});
