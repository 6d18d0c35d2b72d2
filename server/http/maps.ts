import { MAP_UPLOAD_MAX_BYTES, ZCommuneList, ZMapUploadQuery } from "@qt/shared/schemas/maps";
import type { FastifyInstance } from "fastify";
import type { ContextDb } from "../context.ts";
import { AppError, appError } from "../errors.ts";
import { loadCommuneBoundaries } from "../services/maps/load.ts";
import { adminRoute, guarded, localeOfRequest } from "./guard.ts";

const MB = Math.round(MAP_UPLOAD_MAX_BYTES / 1024 / 1024);

/**
 * POST /api/maps/communes/:list: an admin loads a commune-level GeoJSON or TopoJSON file, sent as
 * the request body (a boundary file is larger than the 1 MB a tRPC call may carry); the details
 * ride in the query string (fileName, attribution, missing). Answers ZMapUploadResult.
 */
export async function mapRoutes(app: FastifyInstance, opts: ContextDb) {
  // In this plugin only: every body is read as text, up to the upload's limit.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "string", bodyLimit: MAP_UPLOAD_MAX_BYTES }, (_req, body, done) =>
    done(null, body),
  );
  // The parser's refusal of a body past the limit, in this upload's words; the app's error
  // handler (http/errors.ts) answers it and everything else.
  app.setErrorHandler((err: { code?: string }) => {
    if (err.code === "FST_ERR_CTP_BODY_TOO_LARGE") throw appError("too-large", "map.tooLarge", { mb: MB });
    throw err;
  });
  app.post<{ Params: { list: string }; Querystring: Record<string, string> }>(
    "/api/maps/communes/:list",
    // Admins only, decided at the request's headers: the body is not read for anyone else.
    { bodyLimit: MAP_UPLOAD_MAX_BYTES, ...adminRoute(opts) },
    async (req, reply) => {
      const locale = localeOfRequest(req);
      const ctx = guarded(req);
      const list = ZCommuneList.safeParse(req.params.list);
      const query = ZMapUploadQuery.safeParse(req.query);
      if (!list.success || !query.success) {
        throw new AppError("invalid", "map.uploadParams", {}, { cause: list.error ?? query.error });
      }
      const text = typeof req.body === "string" ? req.body : "";
      const result = await loadCommuneBoundaries(ctx.db, ctx.user, { list: list.data, text, ...query.data }, locale);
      return reply.code(result.ok ? 200 : 400).send(result);
    },
  );
}
