import { useCallback } from "react";
import { useSearchParams } from "../router.tsx";

export type UrlPatch = Record<string, string | number | undefined>;

/**
 * A screen's state kept in the URL (filters, page, sort, search), so a view can be bookmarked,
 * shared and restored with the back button. The one hook for the dashboard filters and the record
 * lists: a change of anything but the page goes back to the first page.
 */
export function useUrlState() {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (patch: UrlPatch, opts: { keepPage?: boolean; replace?: boolean } = {}) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v === undefined || v === "") next.delete(k);
            else next.set(k, String(v));
          }
          if (!opts.keepPage && !("page" in patch)) next.delete("page");
          return next;
        },
        { replace: opts.replace ?? false },
      ),
    [setParams],
  );
  return { params, update };
}
