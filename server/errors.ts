import { type KeyedMessage, type MessageKey, type MessageParams, message } from "@qt/shared/messages/index";
import { TRPCError } from "@trpc/server";
import { Prisma } from "./generated/prisma/client.ts";

type Code = TRPCError["code"];

/**
 * What an error says, as a catalogue key and parameters: the errorFormatter (server/trpc.ts) sends
 * them to the client and writes the message in the caller's language.
 */
export class KeyedCause extends Error implements KeyedMessage {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(message(key, params));
  }
}

/**
 * A refusal with a catalogue message: its `message` stays Vietnamese (callers and tests without
 * a language read it), the key and parameters travel in the error's cause.
 */
export function appError(code: Code, key: MessageKey, params: MessageParams = {}): TRPCError {
  return new TRPCError({ code, message: message(key, params), cause: new KeyedCause(key, params) });
}

/**
 * The unique index refused a row (two saves of one name at once). Outside a transaction Prisma
 * maps it to P2002; inside an interactive transaction the driver adapter's error reaches us
 * unmapped (PGlite and pg: a DriverAdapterError whose cause is PostgreSQL's 23505).
 */
export function isUniqueViolation(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError) return err.code === "P2002";
  const cause = (err as { cause?: { code?: string; kind?: string } } | null)?.cause;
  return cause?.code === "23505" || cause?.kind === "UniqueConstraintViolation";
}
