import { LOCALE_HEADER, localeOf } from "@qt/shared/format";
import { message, translate } from "@qt/shared/messages/index";
import { MAP_UPLOAD_MAX_BYTES, ZCommuneList, ZMapUploadQuery } from "@qt/shared/schemas/maps";
import type { FastifyInstance } from "fastify";
import { type ContextDb, createContext } from "../context.ts";
import { loadCommuneBoundaries } from "../services/maps/load.ts";

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
  const refuse = (code: string, text: string) => ({
    ok: false as const,
    error: { code, message: text, problems: [], more: 0 },
  });
  app.setErrorHandler((err: { statusCode?: number; code?: string }, req, reply) => {
    const locale = localeOf(req.headers[LOCALE_HEADER]);
    if (err.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      return reply.code(413).send(refuse("PAYLOAD_TOO_LARGE", message("map.tooLarge", { mb: MB }, locale)));
    }
    throw err;
  });
  app.post<{ Params: { list: string }; Querystring: Record<string, string> }>(
    "/api/maps/communes/:list",
    { bodyLimit: MAP_UPLOAD_MAX_BYTES },
    async (req, reply) => {
      const locale = localeOf(req.headers[LOCALE_HEADER] ?? req.query.lang);
      const ctx = await createContext(opts, req, reply);
      if (!ctx.user) return reply.code(401).send(refuse("UNAUTHORIZED", message("auth.loginRequired", {}, locale)));
      if (ctx.user.role !== "admin") {
        return reply.code(403).send(refuse("FORBIDDEN", message("role.adminOnly", {}, locale)));
      }
      const list = ZCommuneList.safeParse(req.params.list);
      const query = ZMapUploadQuery.safeParse(req.query);
      if (!list.success || !query.success) {
        const issue = (list.error ?? query.error)?.issues[0]?.message;
        return reply
          .code(400)
          .send(refuse("BAD_REQUEST", issue ? translate(issue, locale) : message("map.uploadParams", {}, locale)));
      }
      const text = typeof req.body === "string" ? req.body : "";
      const result = await loadCommuneBoundaries(ctx.db, ctx.user, { list: list.data, text, ...query.data }, locale);
      return reply.code(result.ok ? 200 : 400).send(result);
    },
  );
}
