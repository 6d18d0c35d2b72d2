import { FILTER_PARAMS, type FilterField, filterFromParams } from "@qt/shared/first-screen";
import type { TDashboardFilter } from "@qt/shared/schemas/dashboard";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";

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
