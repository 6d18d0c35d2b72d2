import type { TRecordLock, TRemoveInput, TWarning } from "@qt/shared/schemas/common";
import type {
  DecorateMutationProcedure,
  DecorateQueryProcedure,
  DecorateRouterKeyable,
  DefaultFeatureFlags,
} from "@trpc/tanstack-react-query";
import type { AppRouter } from "../../../server/routers/_app.ts";

/** One procedure's types as the tRPC proxy carries them (input, output, this router's error shape). */
type Def<TInput, TOutput> = {
  input: TInput;
  output: TOutput;
  transformer: false;
  errorShape: AppRouter["_def"]["_config"]["$types"]["errorShape"];
  featureFlags: DefaultFeatureFlags;
};

/** What every record kind returns: the version for optimistic locking and the soft-delete state. */
export type RecordRow = { id: number; version: number; deletedAt: string | null };

export type Saved = { warnings: TWarning[]; unchanged: boolean };

/**
 * The procedures of a record kind as the screens use them: `trpc.sites`, `trpc.cameras` and
 * `trpc.awards` all fit, and a screen given one of them infers the kind's record, list input and
 * create/update inputs from the router, so nothing is cast on the way.
 */
export type RecordProcs<
  Row extends RecordRow,
  ListIn,
  CreateIn,
  UpdateIn,
> = DecorateRouterKeyable<DefaultFeatureFlags> & {
  /** Each listed record with its lock (decision 025): the server's rule, not the client's guess. */
  list: DecorateQueryProcedure<Def<ListIn, { items: (Row & { lock: TRecordLock | null })[]; total: number }>>;
  get: DecorateQueryProcedure<Def<{ id: number }, Row>>;
  create: DecorateMutationProcedure<Def<CreateIn, Row & Saved>>;
  update: DecorateMutationProcedure<Def<UpdateIn, Row & Saved>>;
  remove: DecorateMutationProcedure<Def<TRemoveInput, Row>>;
  restore: DecorateMutationProcedure<Def<{ id: number }, Row>>;
};

/**
 * A record kind's `get` through the plain tRPC client (`useTRPCClient().sites`): it reads the
 * record being edited with the router's type (the query proxy's generic output type stays
 * unresolved inside a screen written for every kind), under the query key of `RecordProcs.get`.
 */
export type RecordClient<Row> = { get: { query: (input: { id: number }) => Promise<Row> } };
