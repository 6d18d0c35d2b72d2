import type { Locale } from "@qt/shared/format";
import {
  isMessageKey,
  type KeyedMessage,
  keyOf,
  type MessageKey,
  type MessageParams,
  message,
} from "@qt/shared/messages/index";
import { initTRPC, type TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import type { Context } from "./context.ts";
import { appError, isUniqueViolation, KeyedCause } from "./errors.ts";
import { logFailure } from "./logger.ts";

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

/** A zod issue's message: the key a server check put in its params, or the schema's text looked up. */
function issueMessage(issue: ZodError["issues"][number]): KeyedMessage | null {
  const given = issue.code === "custom" ? issue.params : undefined;
  if (given && isMessageKey(given.key)) return { key: given.key, params: given.params ?? {} };
  return keyOf(issue.message);
}

/**
 * What a failed call says, in the caller's language: a zod error by its first issue (every issue
 * goes to its field), a keyed error by its key, an unexpected one as a system error; any other
 * text is looked up in the catalogue and otherwise sent as it is.
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
    error.cause instanceof KeyedCause
      ? { key: error.cause.key, params: error.cause.params }
      : error.code === "INTERNAL_SERVER_ERROR"
        ? { key: "system.error", params: {} }
        : keyOf(text);
  return { message: say(k, text), ...k };
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Logs unexpected errors on the server; the client only sees the code and a Vietnamese message. */
const logErrors = t.middleware(async ({ ctx, next, path, type }) => {
  const result = await next();
  // A unique index that refused a save racing another (a service that checked first and lost the
  // race) is a conflict the user can act on, not a system error: a net under the services' own
  // checks, which give the more precise message.
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR" && isUniqueViolation(result.error.cause)) {
    return { ...result, error: appError("CONFLICT", "system.concurrentSave") };
  }
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR") {
    logFailure(ctx.log, result.error, { path, type }, "procedure failed");
  }
  return result;
});

/** Login and health only. */
export const publicProcedure = t.procedure.use(logErrors);

/**
 * Anyone signed in, even with a password someone else chose: only what the first sign-in needs
 * (auth.me, auth.logout, auth.changePassword).
 */
export const sessionProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw appError("UNAUTHORIZED", "auth.loginRequired");
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** Signed in with a password of one's own: a new account or a reset one changes it first. */
const authed = sessionProcedure.use(({ ctx, next }) => {
  if (ctx.user.mustChangePassword) throw appError("FORBIDDEN", "auth.mustChangePassword");
  return next();
});

/** Anyone logged in: leaders (viewer, approver), editors and admins. Reads province-wide figures. */
export const viewerProcedure = authed;

/**
 * Editors and admins. District scope is checked in the services, against the record's area.
 * Approvers read everything but write no record: who checks the figures does not change them.
 */
export const editorProcedure = authed.use(({ ctx, next }) => {
  if (ctx.user.role === "viewer") throw appError("FORBIDDEN", "role.viewerReadOnly");
  if (ctx.user.role === "approver") throw appError("FORBIDDEN", "role.approverReadOnly");
  return next();
});

/** Approvers and admins: approve or return a submitted unit-year (decision 025). */
export const approverProcedure = authed.use(({ ctx, next }) => {
  if (ctx.user.role !== "approver" && ctx.user.role !== "admin") {
    throw appError("FORBIDDEN", "role.approverOnly");
  }
  return next();
});

/** Provincial administrators: accounts, reference data, restore, audit. */
export const adminProcedure = authed.use(({ ctx, next }) => {
  if (ctx.user.role !== "admin") {
    throw appError("FORBIDDEN", "role.adminOnly");
  }
  return next();
});

/**
 * Admins and province-wide editors (no district or commune scope): work that speaks for the whole
 * province's office, such as the written parts of its reports (decision 019).
 */
export const provinceEditorProcedure = editorProcedure.use(({ ctx, next }) => {
  if (ctx.user.role === "editor" && (ctx.user.districtId !== null || ctx.user.communeId !== null)) {
    throw appError("FORBIDDEN", "draft.provinceOnly");
  }
  return next();
});
