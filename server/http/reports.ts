import type { Locale } from "@qt/shared/format";
import { message, translate } from "@qt/shared/messages/index";
import {
  REPORT_FORMATS,
  REPORT_TABLES,
  type ReportFormat,
  type ReportTable,
  reportOptionsFromQuery,
  ZReportOptions,
} from "@qt/shared/schemas/reports";
import { TRPCError } from "@trpc/server";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ContextDb } from "../context.ts";
import { logger } from "../logger.ts";
import { contentDisposition, exportCsv, exportReport, type ReportFile } from "../services/reports/export.ts";
import { guard, guarded, localeOfRequest } from "./guard.ts";

type Target = { kind: "summary"; format: ReportFormat } | { kind: "table"; table: ReportTable };

/** "summary.docx" → the Word report; "sites.csv" → the site list; anything else is not a report. */
function target(file: string): Target | null {
  const [name, ext] = file.split(".");
  if (name === "summary" && (REPORT_FORMATS as readonly string[]).includes(ext ?? "")) {
    return { kind: "summary", format: ext as ReportFormat };
  }
  if (ext === "csv" && (REPORT_TABLES as readonly string[]).includes(name ?? "")) {
    return { kind: "table", table: name as ReportTable };
  }
  return null;
}

/**
 * A refusal in the user's language: the header the app's calls carry, or `lang` in the link (a
 * download is a plain link, which cannot send a header). Messages are the catalogue's.
 */
const fail = (reply: FastifyReply, locale: Locale, status: number, code: string, text: string) =>
  reply.code(status).send({ error: { code, message: translate(text, locale) } });

/**
 * Report downloads: GET /api/reports/summary.{docx,xlsx,pdf} and /api/reports/{table}.csv, with the
 * dashboard's filter parameters plus the report options, for any signed-in user.
 */
export async function reportRoutes(app: FastifyInstance, opts: ContextDb) {
  app.get<{ Params: { file: string }; Querystring: Record<string, string | string[]> }>(
    "/api/reports/:file",
    { onRequest: guard(opts, "viewer", { unauthorized: "report.loginRequired" }) },
    async (req, reply) => {
      const { lang: _lang, ...query } = req.query;
      const locale = localeOfRequest(req);
      const ctx = guarded(req);
      const what = target(req.params.file);
      if (!what) return fail(reply, locale, 404, "NOT_FOUND", message("report.noSuchReport"));
      const parsed = ZReportOptions.safeParse(reportOptionsFromQuery(query));
      if (!parsed.success) {
        const text = parsed.error.issues[0]?.message ?? message("report.badParams");
        return fail(reply, locale, 400, "BAD_REQUEST", text);
      }
      let file: ReportFile;
      try {
        file =
          what.kind === "summary"
            ? await exportReport(ctx.db, { user: ctx.user, via: "http" }, parsed.data, what.format)
            : await exportCsv(ctx.db, { user: ctx.user, via: "http" }, parsed.data, what.table);
      } catch (err) {
        // An unknown district code is a bad parameter of this URL, not a missing page.
        if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) {
          return fail(reply, locale, 400, "BAD_REQUEST", err.message);
        }
        // The draft changed since the preview: the file would not be what the user checked.
        if (err instanceof TRPCError && err.code === "CONFLICT")
          return fail(reply, locale, 409, "CONFLICT", err.message);
        throw err;
      }
      if (!Buffer.isBuffer(file.body)) {
        // A failure after the headers went out can only cut the download short; log it.
        file.body.on("error", (err) => logger.error({ err, file: req.params.file }, "report stream failed"));
      }
      return reply
        .header("Content-Type", file.contentType)
        .header("Content-Disposition", contentDisposition(file.filename))
        .header("Cache-Control", "no-store")
        .send(file.body);
    },
  );
}
