import fastifyCookie from "@fastify/cookie";
import { LOCALE_HEADER } from "@qt/shared/format";
import Fastify, { type FastifyInstance } from "fastify";
import { refusalMessage, UploadError, type Uploader } from "../../client/features/imports/upload.ts";
import type { ContextDb } from "../../server/context.ts";
import { csrfGuard } from "../../server/http/csrf.ts";
import { plainErrorHandler } from "../../server/http/errors.ts";
import { importRoutes } from "../../server/http/imports.ts";
import { multipart } from "../server/helpers/imports.ts";

/**
 * The import's HTTP routes as server/http/app.ts mounts them (cookie parser, CSRF guard, the
 * plain routes' error handler, the routes), without the rest of the app: app.ts finds the built client from its own file URL,
 * which jsdom's URL does not resolve.
 */
export async function uploadServer(opts: ContextDb): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(fastifyCookie);
  app.addHook("onRequest", csrfGuard);
  // The app's one error handler: a refusal carries its catalogue key, said in the request's language.
  app.setErrorHandler(plainErrorHandler);
  await app.register(importRoutes, opts);
  await app.ready();
  return app;
}

/**
 * The upload of the import screen sent to the real HTTP server in the test process: the same
 * multipart body, headers and session cookie the browser's XHR sends, through Fastify's inject
 * (jsdom cannot send a session cookie to another origin). The browser's XHR itself is covered by
 * the e2e test.
 */
export function injectUploader(app: FastifyInstance, sessionToken: string): Uploader {
  return async ({ kind, progressId, file, locale, onProgress }) => {
    const { payload, contentType } = multipart(
      { kind, progressId },
      { name: file.name, bytes: Buffer.from(await file.arrayBuffer()) },
    );
    onProgress({ loaded: payload.length, total: payload.length });
    const res = await app.inject({
      method: "POST",
      url: "/api/imports",
      headers: {
        "content-type": contentType,
        cookie: `qt_session=${sessionToken}`,
        "x-qt-client": "web",
        [LOCALE_HEADER]: locale,
      },
      payload,
    });
    const body = res.body ? JSON.parse(res.body) : null;
    if (res.statusCode >= 200 && res.statusCode < 300) return body;
    throw new UploadError(refusalMessage(body, res.statusCode, locale));
  };
}
