import { useQueryClient } from "@tanstack/react-query";
import { useTRPC, useTRPCClient } from "../../trpc.ts";
import type { Saved } from "./RecordForm.tsx";
import type { EntityName } from "./spec.ts";

type Rec = Record<string, unknown> & { id: number; version: number };

/**
 * The mutations of one record kind, each followed by invalidation by path of that list and of
 * the dashboard (CONVENTIONS 13), so the figures reflect the change on their next load.
 */
export function useEntityApi(entity: EntityName) {
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const procs = client[entity];
  const invalidate = async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc[entity].pathFilter()),
      queryClient.invalidateQueries(trpc.dashboard.pathFilter()),
    ]);
  };
  const after =
    <A, R>(fn: (a: A) => Promise<R>) =>
    async (a: A) => {
      const r = await fn(a);
      await invalidate();
      return r;
    };
  return {
    create: after((input: Record<string, unknown>) => procs.create.mutate(input as never) as Promise<Saved>),
    update: after((input: Record<string, unknown>) => procs.update.mutate(input as never) as Promise<Saved>),
    remove: after(
      (input: { id: number; version: number; reason: string }) => procs.remove.mutate(input) as Promise<unknown>,
    ),
    restore: after((id: number) => procs.restore.mutate({ id }) as Promise<unknown>),
    get: (id: number) => procs.get.query({ id }) as Promise<Rec>,
  };
}
