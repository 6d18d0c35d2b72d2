import { FILTER_PARAMS, type FilterField, filterFromParams } from "@qt/shared/first-screen";
import type { TDashboardFilter } from "@qt/shared/schemas/dashboard";
import { useCallback, useMemo } from "react";
import { useUrlState } from "../../components/useUrlState.ts";

/** The dashboard filter in the URL, and a setter that keeps the other parameters (but not the page). */
export function useDashboardFilter() {
  const { params, update } = useUrlState();
  const filter = useMemo(() => filterFromParams(params), [params]);
  const setFilter = useCallback(
    (patch: Partial<TDashboardFilter>) => {
      const named = Object.fromEntries(
        (Object.entries(patch) as [FilterField, TDashboardFilter[FilterField]][]).map(([field, value]) => [
          FILTER_PARAMS[field],
          // A flag is "1" in the URL, absent when off.
          value === true ? 1 : value === false ? undefined : value,
        ]),
      );
      // Replace: moving a filter is not a step the back button should undo one by one.
      update(named, { replace: true });
    },
    [update],
  );
  return { filter, setFilter, search: params.toString() };
}
