import { type FilterField, pick } from "@qt/shared/first-screen";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { QueryView } from "../../components/QueryState.tsx";
import { demoRecords } from "../demo/DemoBadge.tsx";
import { FilterBar } from "../filters/FilterBar.tsx";
import { useDashboardFilter } from "../filters/useDashboardFilter.ts";
import { ScreenHeader } from "./ScreenHeader.tsx";

/**
 * A dashboard screen of one query: its heading with the scope of its filter fields, the filter bar
 * of those fields, then its figures as `children` draws them (or the query's loading or error state).
 */
export function DashboardScreen<D extends { demo: { records: number } }>({
  title,
  fields,
  q,
  children,
}: {
  title: string;
  fields: readonly FilterField[];
  q: UseQueryResult<D, { message: string }>;
  children: (data: D) => ReactNode;
}) {
  const { filter, setFilter } = useDashboardFilter();
  return (
    <main>
      <ScreenHeader title={title} scope={pick(filter, fields)} demo={demoRecords(q.data)} />
      <FilterBar filter={filter} onChange={setFilter} fields={fields} />
      <QueryView q={q}>{children}</QueryView>
    </main>
  );
}
