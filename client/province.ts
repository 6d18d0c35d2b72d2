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
  const province = useProvince();
  const code = useMeQuery().data?.provinceCode;
  if (!province?.national || !code) return null;
  return province.provinces?.find((p) => p.code === code) ?? null;
}
