import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ErrorState, Loading } from "../../components/QueryState.tsx";
import type { RecordClient, RecordProcs, RecordRow } from "./types.ts";

/**
 * The record being edited, read afresh from the server each time the form opens (a colleague may
 * have changed it since the list was loaded): the form starts from the version it will send.
 */
export function EditRecord<Row extends RecordRow>(props: {
  procs: Pick<RecordProcs<Row, unknown, unknown, unknown>, "get">;
  client: RecordClient<Row>;
  id: number;
  children: (record: Row) => ReactNode;
}) {
  const { id, client } = props;
  const current = useQuery({
    queryKey: props.procs.get.queryKey({ id }),
    queryFn: () => client.get.query({ id }),
    staleTime: 0,
    refetchOnMount: "always",
  });
  if (current.isError) return <ErrorState message={current.error.message} />;
  // Loading until the first answer after opening; a later background refetch keeps the form (and
  // what the user typed) mounted: a colleague's change then shows as a conflict on save.
  if (!current.isFetchedAfterMount || !current.data) return <Loading />;
  return props.children(current.data);
}
