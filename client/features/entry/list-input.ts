import type { Unparsed } from "./spec.ts";

/** The list parameters every record kind takes from the URL; each kind adds its own filters. */
const BASE_KEYS = [
  "page",
  "pageSize",
  "search",
  "sort",
  "dir",
  "districtCode",
  "areaCode",
  "communeCode",
  "fromYear",
  "toYear",
  "demo",
  "includeDeleted",
  // The records one spreadsheet import created (the import history links here).
  "importBatchId",
];
const NUMERIC = new Set(["page", "pageSize", "fromYear", "toYear", "modelTypeId", "importBatchId"]);

/**
 * The list procedure's input as the URL spells it (numbers as numbers, empty values left out),
 * for the kind's shared list schema to check and type.
 */
export function listInput(params: URLSearchParams, filters: readonly string[]): Unparsed {
  const out: Unparsed = {};
  for (const key of [...BASE_KEYS, ...filters]) {
    const v = params.get(key);
    if (!v) continue;
    out[key] = key === "includeDeleted" ? v === "1" : NUMERIC.has(key) ? Number(v) : v;
  }
  return out;
}
