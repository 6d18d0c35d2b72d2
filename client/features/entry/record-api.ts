import type { Locale } from "@qt/shared/format";
import type { MessageKey } from "@qt/shared/messages/index";
import { choices, type VocabularyKind } from "@qt/shared/vocabulary";
import { useTRPC, useTRPCClient } from "../../trpc.ts";
import type { ExtraFilter } from "./ListFilters.tsx";

/** A kind's tRPC proxy and client, as a list screen takes them (`procs`, `client`). */
export function useRecordApi<K extends "sites" | "cameras" | "awards">(kind: K) {
  const procs = useTRPC()[kind];
  const client = useTRPCClient()[kind];
  return { procs, client };
}

/** A list filter choosing one of a vocabulary's values (a site's status, an award's issuer, …). */
export const choiceFilter = (name: string, label: MessageKey, kind: VocabularyKind, locale: Locale): ExtraFilter => ({
  name,
  label,
  options: choices(kind, locale),
});
