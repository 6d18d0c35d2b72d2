import { type InstalledProvince, type NationalProvince, PROVINCE_ELEMENT_ID } from "@qt/shared/province";
import { useQuery } from "@tanstack/react-query";
import { useMeQuery } from "./features/auth/current-user.tsx";
import { useTRPC } from "./trpc.ts";

let injected: { text: string; province: InstalledProvince | null } | null = null;

/**
 * The province the server put in the page (server/http/shell.ts), if it did (decision 044). The
 * element is looked up on each call (an element added later is seen) and parsed once per text.
 */
export function injectedProvince(doc: Document = document): InstalledProvince | null {
  const text = doc.getElementById(PROVINCE_ELEMENT_ID)?.textContent;
  if (!text) return null;
  if (injected?.text !== text) {
    let province: InstalledProvince | null = null;
    try {
      province = JSON.parse(text) as InstalledProvince;
    } catch {
      province = null;
    }
    injected = { text, province };
  }
  return injected.province;
}

/**
 * The installed province: from the page, else asked once a user is signed in (the development
 * server's page carries none). Null until known.
 */
export function useProvince(): InstalledProvince | null {
  const trpc = useTRPC();
  const fromPage = injectedProvince();
  const me = useMeQuery();
  const asked = useQuery({
    ...trpc.units.province.queryOptions(),
    enabled: !fromPage && me.isSuccess,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  return fromPage ?? asked.data ?? null;
}

/**
 * On a national install, the province of today a provincial account is scoped to (decision 051):
 * its screens start there and offer no other (the server forces it too, decision 059). Null for a
 * national account or on a province's own install.
 */
export function useOwnProvince(): NationalProvince | null {
  return useOwnProvinceState().own;
}

/**
 * The account's own province (decision 051) and its code, with whether it is still being learnt
 * (the install not known yet): until then a provincial account's screens name no place, never the
 * whole country's "Toàn quốc" for a moment. `code`: the account's province code (null: national).
 */
export function useOwnProvinceState(): { own: NationalProvince | null; code: string | null; pending: boolean } {
  const province = useProvince();
  const me = useMeQuery();
  const code = me.data?.provinceCode ?? null;
  const own = province?.national && code ? (province.provinces?.find((p) => p.code === code) ?? null) : null;
  return { own, code, pending: me.isPending || (code !== null && province === null) };
}
