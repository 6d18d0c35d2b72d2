import "@qt/shared/messages/all";
import { type KeyedMessage, type MessageKey, type MessageParams, message } from "@qt/shared/messages/index";
import { Prisma } from "./generated/prisma/client.ts";

// The server speaks both languages, every word, from the start (messages/all.ts; the client loads
// English when it is chosen and the words of the screens beyond the first with them).

/**
 * What went wrong, as the domain sees it: nothing of HTTP or tRPC. The edge maps a kind once: to a
 * tRPC code (`trpcCodeOf`, server/trpc.ts) and to an HTTP status (`httpStatusOf`, server/http/errors.ts).
 */
export const ERROR_KINDS = [
  "invalid",
  "unauthenticated",
  "forbidden",
  "not-found",
  "conflict",
  "too-large",
  "throttled",
  "unavailable",
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/**
 * The one error type of the domain (docs/decisions/036): a kind, a catalogue key and its
 * parameters. Its `message` stays Vietnamese (logs and callers without a language read it); the
 * edge says it in the caller's language. A field error (services/records/errors.ts) carries its
 * ZodError as the cause, whose issues go to the form's fields.
 */
export class AppError extends Error implements KeyedMessage {
  override readonly name = "AppError";
  constructor(
    readonly kind: ErrorKind,
    readonly key: MessageKey,
    readonly params: MessageParams = {},
    options?: { cause?: unknown },
  ) {
    super(message(key, params), options);
  }
}

/** A refusal with a catalogue message. */
export function appError(kind: ErrorKind, key: MessageKey, params: MessageParams = {}): AppError {
  return new AppError(kind, key, params);
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
