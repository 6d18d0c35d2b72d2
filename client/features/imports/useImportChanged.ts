import type { ImportKind } from "@qt/shared/schemas/imports";
import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../trpc.ts";

/**
 * After a commit or an undo: the import history, the kind's record lists and the dashboard's
 * figures load again (invalidated by path, CONVENTIONS 13).
 */
export function useImportChanged() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (kind: ImportKind) =>
    Promise.all([
      queryClient.invalidateQueries(trpc.imports.pathFilter()),
      queryClient.invalidateQueries(trpc[kind].pathFilter()),
      queryClient.invalidateQueries(trpc.dashboard.pathFilter()),
    ]);
}
