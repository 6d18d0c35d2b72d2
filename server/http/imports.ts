import fastifyMultipart from "@fastify/multipart";
import { IMPORT_KINDS, IMPORT_MAX_BYTES, type ImportKind } from "@qt/shared/schemas/imports";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ContextDb } from "../context.ts";
import { appError } from "../errors.ts";
import { errorsWorkbook } from "../services/imports/errors-file.ts";
import { createBatch } from "../services/imports/preview.ts";
import {
  batchKey,
  NO_TRACKER,
  PROGRESS_ID,
  progressOf,
  track,
  tracked,
  uploadKey,
} from "../services/imports/progress.ts";
import { templateWorkbook } from "../services/imports/template.ts";
import { contentDisposition } from "../services/reports/export.ts";
import { editorRoute, guarded, localeOfRequest, viewerRoute } from "./guard.ts";
import { readMultipart } from "./multipart.ts";

const MB = IMPORT_MAX_BYTES / (1024 * 1024);

/**
 * The import's plain HTTP routes (decision 024): the upload (multipart, behind the session and
 * the CSRF guard of http/app.ts), the errors file and the templates. Encapsulated, so the
 * multipart parser serves these routes only.
 */
export async function importRoutes(app: FastifyInstance, opts: ContextDb) {
  await app.register(fastifyMultipart, {
    limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 4, fieldSize: 1000, parts: 6 },
  });

  // Editors and admins (approvers check figures, they do not enter them), before the body is read.
  app.post("/api/imports", editorRoute(opts), async (req, reply) => {
    const locale = localeOfRequest(req);
    const ctx = guarded(req);
    if (!req.isMultipart()) throw appError("invalid", "import.noFile");
    const upload = await readMultipart(req, {
      tooLarge: { key: "import.tooLarge", params: { mb: MB } },
      malformed: { key: "import.noFile", params: {} },
    });
    const { file } = upload;
    const kind = upload.fields.get("kind");
    const progressId = upload.fields.get("progressId");
    if (!kind || !(IMPORT_KINDS as readonly string[]).includes(kind)) throw appError("invalid", "import.badKind");
    if (!file || file.bytes.length === 0) throw appError("invalid", "import.noFile");
    if (progressId !== undefined && !PROGRESS_ID.test(progressId)) throw appError("invalid", "import.badProgressId");
    const progress = progressId ? await track(ctx, uploadKey(progressId), ctx.meta.sessionToken) : NO_TRACKER;
    const user = ctx.user;
    const preview = await tracked(progress, () =>
      createBatch(ctx.db, { kind: kind as ImportKind, fileName: file.name, bytes: file.bytes }, user, locale, progress),
    );
    return reply.send(preview);
  });

  // The progress of an upload (`?upload=` the progressId the form sent) or of a commit (`?batch=`),
  // for the session that started it: from memory on the embedded database (a query would wait
  // behind the import it reports on), from the shared table on PostgreSQL (progress.ts).
  app.get<{ Querystring: { upload?: string; batch?: string; lang?: string } }>(
    "/api/imports/progress",
    editorRoute(opts),
    async (req, reply) => {
      const ctx = guarded(req);
      const token = ctx.meta.sessionToken;
      const { upload, batch } = req.query;
      const key =
        upload !== undefined && PROGRESS_ID.test(upload)
          ? uploadKey(upload)
          : batch !== undefined && /^\d{1,10}$/.test(batch)
            ? batchKey(Number(batch))
            : null;
      const found = key ? await progressOf(ctx, key, token) : null;
      if (!found) throw appError("not-found", "import.noProgress");
      return reply.header("cache-control", "no-store").send(found);
    },
  );

  app.get<{ Params: { batchId: string }; Querystring: { lang?: string } }>(
    "/api/imports/:batchId/errors.xlsx",
    editorRoute(opts),
    async (req, reply) => {
      const locale = localeOfRequest(req);
      const ctx = guarded(req);
      const id = Number(req.params.batchId);
      if (!Number.isInteger(id) || id <= 0 || id > 2 ** 31 - 1) throw appError("not-found", "import.batchNotFound");
      const file = await errorsWorkbook(ctx.db, id, ctx.user, locale);
      return sendXlsx(reply, file.filename, file.body);
    },
  );

  app.get<{ Querystring: { kind?: string; lang?: string } }>(
    "/api/imports/template.xlsx",
    viewerRoute(opts),
    async (req, reply) => {
      const ctx = guarded(req);
      const kind = req.query.kind;
      if (!kind || !(IMPORT_KINDS as readonly string[]).includes(kind)) throw appError("invalid", "import.badKind");
      const file = await templateWorkbook(ctx.db, kind as ImportKind);
      return sendXlsx(reply, file.filename, file.body);
    },
  );
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const sendXlsx = (reply: FastifyReply, filename: string, body: Buffer) =>
  reply
    .header("Content-Type", XLSX)
    .header("Content-Disposition", contentDisposition(filename))
    .header("Cache-Control", "no-store")
    .send(body);
