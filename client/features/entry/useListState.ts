import { useSearchParams } from "react-router";

const NUMERIC = new Set(["page", "pageSize", "fromYear", "toYear", "modelTypeId"]);

/**
 * The list's page, sort, search and filters live in the URL (?page=2&search=hai+lang), so a
 * filtered list can be bookmarked, shared and restored with the back button.
 */
export function useListState(keys: readonly string[]) {
  const [params, setParams] = useSearchParams();
  const state: Record<string, string> = {};
  for (const k of keys) state[k] = params.get(k) ?? "";
  /** The list procedure's input: numbers as numbers, empty values left out. */
  const input: Record<string, unknown> = {};
  for (const k of keys) {
    const v = state[k];
    if (!v || k === "edit") continue;
    if (k === "includeDeleted") input[k] = v === "1";
    else input[k] = NUMERIC.has(k) ? Number(v) : v;
  }
  const update = (patch: Record<string, string>, resetPage = true) =>
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        if (resetPage && !("page" in patch)) next.delete("page");
        return next;
      },
      { replace: false },
    );
  return { state, input, update };
}
