import type { KeyedMessage } from "@qt/shared/messages/index";
import { isCleanText } from "@qt/shared/schemas/common";
import type { FastifyRequest } from "fastify";

export type Upload = { fields: Map<string, string>; file?: { name: string; bytes: Buffer } };

/**
 * A multipart request's text fields and its one file, read with the parser's limits (registered
 * with the route's plugin). The clean-text rule applies here to every field name, field value and
 * file name, before anything of the request goes further: a refusal (`tooLarge` past the limits,
 * `malformed` for a broken body, request.badCharacter) instead of the upload.
 */
export async function readMultipart(
  req: FastifyRequest,
  refusals: { tooLarge: KeyedMessage; malformed: KeyedMessage },
): Promise<{ ok: true; upload: Upload } | { ok: false; status: number; refusal: KeyedMessage }> {
  const bad = { ok: false as const, status: 400, refusal: { key: "request.badCharacter" as const, params: {} } };
  const upload: Upload = { fields: new Map() };
  try {
    for await (const part of req.parts()) {
      if (!isCleanText(part.fieldname)) return bad;
      if (part.type === "file") {
        if (!isCleanText(part.filename ?? "")) return bad;
        // toBuffer stops at the size limit while the upload streams in (RequestFileTooLargeError).
        upload.file = { name: part.filename || "tep", bytes: await part.toBuffer() };
      } else {
        const value = String(part.value);
        if (!isCleanText(value)) return bad;
        upload.fields.set(part.fieldname, value);
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE" || code === "FST_PARTS_LIMIT" || code === "FST_FILES_LIMIT") {
      return { ok: false, status: 413, refusal: refusals.tooLarge };
    }
    return { ok: false, status: 400, refusal: refusals.malformed };
  }
  return { ok: true, upload };
}
