import { formatDate } from "@qt/shared/format";
import { policeName } from "@qt/shared/province";
import type { TExchangeSource } from "@qt/shared/schemas/exchange";
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";

type Source = { packageId: number; approvedAt: string | null };

/** A record row's source (decision 052): null for a record entered here. */
export const sourceOf = (row: object): Source | null => (row as { source?: Source | null }).source ?? null;

/** The packages in force, asked only when a row on screen was received (decision 052). */
export function useReceivedSources(rows: readonly object[]): TExchangeSource[] {
  const trpc = useTRPC();
  const any = rows.some((r) => sourceOf(r));
  const sources = useQuery({ ...trpc.exchange.sources.queryOptions({}), enabled: any, staleTime: 60_000 });
  return sources.data ?? [];
}

/**
 * "Nguồn: gói số liệu của Công an tỉnh Quảng Trị, duyệt ngày 15/01/2023": where a received record
 * came from and when its province approved it (decision 052). A package no longer in force is
 * named by its number.
 */
export function ReceivedSource({ source, sources }: { source: Source; sources: readonly TExchangeSource[] }) {
  const { t, locale } = useI18n();
  const from = sources.find((s) => s.packageId === source.packageId);
  const date = source.approvedAt ? formatDate(source.approvedAt.slice(0, 10), locale) : "";
  const text = from
    ? t("exchange.source", { police: policeName({ name: from.provinceName, type: from.provinceType }, locale), date })
    : t("exchange.sourcePackage", { id: source.packageId, date });
  return <p className="received-source">{text}</p>;
}
