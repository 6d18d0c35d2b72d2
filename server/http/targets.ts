import fastifyMultipart from "@fastify/multipart";
import { message } from "@qt/shared/messages/index";
import type { FastifyInstance } from "fastify";
import type { ContextDb } from "../context.ts";
import { appError } from "../errors.ts";
import { IMPORT_LIMIT_BYTES, importTargets, targetTemplate } from "../services/targets/import.ts";
import { adminRoute, guarded, localeOfRequest } from "./guard.ts";
import { sendXlsx } from "./imports.ts";
import { readMultipart } from "./multipart.ts";

/**
 * Targets from the Excel template (decision 056): the template and the upload, for admins as
 * targets.set is. A file with any row in error is a 400 that lists every refused row in the user's
 * language, and nothing is written.
 */
export async function targetRoutes(app: FastifyInstance, opts: ContextDb) {
  await app.register(fastifyMultipart, {
    limits: { fileSize: IMPORT_LIMIT_BYTES, files: 1, fields: 2, fieldSize: 100, parts: 3 },
  });

  app.get("/api/targets/template.xlsx", adminRoute(opts), async (req, reply) => {
    const file = await targetTemplate(guarded(req).db);
    return sendXlsx(reply, file.filename, file.body);
  });

  app.post("/api/targets/import", adminRoute(opts), async (req, reply) => {
    const locale = localeOfRequest(req);
    const ctx = guarded(req);
    if (!req.isMultipart()) throw appError("invalid", "import.noFile");
    const { file } = await readMultipart(req, {
      tooLarge: { key: "import.tooLarge", params: { mb: IMPORT_LIMIT_BYTES / (1024 * 1024) } },
      malformed: { key: "import.noFile", params: {} },
    });
    if (!file || file.bytes.length === 0) throw appError("invalid", "import.noFile");
    const result = await importTargets(ctx.db, file.bytes, ctx.user, locale);
    if (result.ok) return reply.send({ ok: true, written: result.written });
    const params = { count: new Set(result.issues.map((i) => i.row)).size };
    return reply.code(400).send({
      ok: false,
      error: {
        code: "BAD_REQUEST",
        message: message("targetImport.rows", params, locale),
        messageKey: "targetImport.rows",
        params,
      },
      issues: result.issues,
    });
  });
}
