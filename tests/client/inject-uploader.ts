import { LOCALE_HEADER } from "@qt/shared/format";
import { refusalMessage, UploadError, type Uploader } from "../../client/features/imports/upload.ts";
import type { buildApp } from "../../server/http/app.ts";

type App = Awaited<ReturnType<typeof buildApp>>;

/**
 * The upload of the import screen sent to the real HTTP server in the test process: the same
 * multipart body, headers and session cookie the browser's XHR sends, through Fastify's inject
 * (jsdom cannot send a session cookie to another origin). The browser's XHR itself is covered by
 * the e2e test.
 */
export function injectUploader(app: App, sessionToken: string): Uploader {
  return async ({ kind, file, locale, onProgress }) => {
    const boundary = `----qt-test-${Math.random().toString(36).slice(2)}`;
    const part = (head: string) => Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`);
    const payload = Buffer.concat([
      part('Content-Disposition: form-data; name="kind"'),
      Buffer.from(`${kind}\r\n`),
      part(
        `Content-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type || "application/octet-stream"}`,
      ),
      Buffer.from(await file.arrayBuffer()),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    onProgress({ loaded: payload.length, total: payload.length });
    const res = await app.inject({
      method: "POST",
      url: "/api/imports",
      headers: {
        "content-type": `multipart/form-data; boundary=${boundary}`,
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
