import {
  isCsvSeparator,
  REPORT_FORMATS,
  REPORT_TABLES,
  type ReportFormat,
  type ReportTable,
  reportOptionsFromQuery,
  ZReportOptions,
} from "@qt/shared/schemas/reports";
import type { FastifyInstance } from "fastify";
import type { ContextDb } from "../context.ts";
import { AppError, appError } from "../errors.ts";
import { logger } from "../logger.ts";
import { filterWithinReach } from "../services/accounts/province-scope.ts";
import { contentDisposition, exportCsv, exportReport, type ReportFile } from "../services/reports/export.ts";
import { guarded, viewerRoute } from "./guard.ts";

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
 * Report downloads: GET /api/reports/summary.{docx,xlsx,pdf} and /api/reports/{table}.csv, with the
 * dashboard's filter parameters plus the report options, for any signed-in user. A refusal is
 * said in the user's language: the header the app's calls carry, or `lang` in the link (a
 * download is a plain link, which cannot send a header).
 */
export async function reportRoutes(app: FastifyInstance, opts: ContextDb) {
  app.get<{ Params: { file: string }; Querystring: Record<string, string | string[]> }>(
    "/api/reports/:file",
    viewerRoute(opts, { unauthorized: "report.loginRequired" }),
    async (req, reply) => {
      const { lang: _lang, sep, ...query } = req.query;
      const ctx = guarded(req);
      const what = target(req.params.file);
      if (!what) throw appError("not-found", "report.noSuchReport");
      // The CSV separator is a property of the file, not of the report: read apart from the options.
      if (sep !== undefined && !isCsvSeparator(sep)) throw appError("invalid", "report.badSeparator");
      const parsed = ZReportOptions.safeParse(filterWithinReach(ctx.user.reach, reportOptionsFromQuery(query)));
      if (!parsed.success) throw new AppError("invalid", "report.badParams", {}, { cause: parsed.error });
      const file: ReportFile =
        what.kind === "summary"
          ? await exportReport(ctx.db, { user: ctx.user, via: "http" }, parsed.data, what.format)
          : await exportCsv(ctx.db, { user: ctx.user, via: "http" }, parsed.data, what.table, sep);
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
