import type { Locale } from "@qt/shared/format";
import {
  type KeyedMessage,
  type MessageKey,
  type MessageParams,
  message,
  messageOf,
  readKeyed,
} from "@qt/shared/messages/index";
import { BAD_CHARACTER, uncleanPath } from "@qt/shared/schemas/common";
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import { type Access, refusalOf } from "./access.ts";
import type { Context, SessionUser } from "./context.ts";
import { AppError, appError, type ErrorKind, isUniqueViolation } from "./errors.ts";
import { logFailure } from "./logger.ts";
import { filterWithinReach } from "./services/accounts/province-scope.ts";

/**
 * The only place procedures are built. Every procedure of the app uses one of the builders exported
 * here, so that who may call it is declared where it is defined (docs/decisions/004).
 */
const t = initTRPC.context<Context>().create({
  // Plain JSON, no transformer: other provincial systems call this API (dates are ISO strings).
  isDev: false,
  errorFormatter({ shape, error, ctx }) {
    const said = spokenError(error, shape.message, ctx?.locale ?? "vi");
    return {
      message: said.message,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        // The message as a catalogue key and parameters, for a client that renders it itself
        // (docs/decisions/020); absent for a text the catalogue does not know.
        messageKey: said.key,
        params: said.params,
        // Field-level messages for forms, in the caller's language: { "fromYear": ["…"] }.
        fieldErrors: said.fields,
      },
    };
  },
});

type Said = { message: string; key?: MessageKey; params?: MessageParams; fields?: Record<string, string[]> };

/** A zod issue's message: a schema's or a server check's issue is `keyed` (a catalogue key and its parameters). */
export const issueMessage = (issue: ZodError["issues"][number]): KeyedMessage | null => readKeyed(issue.message);

/**
 * What a failed call says, in the caller's language: a zod error by its first issue (every issue
 * goes to its field; each message is a catalogue key with its parameters, `keyed`), a keyed error
 * by its key, an unexpected one as a system error; any other text is sent as it is.
 */
function spokenError(error: TRPCError, text: string, locale: Locale): Said {
  const say = (k: KeyedMessage | null, fallback: string) => (k ? message(k.key, k.params, locale) : fallback);
  if (error.cause instanceof ZodError) {
    const fields: Record<string, string[]> = {};
    for (const issue of error.cause.issues) {
      const field = issue.path.join(".") || "_";
      fields[field] ??= [];
      fields[field].push(say(issueMessage(issue), issue.message));
    }
    const first = error.cause.issues[0];
    const k = first ? issueMessage(first) : null;
    return { message: first ? say(k, first.message) : text, ...k, fields };
  }
  const k: KeyedMessage | null =
    error.cause instanceof AppError
      ? { key: error.cause.key, params: error.cause.params }
      : error.code === "INTERNAL_SERVER_ERROR"
        ? { key: "system.error", params: {} }
        : readKeyed(text);
  return { message: say(k, text), ...k };
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** The tRPC code of each kind of domain error: the one place a kind becomes a tRPC answer. */
const TRPC_CODE: Record<ErrorKind, TRPCError["code"]> = {
  invalid: "BAD_REQUEST",
  unauthenticated: "UNAUTHORIZED",
  forbidden: "FORBIDDEN",
  "not-found": "NOT_FOUND",
  conflict: "CONFLICT",
  "too-large": "PAYLOAD_TOO_LARGE",
  throttled: "TOO_MANY_REQUESTS",
  unavailable: "SERVICE_UNAVAILABLE",
};
export const trpcCodeOf = (kind: ErrorKind): TRPCError["code"] => TRPC_CODE[kind];

/**
 * A domain error as tRPC sends it: its code by kind, its Vietnamese message, and as cause the
 * AppError (the errorFormatter reads its key) or, for a field error, its ZodError (the fields).
 */
export function toTRPCError(err: AppError): TRPCError {
  const zod = err.cause instanceof ZodError ? err.cause : null;
  const first = zod?.issues[0]?.message;
  const text = first ? messageOf(first) : err.message;
  return new TRPCError({ code: trpcCodeOf(err.kind), message: text, cause: zod ?? err });
}

/**
 * The edge of every procedure: a domain error (AppError) becomes its tRPC error; anything else
 * unexpected is logged on the server, the client only sees the code and a Vietnamese message.
 */
const logErrors = t.middleware(async ({ ctx, next, path, type }) => {
  const result = await next();
  if (result.ok) return result;
  if (result.error.cause instanceof AppError) return { ...result, error: toTRPCError(result.error.cause) };
  // A unique index that refused a save racing another (a service that checked first and lost the
  // race) is a conflict the user can act on, not a system error: a net under the services' own
  // checks, which give the more precise message.
  if (result.error.code === "INTERNAL_SERVER_ERROR" && isUniqueViolation(result.error.cause)) {
    return { ...result, error: toTRPCError(appError("conflict", "system.concurrentSave")) };
  }
  if (result.error.code === "INTERNAL_SERVER_ERROR") {
    logFailure(ctx.log, result.error, { path, type }, "procedure failed");
  }
  return result;
});

/**
 * The clean-text rule (shared/src/schemas/common.ts) over the whole raw input, before any schema:
 * every string a procedure takes is checked, including those of a field added later without it.
 */
const cleanInput = t.middleware(async ({ getRawInput, next }) => {
  // A body that is not JSON is refused by the input parser of a procedure that takes input; one
  // that takes none never reads it.
  const raw = await getRawInput().catch(() => undefined);
  const at = uncleanPath(raw);
  if (!at) return next();
  // Parse-made, so that it is an Error tRPC keeps as the cause (see services/records/errors.ts).
  const cause = z
    .any()
    .superRefine((_, ctx) => ctx.addIssue({ code: "custom", path: at, message: BAD_CHARACTER }))
    .safeParse(null).error;
  throw new TRPCError({ code: "BAD_REQUEST", message: messageOf(BAD_CHARACTER), cause });
});

/** Login and health only. */
export const publicProcedure = t.procedure.use(logErrors).use(cleanInput);

/**
 * Anyone signed in, even with a password someone else chose or a second factor still to enrol:
 * only what the first sign-in needs (auth.me, auth.logout, auth.changePassword, auth.totp.*,
 * one's own sessions).
 */
export const sessionProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw appError("unauthenticated", "auth.loginRequired");
  return next({ ctx: { ...ctx, user: ctx.user } });
});

const requires = (access: Access) =>
  publicProcedure.use(({ ctx, next }) => {
    const refused = refusalOf(ctx.user, access);
    if (refused) throw refused;
    return next({ ctx: { ...ctx, user: ctx.user as SessionUser } });
  });

/** Anyone logged in: leaders (viewer, approver), editors and admins. Reads province-wide figures. */
export const viewerProcedure = requires("viewer");

/** Editors and admins. District scope is checked in the services, against the record's area. */
export const editorProcedure = requires("editor");

/** Approvers and admins: approve or return a submitted unit-year (decision 025). */
export const approverProcedure = requires("approver");

/** Provincial administrators: accounts, reference data, restore, audit. */
export const adminProcedure = requires("admin");

/**
 * Admins and province-wide editors (no district or commune scope): work that speaks for the whole
 * province's office, such as the written parts of its reports (decision 019).
 */
export const provinceEditorProcedure = requires("province");

/**
 * Anyone logged in, reading figures under the dashboard's filter (dashboard, maps' measures,
 * reports): a provincial account's filter is forced to its province before the input is read
 * (`filterWithinReach`, decision 059), so every figure it gets is its province's.
 */
export const figuresProcedure = viewerProcedure.use(async ({ ctx, getRawInput, next }) => {
  const raw = await getRawInput();
  const scoped = filterWithinReach(ctx.user.reach, raw);
  return scoped === raw ? next() : next({ getRawInput: async () => scoped });
});
