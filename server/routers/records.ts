import { ZByIdInput, ZRemoveInput } from "@qt/shared/schemas/common";
import type { z } from "zod";
import type { SessionUser } from "../context.ts";
import type { Db } from "../db.ts";
import type { RemoveInput } from "../services/records/lifecycle.ts";
import { adminProcedure, editorProcedure, router, viewerProcedure } from "../trpc.ts";

/** The shared schemas of a record kind's procedures (shared/src/schemas/{sites,cameras,awards}.ts). */
export type RecordSchemas = {
  item: z.ZodType;
  page: z.ZodType;
  saved: z.ZodType;
  list: z.ZodType;
  create: z.ZodType;
  update: z.ZodType;
};

/** A kind's service functions (records/lifecycle.ts recordService), each answering its schema's shape. */
export type RecordProcedures<S extends RecordSchemas> = {
  list: (db: Db, input: z.output<S["list"]>, user: SessionUser) => Promise<z.input<S["page"]>>;
  get: (db: Db, id: number, user: SessionUser) => Promise<z.input<S["item"]>>;
  create: (db: Db, input: z.output<S["create"]>, user: SessionUser) => Promise<z.input<S["saved"]>>;
  update: (db: Db, input: z.output<S["update"]>, user: SessionUser) => Promise<z.input<S["saved"]>>;
  remove: (db: Db, input: RemoveInput, user: SessionUser) => Promise<z.input<S["item"]>>;
  restore: (db: Db, id: number, user: SessionUser) => Promise<z.input<S["item"]>>;
};

/**
 * The router of one record kind, built from its module (records/kinds/): the same six procedures
 * for every kind, and who may call each, declared once. Read by anyone signed in; written by
 * editors and admins (scope is the lifecycle's); restored by admins.
 */
export function recordRouter<S extends RecordSchemas>(kind: { schemas: S; service: RecordProcedures<S> }) {
  const { schemas: s, service } = kind;
  // tRPC types a resolver by the parsers' inferred types, which TypeScript cannot relate to
  // z.input / z.output of a generic schema; RecordProcedures<S> checks the service against the
  // schemas where the builder is called, so the resolvers here pass values through unchanged.
  const run =
    <A>(f: (db: Db, a: A, user: SessionUser) => Promise<unknown>) =>
    ({ ctx, input }: { ctx: { db: Db; user: SessionUser }; input: unknown }) =>
      f(ctx.db, input as A, ctx.user) as never;
  const byId =
    (f: (db: Db, id: number, user: SessionUser) => Promise<unknown>) =>
    ({ ctx, input }: { ctx: { db: Db; user: SessionUser }; input: { id: number } }) =>
      f(ctx.db, input.id, ctx.user) as never;
  // Who may call each procedure, its input and output schemas: the lines below are a table.
  const io = <I extends z.ZodType, O extends z.ZodType>(p: typeof viewerProcedure, input: I, output: O) =>
    p.input(input).output(output);
  return router({
    list: io(viewerProcedure, s.list as S["list"], s.page as S["page"]).query(run(service.list)),
    get: io(viewerProcedure, ZByIdInput, s.item as S["item"]).query(byId(service.get)),
    create: io(editorProcedure, s.create as S["create"], s.saved as S["saved"]).mutation(run(service.create)),
    update: io(editorProcedure, s.update as S["update"], s.saved as S["saved"]).mutation(run(service.update)),
    remove: io(editorProcedure, ZRemoveInput, s.item as S["item"]).mutation(run(service.remove)),
    restore: io(adminProcedure, ZByIdInput, s.item as S["item"]).mutation(byId(service.restore)),
  });
}
