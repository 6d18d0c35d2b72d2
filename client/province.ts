import { type InstalledProvince, PROVINCE_ELEMENT_ID } from "@qt/shared/province";
import { useQuery } from "@tanstack/react-query";
import { useMeQuery } from "./features/auth/current-user.tsx";
import { useTRPC } from "./trpc.ts";

let injected: InstalledProvince | null | undefined;

/** The province the server put in the page (server/http/shell.ts), if it did (decision 044). */
export function injectedProvince(doc: Document = document): InstalledProvince | null {
  if (injected !== undefined) return injected;
  const text = doc.getElementById(PROVINCE_ELEMENT_ID)?.textContent;
  try {
    injected = text ? (JSON.parse(text) as InstalledProvince) : null;
  } catch {
    injected = null;
  }
  return injected;
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
