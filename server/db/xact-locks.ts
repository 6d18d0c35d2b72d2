import type { Prisma } from "../generated/prisma/client.ts";

/**
 * The app's transaction-level advisory locks (PostgreSQL `pg_advisory_xact_lock(int, int)`, also
 * on the embedded database, where they never wait): the first key names what is locked, the second
 * which one. Prisma's migration lock uses the one-bigint form, a separate key space.
 */
export const LOCK_SPACE = {
  /** A unit of approval and year: every record write in it, and its approval transitions (decision 025). */
  unitYear: 0x5154_0001,
  /** A kind of import: commits of one kind judge their duplicates one after the other (decision 028). */
  importKind: 0x5154_0002,
  /** A province's received packages: two uploads of one province replace in turn (decision 052). */
  exchangeProvince: 0x5154_0003,
} as const;

/**
 * Takes the locks (`space`, k) for every k, in ascending order so two transactions never wait on
 * each other in a circle, and holds them until the transaction ends. One statement: the keys go as
 * one JSON parameter, unpacked in array order.
 */
export async function lockXact(
  tx: Prisma.TransactionClient,
  space: (typeof LOCK_SPACE)[keyof typeof LOCK_SPACE],
  keys: Iterable<number>,
): Promise<void> {
  const sorted = [...new Set(keys)].sort((a, b) => a - b);
  if (sorted.length === 0) return;
  await tx.$queryRaw`SELECT count(*)::int AS n FROM (
      SELECT pg_advisory_xact_lock(${space}::int, k::int)
        FROM jsonb_array_elements_text(${JSON.stringify(sorted)}::jsonb) AS k) AS taken`;
}

/** How often a bounded wait asks again. */
const RETRY_MS = 50;

/**
 * As lockXact, but waits at most `waitMs` in all (each lock is tried, `pg_try_advisory_xact_lock`,
 * and tried again until then): false when one is still held elsewhere, the ones taken so far are
 * then released with the transaction the caller aborts. For short writes (a form's save, a
 * transition), which should say "busy" rather than wait for a long import to end.
 */
export async function lockXactWithin(
  tx: Prisma.TransactionClient,
  space: (typeof LOCK_SPACE)[keyof typeof LOCK_SPACE],
  keys: Iterable<number>,
  waitMs: number,
): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  for (const key of [...new Set(keys)].sort((a, b) => a - b)) {
    for (;;) {
      const [got] = await tx.$queryRaw<
        { ok: boolean }[]
      >`SELECT pg_try_advisory_xact_lock(${space}::int, ${key}::int) AS ok`;
      if (got?.ok) break;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
  return true;
}
