import { hash, verify } from "@node-rs/argon2";

/**
 * argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane): memory-hard, about 30–60 ms
 * on this hardware. The salt is random per hash and stored in the PHC string.
 */
const OPTIONS = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum, not importable) */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** False for a wrong password and for an unusable hash (e.g. "!unusable" of test users). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (!passwordHash.startsWith("$argon2")) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;
/**
 * Spends the same time as a real check when there is no usable hash (unknown user), so that the
 * response time does not tell whether a username exists.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword("dummy password that never matches");
  await verify(await dummy, password).catch(() => false);
  return false;
}
