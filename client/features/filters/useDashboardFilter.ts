import { MODEL_CATEGORIES, type ModelCategory } from "@qt/shared/domain";
import type { TDashboardFilter } from "@qt/shared/schemas/dashboard";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";

/** The URL search parameters that carry the filter, so a link reproduces the view. */
export const FILTER_PARAMS = {
  fromYear: "from",
  toYear: "to",
  districtCode: "district",
  modelCategory: "category",
  modelTypeCode: "type",
} as const;
export type FilterField = keyof typeof FILTER_PARAMS;

const year = (v: string | null) => (v && /^\d{4}$/.test(v) ? Number(v) : undefined);

export function filterFromParams(params: URLSearchParams): TDashboardFilter {
  const category = params.get(FILTER_PARAMS.modelCategory);
  return {
    fromYear: year(params.get(FILTER_PARAMS.fromYear)),
    toYear: year(params.get(FILTER_PARAMS.toYear)),
    districtCode: params.get(FILTER_PARAMS.districtCode) || undefined,
    modelCategory: MODEL_CATEGORIES.includes(category as ModelCategory) ? (category as ModelCategory) : undefined,
    modelTypeCode: params.get(FILTER_PARAMS.modelTypeCode) || undefined,
  };
}

/** Only the fields a screen uses, without undefined keys (they would change the query key). */
export function pick(filter: TDashboardFilter, fields: readonly FilterField[]): TDashboardFilter {
  const out: Record<string, unknown> = {};
  for (const f of fields) if (filter[f] !== undefined) out[f] = filter[f];
  return out as TDashboardFilter;
}

/** The filter in the URL, and a setter that keeps the other parameters (e.g. page). */
export function useDashboardFilter() {
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(params), [params]);
  const setFilter = useCallback(
    (patch: Partial<TDashboardFilter>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [field, value] of Object.entries(patch) as [FilterField, unknown][]) {
            if (value === undefined || value === "") next.delete(FILTER_PARAMS[field]);
            else next.set(FILTER_PARAMS[field], String(value));
          }
          next.delete("page");
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return { filter, setFilter, search: params.toString() };
}
