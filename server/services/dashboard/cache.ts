import { isoOf } from "@qt/shared/dates";
import type { TDashboardFilter } from "@qt/shared/schemas/dashboard";
import type { Db } from "../../db.ts";
import { approvalSummary } from "../approvals/summary.ts";
import { demoRecords } from "../demo/counts.ts";
import { areasOf, dashboardAreas } from "./areas.ts";
import { dashboardAwards } from "./awards.ts";
import { dashboardCameras } from "./cameras.ts";
import { dashboardCommunities } from "./communities.ts";
import { type FilterInput, filterInputOf, resolveFilter } from "./filter.ts";
import { dashboardModelType } from "./model-type.ts";
import { dashboardOptions } from "./options.ts";
import { dashboardSummary } from "./summary.ts";
import { type DataVersions, dataVersions, stableJson } from "./versions.ts";
import { dashboardYearly } from "./yearly.ts";

/**
 * Dashboard aggregates are functions of the data and the filter only (not of the caller), and the
 * data changes only when staff edit records. A computed result is therefore kept, per procedure and
 * filter, for as long as the database's data version is unchanged. The version is bumped by a
 * statement trigger on every write to the tables the aggregates read (migration
 * dashboard_data_version), in the writing transaction: a result computed after reading version v
 * saw every write up to v, and every app server of the database sees the new number as soon as the
 * rows. See docs/decisions/008.
 *
 * Callers must not mutate what they get back: the same object answers every later call.
 */
const MAX_ENTRIES = 200;

type Cache = { version: bigint; entries: Map<string, Promise<unknown>> };
/**
 * The record lists' pages (records.ts `listPage`) are kept the same way, in a store of their own so
 * that paging through a long list does not push the dashboard's figures out.
 */
export type CacheStore = "dashboard" | "lists";
const caches: Record<CacheStore, WeakMap<Db, Cache>> = { dashboard: new WeakMap(), lists: new WeakMap() };

export async function dataVersion(db: Db): Promise<bigint> {
  // The sum of the connections' rows (decision 046): it grows with every committed write.
  return (await dataVersions(db)).total;
}

/**
 * The cached result of `compute` for this procedure and input, computed now if the data changed
 * since. Concurrent callers share one computation; a failed computation is not kept.
 */
export async function cachedAggregate<T>(
  db: Db,
  procedure: string,
  input: unknown,
  compute: (versions: DataVersions) => Promise<T>,
  store: CacheStore = "dashboard",
): Promise<T> {
  const versions = await dataVersions(db);
  const { total: version } = versions;
  let cache = caches[store].get(db);
  if (!cache || version > cache.version) {
    cache = { version, entries: new Map() };
    caches[store].set(db, cache);
  }
  // A caller that read an older version than a concurrent one (a write landed in between) must
  // neither read nor fill the newer cache.
  if (version < cache.version) return compute(versions);
  // The clock matters too: the yearly series ends with the current year by default.
  const key = `${procedure} ${isoOf(new Date())} ${stableJson(input ?? {})}`;
  const { entries } = cache;
  const hit = entries.get(key) as Promise<T> | undefined;
  if (hit) {
    entries.delete(key);
    entries.set(key, hit); // most recently used last
    return hit;
  }
  const result = compute(versions);
  entries.set(key, result);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  result.catch(() => {
    if (entries.get(key) === result) entries.delete(key);
  });
  return result;
}

const cached =
  <I, O>(name: string, compute: (db: Db, input: I) => Promise<O>) =>
  (db: Db, input: I) =>
    cachedAggregate(db, name, input, () => compute(db, input));

/**
 * A figure with its demo field: the one demo count of the same scope (services/demo/counts.ts),
 * computed alongside and cached with it.
 */
const cachedWithDemo =
  <I, O>(
    name: string,
    compute: (db: Db, input: I, versions: DataVersions) => Promise<O>,
    filter: (input: I) => FilterInput,
  ) =>
  (db: Db, input: I) =>
    cachedAggregate(db, name, input, async (versions) => {
      const [figures, demo] = await Promise.all([compute(db, input, versions), demoRecords(db, filter(input))]);
      return { ...figures, demo };
    });

type Filter = TDashboardFilter | undefined;
const plain = (input: Filter) => filterInputOf(input ?? {});

/** Every dashboard procedure's figures, through the cache (the reports compute their own). */
export const dashboardFigures = {
  summary: cachedWithDemo("summary", (db, input: Filter, v) => dashboardSummary(db, input ?? {}, v), plain),
  yearly: cachedWithDemo("yearly", (db, input: Filter) => dashboardYearly(db, input ?? {}), plain),
  areas: cachedWithDemo("areas", dashboardAreas, filterInputOf),
  cameras: cachedWithDemo("cameras", (db, input: Filter) => dashboardCameras(db, input ?? {}), plain),
  modelType: cachedWithDemo("modelType", dashboardModelType, ({ code, page: _p, pageSize: _s, ...rest }) => ({
    ...filterInputOf(rest),
    modelTypeCode: code,
  })),
  communities: cachedWithDemo("communities", (db, input: Filter) => dashboardCommunities(db, input ?? {}), plain),
  awards: cachedWithDemo("awards", (db, input: Filter) => dashboardAwards(db, input ?? {}), plain),
  options: cached("options", (db, _input: undefined) => dashboardOptions(db)),
  /** The approval status of the data the filter shows (decision 025), for every screen and slide. */
  approval: cached("approval", async (db, input: Filter) => approvalSummary(db, await resolveFilter(db, plain(input)))),
  /** Every commune-level area of the filter's districts (the whole province when none): the maps. */
  communeAreas: cachedWithDemo(
    "communeAreas",
    async (db, input: Filter) => ({ districts: await areasOf(db, await resolveFilter(db, plain(input))) }),
    plain,
  ),
};

/**
 * At start-up: what the overview asks first without a filter, so the first leader to open the app
 * is answered from the cache (and the code paths are compiled by then).
 */
export async function warmDashboardCache(db: Db): Promise<void> {
  await Promise.all([
    dashboardFigures.summary(db, {}),
    dashboardFigures.yearly(db, {}),
    dashboardFigures.options(db, undefined),
  ]);
}
