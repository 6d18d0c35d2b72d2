import type { KeyedMessage } from "@qt/shared/messages/index";
import { isCleanText } from "@qt/shared/schemas/common";
import type { FastifyRequest } from "fastify";
import { appError } from "../errors.ts";

export type Upload = { fields: Map<string, string>; file?: { name: string; bytes: Buffer } };

/**
 * A multipart request's text fields and its one file, read with the parser's limits (registered
 * with the route's plugin). The clean-text rule applies here to every field name, field value and
 * file name, before anything of the request goes further: an AppError (`tooLarge` past the limits,
 * `malformed` for a broken body, request.badCharacter) instead of the upload.
 */
export async function readMultipart(
  req: FastifyRequest,
  refusals: { tooLarge: KeyedMessage; malformed: KeyedMessage },
): Promise<Upload> {
  const bad = appError("invalid", "request.badCharacter");
  const upload: Upload = { fields: new Map() };
  try {
    for await (const part of req.parts()) {
      if (!isCleanText(part.fieldname)) throw bad;
      if (part.type === "file") {
        if (!isCleanText(part.filename ?? "")) throw bad;
        // toBuffer stops at the size limit while the upload streams in (RequestFileTooLargeError).
        upload.file = { name: part.filename || "tep", bytes: await part.toBuffer() };
      } else {
        const value = String(part.value);
        if (!isCleanText(value)) throw bad;
        upload.fields.set(part.fieldname, value);
      }
    }
  } catch (err) {
    if (err === bad) throw err;
    const code = (err as { code?: string }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE" || code === "FST_PARTS_LIMIT" || code === "FST_FILES_LIMIT") {
      throw appError("too-large", refusals.tooLarge.key, refusals.tooLarge.params);
    }
    throw appError("invalid", refusals.malformed.key, refusals.malformed.params);
  }
  return upload;
}
