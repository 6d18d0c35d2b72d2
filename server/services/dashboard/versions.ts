import { isoOf } from "@qt/shared/dates";
import type { Db } from "../../db.ts";

/**
 * The tables the figures read, each with its band of data_version rows (decision 060, migration
 * data_version_per_table): a statement on one of them bumps a row of its band. Band 0 (the rows
 * before that migration, a restored backup's) counts as a change of every table.
 */
const BANDS = { site: 1, camera_installation: 2, award: 3, model_type: 4, admin_unit: 5, approval: 6 } as const;
export type DataTable = keyof typeof BANDS;

/** The data version read once per call: the total (decision 046) and the sum of each band. */
export type DataVersions = { total: bigint; bands: ReadonlyMap<number, bigint> };

/** One query: every band's sum; the total is theirs. */
export async function dataVersions(db: Db): Promise<DataVersions> {
  const rows = await db.$queryRaw<{ band: number; version: bigint | number }[]>`
    SELECT ((id - 1) / 64)::int AS band, SUM(version)::bigint AS version FROM data_version GROUP BY 1`;
  const bands = new Map(rows.map((r) => [Number(r.band), BigInt(r.version)]));
  return { total: [...bands.values()].reduce((s, v) => s + v, 0n), bands };
}

/** The version of what reads `tables`: grows with every committed statement on one of them. */
const versionOf = (v: DataVersions, tables: readonly DataTable[]) =>
  tables.reduce((s, t) => s + (v.bands.get(BANDS[t]) ?? 0n), v.bands.get(0) ?? 0n);

const MAX_PARTS = 400;
type Part = { version: bigint; result: Promise<unknown> };
const parts = new WeakMap<Db, Map<string, Part>>();

/**
 * A part of a figure that reads `tables` only (and no clock but today's date), kept per `key`
 * while their version is unchanged: after an installation's write the summary's site figures are
 * not recounted. The rules of cachedAggregate: a caller that read an older version neither reads
 * nor fills the entry; concurrent callers share one computation; a failed one is not kept.
 */
export function cachedPart<T>(
  db: Db,
  v: DataVersions | undefined,
  part: string,
  key: unknown,
  tables: readonly DataTable[],
  compute: () => Promise<T>,
): Promise<T> {
  if (!v) return compute();
  let store = parts.get(db);
  if (!store) {
    store = new Map();
    parts.set(db, store);
  }
  const version = versionOf(v, tables);
  const id = `${part} ${isoOf(new Date())} ${stableJson(key)}`;
  const kept = store.get(id);
  if (kept && kept.version > version) return compute();
  store.delete(id); // most recently used last
  if (kept && kept.version === version) {
    store.set(id, kept);
    return kept.result as Promise<T>;
  }
  const entry = { version, result: compute() };
  store.set(id, entry);
  if (store.size > MAX_PARTS) store.delete(store.keys().next().value as string);
  entry.result.catch(() => {
    if (store.get(id) === entry) store.delete(id);
  });
  return entry.result;
}

/** JSON with object keys sorted, so that { a, b } and { b, a } are one key. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
