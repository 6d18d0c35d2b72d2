import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import type { Context } from "./context.ts";
import { logFailure } from "./logger.ts";

/**
 * The only place procedures are built. Every procedure of the app uses one of the builders exported
 * here, so that who may call it is declared where it is defined (docs/decisions/004).
 */
const t = initTRPC.context<Context>().create({
  // Plain JSON, no transformer: other provincial systems call this API (dates are ISO strings).
  isDev: false,
  errorFormatter({ shape, error }) {
    const zod = error.cause instanceof ZodError ? error.cause : null;
    const message =
      zod?.issues[0]?.message ??
      (error.code === "INTERNAL_SERVER_ERROR" ? "Lỗi hệ thống, vui lòng thử lại sau." : shape.message);
    return {
      message,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        // Field-level messages for forms: { "fromYear": ["…"] }.
        fieldErrors: zod ? fieldErrors(zod) : undefined,
      },
    };
  },
});

function fieldErrors(err: ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of err.issues) {
    const key = issue.path.join(".") || "_";
    out[key] ??= [];
    out[key].push(issue.message);
  }
  return out;
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Logs unexpected errors on the server; the client only sees the code and a Vietnamese message. */
const logErrors = t.middleware(async ({ ctx, next, path, type }) => {
  const result = await next();
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR") {
    logFailure(ctx.log, result.error, { path, type }, "procedure failed");
  }
  return result;
});

/** Login and health only. */
export const publicProcedure = t.procedure.use(logErrors);

const authed = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Vui lòng đăng nhập." });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** Anyone logged in: leaders (viewer), editors and admins. Reads province-wide figures. */
export const viewerProcedure = authed;

/** Editors and admins. District scope is checked in the services, against the record's area. */
export const editorProcedure = authed.use(({ ctx, next }) => {
  if (ctx.user.role === "viewer") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Tài khoản của bạn chỉ được xem, không được sửa dữ liệu." });
  }
  return next();
});

/** Provincial administrators: accounts, reference data, restore, audit. */
export const adminProcedure = authed.use(({ ctx, next }) => {
  if (ctx.user.role !== "admin") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Chức năng này chỉ dành cho quản trị viên." });
  }
  return next();
});

/**
 * Admins and province-wide editors (no district or commune scope): work that speaks for the whole province's
 * office, such as the written parts of its reports (decision 019).
 */
export const provinceEditorProcedure = editorProcedure.use(({ ctx, next }) => {
  if (ctx.user.role === "editor" && (ctx.user.districtId !== null || ctx.user.communeId !== null)) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "Chỉ quản trị viên và cán bộ cấp tỉnh được soạn, sửa bản nháp báo cáo.",
    });
  }
  return next();
});
