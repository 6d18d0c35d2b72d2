import { LOCALE_HEADER, localeOf } from "@qt/shared/format";
import { message } from "@qt/shared/messages/index";
import type { FastifyReply, FastifyRequest } from "fastify";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
export const CLIENT_HEADER = "x-qt-client";

/**
 * Cross-site request guard for every request that may change something (all non-GET requests,
 * which includes every tRPC mutation). SameSite=Lax already keeps the session cookie off
 * cross-site POSTs; on top of that:
 * - a browser's Origin header, when present, must name this server (host compared, so that a
 *   TLS-terminating proxy in front does not break it);
 * - the request must carry the `x-qt-client` header, which a cross-site form cannot set and a
 *   cross-site script cannot send without a CORS preflight this server never grants.
 */
export async function csrfGuard(req: FastifyRequest, reply: FastifyReply) {
  if (SAFE_METHODS.has(req.method)) return;
  const origin = req.headers.origin;
  let sameOrigin = true;
  if (origin !== undefined) {
    try {
      // Both through URL, so that default ports compare equal ("host:80" and "host").
      sameOrigin = new URL(origin).host === new URL(`${req.protocol}://${req.host}`).host;
    } catch {
      sameOrigin = false;
    }
  }
  if (!sameOrigin || !req.headers[CLIENT_HEADER]) {
    return reply.code(403).send({
      error: {
        code: "FORBIDDEN",
        message: message("auth.csrf", {}, localeOf(req.headers[LOCALE_HEADER])),
        messageKey: "auth.csrf",
      },
    });
  }
}
